/** The campaign adapters, built once per container. */
import type { Campaign } from '../domain/campaign/campaign';
import type { CampaignFiguresSource } from '../ports';
import { campaignStore } from './composition';
import { responseStore } from './composition-responses';

export { campaignStore };

/** A campaign's figures: the sum of its counter shards (the response store keeps them). */
export const campaignFigures = (): CampaignFiguresSource => responseStore();

/** The public path of a campaign's cover; its key in the query so a new cover is a new URL (cached forever). */
export const coverUrlOf = (campaign: Campaign): string | undefined =>
  campaign.cover ? `/api/campaigns/${campaign.id}/cover?v=${encodeURIComponent(campaign.cover.key.split('/').pop() ?? '')}` : undefined;
