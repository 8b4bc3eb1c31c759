/** Staff handling actions: POST /api/staff/suggestions/{id}/<action>. Each checks role, department and state. */
import { composition, systemClock } from '../../shared/aws/composition';
import { apiHandler, byRoute, type RouteHandler } from '../../shared/http/api-handler';
import { log } from '../../shared/http/log';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { performStaffAction, staffActionNames } from '../../shared/use-cases/handling-actions';

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
    `POST /api/staff/suggestions/{id}/${name}`,
    (async (request) => ({
      status: 200,
      body: await performStaffAction(deps, request.principal!, request.event.pathParameters?.id ?? '', name, request.body ?? {}),
    })) satisfies RouteHandler,
  ]),
);

export const handler = apiHandler(byRoute(routes), { authenticate: staffAuthenticator() });
