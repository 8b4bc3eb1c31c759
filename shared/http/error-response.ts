/**
 * Middleware: every failure becomes the API's JSON error in the caller's language (errors.ts maps it). Our own
 * rather than @middy/http-error-handler, whose answer is the error's message as plain text (or one fixed text
 * for a 500) with its own headers. Register it after the observability middlewares: it answers, which ends
 * middy's onError chain, so it closes theirs first (Powertools' cleanup), once its own log lines are written.
 */
import { cleanupMiddlewares } from '@aws-lambda-powertools/commons';
import { recordAnswer } from '../observability/tracer';
import type { ApiMiddleware } from './api-context';
import { toErrorResponse } from './errors';
import { respond } from './json-response';
import { localeOf } from './locale';

export function errorResponse(): ApiMiddleware {
  return {
    onError: async (request) => {
      const locale = request.context.locale ?? localeOf(request.event);
      const mapped = toErrorResponse(locale, request.error, request.context.awsRequestId);
      recordAnswer(mapped.status, request.error);
      await cleanupMiddlewares(request);
      return respond({ status: mapped.status, body: mapped.body, headers: { ...mapped.headers, 'content-language': locale } });
    },
  };
}
