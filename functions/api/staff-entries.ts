/** 代录: POST /api/staff/entries — a staff member enters a citizen's suggestion (hotline, box, station, visit). */
import {
  orgId as configuredOrgId,
  publicBaseUrl,
  rateLimiter as dynamoRateLimiter,
  suggestionStore,
  supervision as supervisionStore,
  systemClock,
  systemRandomBytes,
} from '../../shared/aws/composition';
import { workflowEngine } from '../../shared/aws/composition-sfn';
import { campaignStore } from '../../shared/aws/composition-campaigns';
import { responseStore } from '../../shared/aws/composition-responses';
import { notificationQueue } from '../../shared/aws/composition-sqs';
import { secretFromEnvironment } from '../../shared/aws/server-secret';
import { screeningDueAt } from '../../shared/domain/suggestion/phase-deadlines';
import { apiHandler, byRoute } from '../../shared/http/api-handler';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { log } from '../../shared/observability/log';
import { deadlinePolicy } from '../../shared/use-cases/org-calendar';
import { enterSuggestion } from '../../shared/use-cases/staff-entry/enter-suggestion';

const orgId = configuredOrgId();
const supervision = supervisionStore();
// Checked at cold start, by name: the receipt's PIN is derived under it.
const pinSecret = secretFromEnvironment('PIN_SECRET');
if (!pinSecret) throw new Error('PIN_SECRET_ARN (on AWS) or PIN_SECRET_FILE (locally) must be set');
const deps = {
  store: suggestionStore(),
  campaigns: campaignStore(),
  rateLimiter: dynamoRateLimiter(),
  workflow: workflowEngine(),
  notifications: notificationQueue(),
  clock: systemClock,
  randomBytes: systemRandomBytes,
  pinSecret,
  screeningDueAt: async (submittedAt: Date, campaignId?: string) => {
    const { calendar, limits } = await deadlinePolicy(supervision, orgId, campaignId);
    return screeningDueAt(submittedAt, limits, calendar);
  },
  publicBaseUrl: publicBaseUrl(),
  log,
  campaignParticipants: responseStore(),
};

export const handler = apiHandler(
  byRoute({
    'POST /api/staff/entries': async (r) => {
      const idempotencyKey = r.header('idempotency-key');
      const result = await enterSuggestion(deps, r.principal!, {
        body: r.body,
        locale: r.locale,
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      });
      return { status: result.status, body: result.body };
    },
  }),
  { authenticate: staffAuthenticator() },
);
