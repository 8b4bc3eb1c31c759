/** Staff handling actions: POST /api/staff/suggestions/{id}/<action>. Each checks role, department and state. */
import { auditLog, directory, publicBaseUrl, suggestionStore, supervision, systemClock } from '../../shared/aws/composition';
import { workflowAnswerer } from '../../shared/aws/composition-sfn';
import { notificationQueue } from '../../shared/aws/composition-sqs';
import { apiHandler, byRoute, type RouteHandler } from '../../shared/http/api-handler';
import { log } from '../../shared/observability/log';
import { staffActionPath } from '../../shared/http/routes';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { staffActionNames } from '../../shared/use-cases/staff-actions';
import { performStaffAction } from '../../shared/use-cases/staff-actions/perform';
import { listParkedWorkflows, resumeAllParked } from '../../shared/use-cases/parked-workflows';

const deps = {
  store: suggestionStore(),
  audit: auditLog(),
  directory: directory(),
  supervision: supervision(),
  notifications: notificationQueue(),
  workflow: workflowAnswerer(),
  clock: systemClock,
  publicBaseUrl: publicBaseUrl(),
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
