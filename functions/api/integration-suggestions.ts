/**
 * The mini-program / city-app channel: POST /api/integrations/v1/suggestions and GET .../{trackingCode}, with an
 * integration key (Authorization: Bearer or X-Api-Key) instead of a staff token.
 */
import { orgId as configuredOrgId, publicBaseUrl, rateLimiter as dynamoRateLimiter, suggestionStore, supervision as supervisionStore, systemClock, systemRandomBytes } from '../../shared/aws/composition';
import { campaignStore } from '../../shared/aws/composition-campaigns';
import { integrationStore } from '../../shared/aws/composition-integrations';
import { responseStore } from '../../shared/aws/composition-responses';
import { workflowEngine } from '../../shared/aws/composition-sfn';
import { notificationQueue } from '../../shared/aws/composition-sqs';
import { secretFromEnvironment } from '../../shared/aws/server-secret';
import { screeningDueAt } from '../../shared/domain/suggestion/phase-deadlines';
import { apiHandler, byRoute } from '../../shared/http/api-handler';
import { log } from '../../shared/observability/log';
import { authenticateIntegration, integrationKeyOf } from '../../shared/use-cases/integrations/authenticate-integration';
import { integrationSuggestionStatus, submitThroughIntegration } from '../../shared/use-cases/integrations/integration-suggestions';
import { deadlinePolicy } from '../../shared/use-cases/org-calendar';

// The deployment's organisation: its calendar and time limits give the screening deadline.
const orgId = configuredOrgId();
const store = suggestionStore();
const supervision = supervisionStore();
const rateLimiter = dynamoRateLimiter();
const pinSecret = secretFromEnvironment('PIN_SECRET');
if (!pinSecret) throw new Error('PIN_SECRET_ARN (on AWS) or PIN_SECRET_FILE (locally) must be set');
const authDeps = { integrations: integrationStore(), rateLimiter, clock: systemClock, serverSecret: pinSecret };
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
  campaignParticipants: responseStore(),
};

export const handler = apiHandler(
  byRoute({
    'POST /api/integrations/v1/suggestions': async (r) => {
      const integration = await authenticateIntegration(authDeps, integrationKeyOf(r.header), 'submit');
      const idempotencyKey = r.header('idempotency-key');
      const result = await submitThroughIntegration(submitDeps, integration, { body: r.body, locale: r.locale, ...(idempotencyKey !== undefined ? { idempotencyKey } : {}) });
      return { status: result.status, body: result.body };
    },
    'GET /api/integrations/v1/suggestions/{trackingCode}': async (r) => {
      const integration = await authenticateIntegration(authDeps, integrationKeyOf(r.header), 'status');
      return { status: 200, body: await integrationSuggestionStatus(store, integration, r.event.pathParameters?.trackingCode ?? '') };
    },
  }),
);
