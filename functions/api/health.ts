/** GET /api/health — liveness for load balancers and the local runtime's readiness check. */
import { apiHandler } from '../../shared/http/api-handler';

export const handler = apiHandler(async () => ({ status: 200, body: { status: 'ok', time: new Date().toISOString() } }));
