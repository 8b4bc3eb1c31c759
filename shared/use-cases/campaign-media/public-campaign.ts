/**
 * The campaign a public request names, as the public may see it: unknown and draft campaigns are both 404 — a
 * draft is never public, and the answer does not tell it exists.
 */
import type { Campaign } from '../../domain/campaign/campaign';
import { campaignIdPattern } from '../../domain/campaign/campaign';
import { NotFoundError } from '../../domain/errors';
import type { CampaignStore } from '../../ports';

export async function publicCampaignOrThrow(campaigns: Pick<CampaignStore, 'get'>, orgId: string, campaignId: string): Promise<Campaign> {
  const campaign = campaignIdPattern.test(campaignId) ? await campaigns.get(orgId, campaignId) : undefined;
  if (!campaign || campaign.state === 'draft') throw new NotFoundError('error.campaignNotFound');
  return campaign;
}
