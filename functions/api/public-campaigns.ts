/** The portal's campaigns: GET /api/campaigns, GET /api/campaigns/{campaignId}. Public. */
import { orgId as configuredOrgId, systemClock } from '../../shared/aws/composition';
import { campaignFigures, campaignStore, coverUrlOf } from '../../shared/aws/composition-campaigns';
import { apiHandler, byRoute } from '../../shared/http/api-handler';
import { getPublicCampaign, listPublicCampaigns } from '../../shared/use-cases/campaigns/public-campaigns';

const orgId = configuredOrgId();
const deps = { campaigns: campaignStore(), figures: campaignFigures(), clock: systemClock, coverUrl: coverUrlOf };

export const handler = apiHandler(
  byRoute({
    'GET /api/campaigns': async () => ({ status: 200, body: await listPublicCampaigns(deps, orgId) }),
    'GET /api/campaigns/{campaignId}': async (request) => ({
      status: 200,
      body: await getPublicCampaign(deps, orgId, request.event.pathParameters?.campaignId ?? ''),
    }),
  }),
);
