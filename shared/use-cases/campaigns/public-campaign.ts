/**
 * The campaign a public request names, as the public may know it: a draft is not there for them (404, as an
 * unknown one), so a request cannot learn that a draft exists or read its title from a 409.
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
