/** The campaign adapters, built once per container. */
import type { Campaign } from '../domain/campaign/campaign';
import { emptyFigures } from '../domain/campaign/figures';
import type { CampaignFiguresSource } from '../ports';
import { campaignStore } from './composition';

export { campaignStore };

/**
 * Interim: the figures read before the response store (with the campaign's sharded counters) is merged in;
 * replaced by it in the same change set that adds the counters.
 */
export const campaignFigures = (): CampaignFiguresSource => ({ figures: async () => emptyFigures() });

/** The public path of a campaign's cover; its key in the query so a new cover is a new URL (cached forever). */
export const coverUrlOf = (campaign: Campaign): string | undefined =>
  campaign.cover ? `/api/campaigns/${campaign.id}/cover?v=${encodeURIComponent(campaign.cover.key.split('/').pop() ?? '')}` : undefined;
