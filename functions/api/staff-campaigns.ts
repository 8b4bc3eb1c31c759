/** The organizer's campaigns: list, create, read, edit, and the lifecycle (POST .../state). Needs a staff token. */
import { directory, systemClock } from '../../shared/aws/composition';
import { campaignFigures, campaignStore } from '../../shared/aws/composition-campaigns';
import { apiHandler, byRoute } from '../../shared/http/api-handler';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { changeState, createCampaign, getCampaign, listCampaigns, updateCampaign } from '../../shared/use-cases/campaigns/manage-campaigns';

const deps = { campaigns: campaignStore(), figures: campaignFigures(), directory: directory(), clock: systemClock };
const idOf = (r: { event: { pathParameters?: Record<string, string | undefined> } }) => r.event.pathParameters?.campaignId ?? '';

export const handler = apiHandler(
  byRoute({
    'GET /api/staff/campaigns': async (r) => ({ status: 200, body: await listCampaigns(deps, r.principal!) }),
    'POST /api/staff/campaigns': async (r) => ({ status: 201, body: await createCampaign(deps, r.principal!, r.body) }),
    'GET /api/staff/campaigns/{campaignId}': async (r) => ({ status: 200, body: await getCampaign(deps, r.principal!, idOf(r)) }),
    'PUT /api/staff/campaigns/{campaignId}': async (r) => ({ status: 200, body: await updateCampaign(deps, r.principal!, idOf(r), r.body) }),
    'POST /api/staff/campaigns/{campaignId}/state': async (r) => ({ status: 200, body: await changeState(deps, r.principal!, idOf(r), r.body) }),
  }),
  { authenticate: staffAuthenticator() },
);
