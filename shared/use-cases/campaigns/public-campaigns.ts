/**
 * The citizen's side of campaigns: the portal's list (open and upcoming first, then the published ones) and a
 * campaign's public page. A draft is never public: it answers 404 as an unknown campaign does.
 */
import { publicCampaign, type PublicCampaign } from '../../domain/campaign/views';
import type { Campaign } from '../../domain/campaign/campaign';
import { publicCampaignOrThrow } from './public-campaign';
import type { CampaignFiguresSource, CampaignStore, Clock } from '../../ports';

export interface PublicCampaignDeps {
  campaigns: Pick<CampaignStore, 'get' | 'list'>;
  figures: CampaignFiguresSource;
  clock: Clock;
  /** Where a campaign's cover is served (the public API's path), when it has one. */
  coverUrl: (campaign: Campaign) => string | undefined;
}

export interface PublicCampaignList {
  campaigns: PublicCampaign[];
}

const listedOrder: Record<PublicCampaign['state'], number> = { open: 0, scheduled: 1, published: 2, closed: 3 };

async function view(deps: PublicCampaignDeps, campaign: Campaign): Promise<PublicCampaign> {
  const figures = campaign.state === 'published' ? await deps.figures.figures(campaign.orgId, campaign.id) : undefined;
  return publicCampaign(campaign, deps.clock.now(), figures, campaign.cover ? deps.coverUrl(campaign) : undefined);
}

/** GET /api/campaigns: what a citizen can take part in or read the results of. The questionnaires are left out. */
export async function listPublicCampaigns(deps: PublicCampaignDeps, orgId: string): Promise<PublicCampaignList> {
  const now = deps.clock.now();
  const campaigns = (await deps.campaigns.list(orgId)).filter((c) => c.state !== 'draft');
  const views = campaigns.map((c) => {
    const { questionnaire: _q, results: _r, ...rest } = publicCampaign(c, now, undefined, c.cover ? deps.coverUrl(c) : undefined);
    const line: PublicCampaign = { ...rest, ...(c.questionnaire ? { hasQuestionnaire: true as const } : {}) };
    return line;
  });
  views.sort((a, b) => listedOrder[a.state] - listedOrder[b.state] || (a.state === 'published' ? b.closesAt.localeCompare(a.closesAt) : a.closesAt.localeCompare(b.closesAt)));
  return { campaigns: views };
}

/** GET /api/campaigns/{id}: the page a poster's QR code opens. */
export async function getPublicCampaign(deps: PublicCampaignDeps, orgId: string, campaignId: string): Promise<PublicCampaign> {
  return view(deps, await publicCampaignOrThrow(deps.campaigns, orgId, campaignId));
}
