/** The campaign adapters, built once per container. */
import type { CampaignFiguresSource } from '../ports';
import { campaignStore } from './composition';
import { responseStore } from './composition-responses';

export { campaignStore };

/** A campaign's figures: the sum of its counter shards (the response store keeps them). */
export const campaignFigures = (): CampaignFiguresSource => responseStore();

/** The public path of a campaign's cover (a new upload is a new URL). */
export { campaignCoverUrl as coverUrlOf } from '../domain/campaign/campaign-links';
