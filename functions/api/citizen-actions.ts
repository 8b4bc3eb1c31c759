/** The citizen answers an information request or rates the reply, with tracking code + PIN. */
import { composition, systemClock } from '../../shared/aws/composition';
import { apiHandler, byRoute, type ApiRequest } from '../../shared/http/api-handler';
import { log } from '../../shared/http/log';
import { answerInfoRequest, rateReply } from '../../shared/use-cases/citizen-actions';

const deps = {
  store: composition.suggestionStore(),
  directory: composition.directory(),
  supervision: composition.supervision(),
  notifications: composition.notificationQueue(),
  workflow: composition.workflowAnswerer(),
  rateLimiter: composition.rateLimiter(),
  clock: systemClock,
  publicBaseUrl: composition.publicBaseUrl(),
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
