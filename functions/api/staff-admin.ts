/** Supervisor board, reply templates, calendar overrides (and failed notifications, being built). */
import { composition, systemClock } from '../../shared/aws/composition';
import { DomainError } from '../../shared/domain/errors';
import { apiHandler, byRoute } from '../../shared/http/api-handler';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { escalationBoard, getCalendarOverrides, getTimeLimits, listReplyTemplates, saveCalendarOverrides, saveReplyTemplate, saveTimeLimits } from '../../shared/use-cases/supervision';

const deps = { supervision: composition.supervision(), store: composition.suggestionStore(), audit: composition.auditLog(), clock: systemClock };
const notYet = async () => {
  throw new DomainError('not_implemented', 501, 'error.internal');
};

export const handler = apiHandler(
  byRoute({
    'GET /api/staff/escalations': async (r) => ({ status: 200, body: await escalationBoard(deps, r.principal!) }),
    'GET /api/staff/reply-templates': async (r) => ({ status: 200, body: await listReplyTemplates(deps, r.principal!) }),
    'POST /api/staff/reply-templates': async (r) => ({ status: 201, body: await saveReplyTemplate(deps, r.principal!, r.body) }),
    'GET /api/staff/calendar-overrides': async (r) => ({ status: 200, body: await getCalendarOverrides(deps, r.principal!) }),
    'PUT /api/staff/calendar-overrides': async (r) => ({ status: 200, body: await saveCalendarOverrides(deps, r.principal!, r.body) }),
    'GET /api/staff/time-limits': async (r) => ({ status: 200, body: await getTimeLimits(deps, r.principal!) }),
    'PUT /api/staff/time-limits': async (r) => ({ status: 200, body: await saveTimeLimits(deps, r.principal!, r.body) }),
    'GET /api/staff/notifications/failed': notYet,
    'POST /api/staff/notifications/failed/{id}/retry': notYet,
  }),
  { authenticate: staffAuthenticator() },
);
