/** Staff handling actions: POST /api/staff/suggestions/{id}/<action>. Each checks role, department and state. */
import { composition, systemClock } from '../../shared/aws/composition';
import { apiHandler, byRoute, type RouteHandler } from '../../shared/http/api-handler';
import { log } from '../../shared/http/log';
import { staffActionPath } from '../../shared/http/routes';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { staffActionNames } from '../../shared/use-cases/staff-actions';
import { performStaffAction } from '../../shared/use-cases/staff-actions/perform';
import { listParkedWorkflows, resumeAllParked } from '../../shared/use-cases/parked-workflows';

const deps = {
  store: composition.suggestionStore(),
  audit: composition.auditLog(),
  directory: composition.directory(),
  supervision: composition.supervision(),
  notifications: composition.notificationQueue(),
  workflow: composition.workflowAnswerer(),
  clock: systemClock,
  publicBaseUrl: composition.publicBaseUrl(),
  log,
};

const routes: Record<string, RouteHandler> = Object.fromEntries(
  staffActionNames.map((name) => [
    `POST ${staffActionPath(name)}`,
    (async (request) => ({
      status: 200,
      body: await performStaffAction(deps, request.principal!, request.event.pathParameters?.id ?? '', name, request.body ?? {}),
    })) satisfies RouteHandler,
  ]),
);

routes['GET /api/staff/workflows/parked'] = async (request) => ({ status: 200, body: await listParkedWorkflows(deps, request.principal!) });
routes['POST /api/staff/workflows/resume-parked'] = async (request) => ({ status: 200, body: await resumeAllParked(deps, request.principal!, request.body) });

export const handler = apiHandler(byRoute(routes), { authenticate: staffAuthenticator() });
