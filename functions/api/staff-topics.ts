/** Hot topics and barometer: GET /api/staff/topics?week=YYYY-Www. Needs a staff token. */
import { auditLog, systemClock } from '../../shared/aws/composition';
import { topicStore } from '../../shared/aws/composition-topics';
import { apiHandler, byRoute } from '../../shared/http/api-handler';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { topicsReport } from '../../shared/use-cases/topics-report';

const deps = { topics: topicStore(), audit: auditLog(), clock: systemClock };

export const handler = apiHandler(
  byRoute({
    'GET /api/staff/topics': async (request) => ({ status: 200, body: await topicsReport(deps, request.principal!, request.event.queryStringParameters ?? {}) }),
  }),
  { authenticate: staffAuthenticator() },
);
