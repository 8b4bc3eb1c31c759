/** Staff console context: GET /api/staff/me, /departments, /stats, /audit. All need a staff token. */
import { auditLog as auditLogStore, directory, supervision, systemClock } from '../../shared/aws/composition';
import { apiHandler, byRoute } from '../../shared/http/api-handler';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { auditLog, departments, me, queueStats } from '../../shared/use-cases/staff-directory';

const deps = { directory: directory(), audit: auditLogStore(), supervision: supervision(), clock: systemClock };

export const handler = apiHandler(
  byRoute({
    'GET /api/staff/me': async (request) => ({ status: 200, body: await me(deps, request.principal!) }),
    'GET /api/staff/departments': async (request) => ({ status: 200, body: await departments(deps, request.principal!) }),
    'GET /api/staff/stats': async (request) => ({ status: 200, body: await queueStats(deps, request.principal!) }),
    'GET /api/staff/audit': async (request) => ({
      status: 200,
      body: await auditLog(deps, request.principal!, request.event.queryStringParameters ?? {}),
    }),
  }),
  { authenticate: staffAuthenticator() },
);
