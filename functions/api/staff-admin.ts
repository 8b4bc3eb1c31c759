/** Supervisor board, reply templates, calendar overrides, time limits, failed notifications, the directory, and the rates' settings. */
import {
  auditLog,
  directory,
  failedNotifications,
  rateStore,
  suggestionStore,
  supervision,
  systemClock,
  systemRandomBytes,
} from '../../shared/aws/composition';
import { notificationQueue } from '../../shared/aws/composition-sqs';
import { apiHandler, byRoute } from '../../shared/http/api-handler';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { staffAccountsFromEnvironment } from '../../shared/aws/staff-accounts';
import { listFailedNotifications, retryFailedNotification, revealFailedRecipient } from '../../shared/use-cases/failed-notifications';
import { listStaff, saveDepartment, saveStaffMember } from '../../shared/use-cases/org-directory';
import { requestFullRecompute, saveRankingSettings } from '../../shared/use-cases/rate-admin';
import { getCalendarOverrides, importCalendarSchedule, previewCalendarSchedule, saveCalendarOverrides } from '../../shared/use-cases/calendar-overrides';
import {
  escalationBoard,
  getCampaignTimeLimits,
  getTimeLimits,
  listReplyTemplates,
  saveCampaignTimeLimits,
  saveReplyTemplate,
  saveTimeLimits,
} from '../../shared/use-cases/supervision';

const deps = { supervision: supervision(), store: suggestionStore(), audit: auditLog(), clock: systemClock };
const failedDeps = {
  failed: failedNotifications(),
  notifications: notificationQueue(),
  audit: deps.audit,
  clock: systemClock,
};
const directoryDeps = {
  directory: directory(),
  accounts: staffAccountsFromEnvironment(),
  audit: deps.audit,
  clock: systemClock,
  randomBytes: systemRandomBytes,
};
const rateDeps = { rates: rateStore(), clock: systemClock };

export const handler = apiHandler(
  byRoute({
    'GET /api/staff/escalations': async (r) => ({ status: 200, body: await escalationBoard(deps, r.principal!) }),
    'GET /api/staff/reply-templates': async (r) => ({ status: 200, body: await listReplyTemplates(deps, r.principal!) }),
    'POST /api/staff/reply-templates': async (r) => ({ status: 201, body: await saveReplyTemplate(deps, r.principal!, r.body) }),
    'GET /api/staff/calendar-overrides': async (r) => ({ status: 200, body: await getCalendarOverrides(deps, r.principal!) }),
    'PUT /api/staff/calendar-overrides': async (r) => ({ status: 200, body: await saveCalendarOverrides(deps, r.principal!, r.body) }),
    'POST /api/staff/calendar-overrides/preview': async (r) => ({ status: 200, body: await previewCalendarSchedule(deps, r.principal!, r.body) }),
    'POST /api/staff/calendar-overrides/import': async (r) => ({ status: 200, body: await importCalendarSchedule(deps, r.principal!, r.body) }),
    'GET /api/staff/time-limits': async (r) => ({ status: 200, body: await getTimeLimits(deps, r.principal!) }),
    'PUT /api/staff/time-limits': async (r) => ({ status: 200, body: await saveTimeLimits(deps, r.principal!, r.body) }),
    'GET /api/staff/campaigns/{campaignId}/time-limits': async (r) => ({
      status: 200,
      body: await getCampaignTimeLimits(deps, r.principal!, r.event.pathParameters?.campaignId ?? ''),
    }),
    'PUT /api/staff/campaigns/{campaignId}/time-limits': async (r) => ({
      status: 200,
      body: await saveCampaignTimeLimits(deps, r.principal!, r.event.pathParameters?.campaignId ?? '', r.body),
    }),
    'GET /api/staff/people': async (r) => ({ status: 200, body: await listStaff(directoryDeps, r.principal!) }),
    'PUT /api/staff/people/{username}': async (r) => {
      const saved = await saveStaffMember(directoryDeps, r.principal!, r.event.pathParameters?.username ?? '', r.body);
      return { status: saved.created ? 201 : 200, body: saved };
    },
    'PUT /api/staff/departments/{departmentId}': async (r) => ({
      status: 200,
      body: await saveDepartment(directoryDeps, r.principal!, r.event.pathParameters?.departmentId ?? '', r.body),
    }),
    'PUT /api/staff/rates/ranking-settings': async (r) => ({ status: 200, body: await saveRankingSettings(rateDeps, r.principal!, r.body) }),
    'POST /api/staff/rates/recompute': async (r) => ({ status: 202, body: await requestFullRecompute(rateDeps, r.principal!, r.body) }),
    'GET /api/staff/notifications/failed': async (r) => ({ status: 200, body: await listFailedNotifications(failedDeps, r.principal!) }),
    'POST /api/staff/notifications/failed/{id}/retry': async (r) => ({
      status: 202,
      body: await retryFailedNotification(failedDeps, r.principal!, r.event.pathParameters?.id ?? ''),
    }),
    'POST /api/staff/notifications/failed/{id}/recipient-reveal': async (r) => ({
      status: 200,
      body: await revealFailedRecipient(failedDeps, r.principal!, r.event.pathParameters?.id ?? ''),
    }),
  }),
  { authenticate: staffAuthenticator() },
);
