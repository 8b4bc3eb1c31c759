/** Citizen intake and tracking: POST /api/suggestions, GET /api/suggestions/{trackingCode}. */
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
import { publicChannels } from '../../shared/domain/suggestion/suggestion';
import { screeningDueAt } from '../../shared/domain/suggestion/phase-deadlines';
import { deadlinePolicy } from '../../shared/use-cases/org-calendar';
import { apiHandler, byRoute } from '../../shared/http/api-handler';
import { log } from '../../shared/observability/log';
import { submitSuggestion } from '../../shared/use-cases/submit-suggestion';
import { trackSuggestion } from '../../shared/use-cases/track-suggestion';

const orgId = configuredOrgId();
const store = suggestionStore();
const supervision = supervisionStore();
const rateLimiter = dynamoRateLimiter();
// Checked at cold start, by name: keyed submissions derive their PIN under it.
const pinSecret = secretFromEnvironment('PIN_SECRET');
if (!pinSecret) throw new Error('PIN_SECRET_ARN (on AWS) or PIN_SECRET_FILE (locally) must be set');
const submitDeps = {
  store,
  campaigns: campaignStore(),
  rateLimiter,
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
  // Campaigns (issue 11): responses — a campaign suggestion's person counted among its participants.
  campaignParticipants: responseStore(),
};
const trackDeps = { store, rateLimiter, clock: systemClock };

export const handler = apiHandler(
  byRoute({
    'POST /api/suggestions': async (request) => {
      const idempotencyKey = request.header('idempotency-key');
      const result = await submitSuggestion(submitDeps, {
        orgId,
        body: request.body,
        locale: request.locale,
        sourceIp: request.sourceIp,
        // Hotline, offline, import and integration channels come only through staff or an integration key.
        allowedChannels: publicChannels,
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      });
      return { status: result.status, body: result.body };
    },
    'GET /api/suggestions/{trackingCode}': async (request) => ({
      status: 200,
      body: await trackSuggestion(trackDeps, {
        trackingCode: request.event.pathParameters?.trackingCode ?? '',
        pin: request.header('x-tracking-pin'),
        sourceIp: request.sourceIp,
      }),
    }),
  }),
);
