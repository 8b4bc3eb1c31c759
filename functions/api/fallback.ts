/**
 * API Gateway's $default route: whatever matched no route. Answers 405 (with Allow) when the path exists for
 * other methods, 404 otherwise — in the same JSON error shape as every other endpoint.
 */
import { DomainError } from '../../shared/domain/errors';
import { apiHandler } from '../../shared/http/api-handler';
import { routesForPath } from '../../shared/http/routes';

export const handler = apiHandler(async ({ event }) => {
  const path = event.rawPath;
  const method = event.requestContext.http.method;
  const candidates = routesForPath(path);
  if (!candidates.length) throw new DomainError('route_not_found', 404, 'error.routeNotFound', undefined, { path });
  const allowed = [...new Set(candidates.map((r) => r.method))].join(', ');
  if (method === 'OPTIONS') return { status: 204, headers: { allow: allowed } };
  throw new DomainError('method_not_allowed', 405, 'error.methodNotAllowed', undefined, { path, method, allowed });
});
