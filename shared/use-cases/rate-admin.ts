/**
 * The admin's two levers on the rates: the ranking settings (PUT /api/staff/rates/ranking-settings — which rate the
 * office ranks by beside the 三率, and the minimum count behind each), and a full recompute
 * (POST /api/staff/rates/recompute), recorded as a request that the next scheduled run (within 5 minutes) carries
 * out from the first change — the CLI `npm run rates:recompute` does it at once. Both audited in the same write.
 */
import * as z from 'zod';
import { officeChoices, type RankingSettings } from '../domain/rates/ranking';
import { auditRecord } from '../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../domain/staff/principal';
import { parseOrThrow } from '../domain/validation';
import type { Clock, RatesState, RateStore } from '../ports';

const settingsSchema = z.strictObject({
  officeChoice: z.enum(officeChoices),
  minimumCount: z.number().int().min(1).max(1000),
});

export async function saveRankingSettings(
  deps: { rates: Pick<RateStore, 'saveRankingSettings'>; clock: Clock },
  principal: StaffPrincipal,
  body: unknown,
): Promise<RankingSettings> {
  requireRole(principal, ['admin']);
  const settings = parseOrThrow(settingsSchema, body);
  const at = deps.clock.now().toISOString();
  await deps.rates.saveRankingSettings(principal.orgId, settings, auditRecord(principal, at, 'saveRankingSettings', undefined, `officeChoice=${settings.officeChoice} minimumCount=${settings.minimumCount}`));
  return settings;
}

export interface RecomputeResponse {
  requestedAt: string;
  /** When the scheduled run picks it up at the latest. */
  expectedBy: string;
  lastFull?: RatesState['lastFull'];
}

export const scheduledRunMinutes = 5;

export async function requestFullRecompute(deps: { rates: Pick<RateStore, 'requestFull' | 'state'>; clock: Clock }, principal: StaffPrincipal, body: unknown): Promise<RecomputeResponse> {
  requireRole(principal, ['admin']);
  // Nothing to say but "do it": a body with fields is a mistake, named rather than ignored.
  parseOrThrow(z.strictObject({}), body ?? {});
  const now = deps.clock.now();
  const at = now.toISOString();
  await deps.rates.requestFull(principal.orgId, at, principal.username, auditRecord(principal, at, 'requestRatesRecompute'));
  const { lastFull } = await deps.rates.state(principal.orgId);
  return { requestedAt: at, expectedBy: new Date(now.getTime() + scheduledRunMinutes * 60_000).toISOString(), ...(lastFull ? { lastFull } : {}) };
}
