/**
 * A campaign's responses for staff: GET /api/staff/campaigns/{campaignId}/figures (the live figures),
 * GET …/responses (text answers, browsed and searched), POST …/exports (CSV or XLSX, written in the background and
 * downloaded from the person's exports list). Needs a staff token.
 */
import { auditLog, campaignStore, exportStore, systemClock } from '../../shared/aws/composition';
import { fileJobQueue } from '../../shared/aws/composition-file-jobs';
import { responseStore } from '../../shared/aws/composition-responses';
import { apiHandler, byRoute, type ApiRequest } from '../../shared/http/api-handler';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { browseResponses } from '../../shared/use-cases/campaigns/browse-responses';
import { campaignFigures } from '../../shared/use-cases/campaigns/campaign-figures';
import { requestResponsesExport } from '../../shared/use-cases/campaigns/request-responses-export';

const responses = responseStore();
const deps = { campaigns: campaignStore(), figures: responses, responses, exports: exportStore(), jobs: fileJobQueue(), audit: auditLog(), clock: systemClock };
const campaignId = (request: ApiRequest) => request.event.pathParameters?.campaignId ?? '';

export const handler = apiHandler(
  byRoute({
    'GET /api/staff/campaigns/{campaignId}/figures': async (request) => ({ status: 200, body: await campaignFigures(deps, request.principal!, campaignId(request)) }),
    'GET /api/staff/campaigns/{campaignId}/responses': async (request) => ({
      status: 200,
      body: await browseResponses(deps, request.principal!, campaignId(request), request.event.queryStringParameters ?? {}),
    }),
    'POST /api/staff/campaigns/{campaignId}/exports': async (request) => ({
      status: 202,
      body: await requestResponsesExport(deps, request.principal!, campaignId(request), request.body, request.locale),
    }),
  }),
  { authenticate: staffAuthenticator() },
);
