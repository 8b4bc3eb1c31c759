/**
 * GET /api/staff/campaigns/{campaignId}/figures — the campaign's live figures for its results dashboard.
 * Primary course:
 *  1. organizer, admin, supervisor or viewer of the campaign's organisation (staff-campaign-access.ts);
 *  2. sum the campaign's counter shards (one BatchGet, whatever the number of responses);
 *  3. audit the view, before answering (as every staff read is).
 */
import type { CampaignFigures } from '../../domain/campaign/figures';
import { auditRecord } from '../../domain/staff/audit-record';
import type { StaffPrincipal } from '../../domain/staff/principal';
import type { AuditLog, CampaignFiguresSource, CampaignStore, Clock } from '../../ports';
import { readableCampaign } from './staff-campaign-access';

export interface CampaignFiguresDeps {
  campaigns: Pick<CampaignStore, 'get'>;
  figures: CampaignFiguresSource;
  audit: AuditLog;
  clock: Clock;
}

export async function campaignFigures(deps: CampaignFiguresDeps, principal: StaffPrincipal, campaignId: string): Promise<CampaignFigures> {
  const campaign = await readableCampaign(deps.campaigns, principal, campaignId);
  const figures = await deps.figures.figures(principal.orgId, campaign.id);
  await deps.audit.record(auditRecord(principal, deps.clock.now().toISOString(), 'viewCampaignFigures', campaign.id));
  return figures;
}
