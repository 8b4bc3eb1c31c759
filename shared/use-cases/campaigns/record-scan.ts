/**
 * POST /api/campaigns/{campaignId}/scans — the public page was opened from a poster's QR code.
 * Primary course:
 *  1. validate the visit id (the page's, kept for its life) and the station, which must be one of the campaign's; a
 *     scan counts whenever the campaign is public, inside its window or not (posters hang on after it closes);
 *  2. count the request against its address (429 past the limit: a script could otherwise inflate the scans);
 *  3. count the scan once per visit id: a conditional put of the visit and the ADD on a counter shard, in one
 *     transaction (a reload or a retry of the same visit counts nothing) — 204 either way.
 */
import { scanContributions } from '../../domain/campaign/aggregate';
import { scanRequestSchema } from '../../domain/campaign/response';
import { responseLimits } from '../../domain/campaign/response-limits';
import { RateLimitedError, ValidationError } from '../../domain/errors';
import { parseOrThrow } from '../../domain/validation';
import type { CampaignStore, Clock, RateLimiter, ResponseStore } from '../../ports';
import { publicCampaignOrThrow } from './public-campaign';

export interface RecordScanDeps {
  campaigns: Pick<CampaignStore, 'get'>;
  responses: Pick<ResponseStore, 'recordScan'>;
  rateLimiter: RateLimiter;
  clock: Clock;
}

export async function recordScan(deps: RecordScanDeps, command: { orgId: string; campaignId: string; body: unknown; sourceIp?: string }): Promise<{ counted: boolean }> {
  const request = parseOrThrow(scanRequestSchema, command.body);
  const campaign = await publicCampaignOrThrow(deps.campaigns, command.orgId, command.campaignId);
  if (request.stationId && !campaign.stations.some((s) => s.id === request.stationId)) throw new ValidationError({ stationId: { rule: 'unknownStation' } });
  if (command.sourceIp) {
    const verdict = await deps.rateLimiter.hitAll(`scan#${command.orgId}#ip#${command.sourceIp}`, responseLimits.scansPerAddress, deps.clock.now());
    if (!verdict.allowed) throw new RateLimitedError('error.responsesRateLimited', { seconds: verdict.retryAfterSeconds });
  }
  const counted = await deps.responses.recordScan(command.orgId, command.campaignId, request.visitId, scanContributions(request.stationId));
  return { counted };
}
