/** Staff queue (and the drill-down behind a dashboard figure), the dashboard, suggestion detail; contact reveal (audited). All routes need a staff token. */
import { auditLog, directory, rateStore, suggestionStore, systemClock } from '../../shared/aws/composition';
import { campaignStore } from '../../shared/aws/composition-campaigns';
import { apiHandler, byRoute, type ApiRequest } from '../../shared/http/api-handler';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { dashboard } from '../../shared/use-cases/dashboard';
import { listQueue } from '../../shared/use-cases/staff-queue';
import { getSuggestionForStaff, revealContact } from '../../shared/use-cases/staff-suggestion';

const deps = { store: suggestionStore(), audit: auditLog(), clock: systemClock, rates: rateStore(), directory: directory(), campaigns: campaignStore() };
const id = (request: ApiRequest) => request.event.pathParameters?.id ?? '';

export const handler = apiHandler(
  byRoute({
    'GET /api/staff/suggestions': async (request) => ({
      status: 200,
      body: await listQueue(deps, request.principal!, request.event.queryStringParameters ?? {}),
    }),
    'GET /api/staff/dashboard': async (request) => ({
      status: 200,
      body: await dashboard(deps, request.principal!, request.event.queryStringParameters ?? {}),
    }),
    'GET /api/staff/suggestions/{id}': async (request) => ({
      status: 200,
      body: await getSuggestionForStaff(deps, request.principal!, id(request)),
    }),
    'POST /api/staff/suggestions/{id}/contact-reveal': async (request) => ({
      status: 200,
      body: await revealContact(deps, request.principal!, id(request)),
    }),
  }),
  { authenticate: staffAuthenticator() },
);
