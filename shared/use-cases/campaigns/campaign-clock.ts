/**
 * The scheduled job that opens and closes campaigns on time (every minute), so no one presses a button at
 * midnight. Primary course: read the organisation's campaigns; for each one `dueCampaignAction` says is due,
 * apply it through the lifecycle (recorded in its history as by `system`) and save it on the version read. A
 * campaign someone saved in between is left for the next run (its edit may have moved the window); a run repeated
 * finds nothing due, so retries are harmless.
 */
import { changeCampaignState, dueCampaignAction } from '../../domain/campaign/lifecycle';
import { ConflictError } from '../../domain/errors';
import type { CampaignStore, Clock, Log } from '../../ports';

export interface CampaignClockResult {
  opened: string[];
  closed: string[];
}

export async function runCampaignClock(deps: { campaigns: CampaignStore; clock: Clock; log: Pick<Log, 'info' | 'warn'> }, orgId: string): Promise<CampaignClockResult> {
  const now = deps.clock.now();
  const result: CampaignClockResult = { opened: [], closed: [] };
  for (const campaign of await deps.campaigns.list(orgId)) {
    const action = dueCampaignAction(campaign, now);
    if (!action) continue;
    const next = { ...changeCampaignState(campaign, { action, at: now, by: 'system' }), version: campaign.version + 1 };
    // The scheduled closing keeps the closing time that was set (changeCampaignState moves it only for an early close).
    try {
      await deps.campaigns.saveScheduled(next, campaign.version);
    } catch (error) {
      if (error instanceof ConflictError) {
        deps.log.warn('campaign changed while the clock ran; next run', { campaignId: campaign.id });
        continue;
      }
      throw error;
    }
    (action === 'open' ? result.opened : result.closed).push(campaign.id);
  }
  if (result.opened.length || result.closed.length) deps.log.info('campaign clock', { ...result });
  return result;
}
