/**
 * A campaign's public questionnaire (no token): POST /api/campaigns/{campaignId}/responses (a response),
 * …/phone-codes (the SMS code of the one-response-per-phone policy), …/scans (a poster's QR code opened the page).
 */
import { campaignStore, orgId as configuredOrgId, rateLimiter as dynamoRateLimiter, systemClock, systemRandomBytes } from '../../shared/aws/composition';
import { phoneCodeStore, responseStore } from '../../shared/aws/composition-responses';
import { notificationQueue } from '../../shared/aws/composition-sqs';
import { secretFromEnvironment } from '../../shared/aws/server-secret';
import { apiHandler, byRoute, type ApiRequest } from '../../shared/http/api-handler';
import { requestPhoneCode } from '../../shared/use-cases/campaigns/phone-codes';
import { recordScan } from '../../shared/use-cases/campaigns/record-scan';
import { submitResponse } from '../../shared/use-cases/campaigns/submit-response';

const orgId = configuredOrgId();
// Checked at cold start, by name: respondents and SMS codes are hashed under it.
const secret = secretFromEnvironment('PIN_SECRET');
if (!secret) throw new Error('PIN_SECRET_ARN (on AWS) or PIN_SECRET_FILE (locally) must be set');
const campaigns = campaignStore();
const responses = responseStore();
const phoneCodes = phoneCodeStore();
const rateLimiter = dynamoRateLimiter();
const responseDeps = { campaigns, responses, phoneCodes, rateLimiter, clock: systemClock, secret };
const phoneCodeDeps = { campaigns, phoneCodes, rateLimiter, notifications: notificationQueue(), clock: systemClock, randomBytes: systemRandomBytes, secret };
const scanDeps = { campaigns, responses, rateLimiter, clock: systemClock };

const command = (request: ApiRequest) => ({
  orgId,
  campaignId: request.event.pathParameters?.campaignId ?? '',
  body: request.body,
  sourceIp: request.sourceIp,
  locale: request.locale,
});

export const handler = apiHandler(
  byRoute({
    'POST /api/campaigns/{campaignId}/responses': async (request) => {
      const result = await submitResponse(responseDeps, command(request));
      return { status: result.status, body: result.body };
    },
    'POST /api/campaigns/{campaignId}/phone-codes': async (request) => ({ status: 202, body: await requestPhoneCode(phoneCodeDeps, command(request)) }),
    'POST /api/campaigns/{campaignId}/scans': async (request) => {
      await recordScan(scanDeps, command(request));
      return { status: 204 };
    },
  }),
);
