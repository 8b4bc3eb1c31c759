/** The citizen answers an information request or rates the reply, with tracking code + PIN. */
import { directory, publicBaseUrl, rateLimiter, suggestionStore, supervision, systemClock } from '../../shared/aws/composition';
import { workflowAnswerer } from '../../shared/aws/composition-sfn';
import { notificationQueue } from '../../shared/aws/composition-sqs';
import { apiHandler, byRoute, type ApiRequest } from '../../shared/http/api-handler';
import { log } from '../../shared/observability/log';
import { answerInfoRequest, rateReply } from '../../shared/use-cases/citizen-actions';

const deps = {
  store: suggestionStore(),
  directory: directory(),
  supervision: supervision(),
  notifications: notificationQueue(),
  workflow: workflowAnswerer(),
  rateLimiter: rateLimiter(),
  clock: systemClock,
  publicBaseUrl: publicBaseUrl(),
  log,
};

const credentials = (request: ApiRequest) => ({
  trackingCode: request.event.pathParameters?.trackingCode ?? '',
  pin: request.header('x-tracking-pin'),
  sourceIp: request.sourceIp,
});

export const handler = apiHandler(
  byRoute({
    'POST /api/suggestions/{trackingCode}/info-answer': async (request) => ({ status: 200, body: await answerInfoRequest(deps, credentials(request), request.body) }),
    'POST /api/suggestions/{trackingCode}/rating': async (request) => ({ status: 200, body: await rateReply(deps, credentials(request), request.body) }),
  }),
);
