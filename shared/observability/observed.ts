/**
 * The middlewares every function starts with: the X-Ray handler subsegment (Powertools; annotated ColdStart and
 * Service), the Lambda context on every log line (Powertools; reset after each invocation, so nothing of one
 * invocation is logged with the next), and what ties an entry to the work it was about: the correlation id (API
 * Gateway's request id for a request; Lambda's awsRequestId otherwise, which every line carries anyway) and the
 * suggestion id where the event names one — a log key and an X-Ray annotation, so both can be searched by it.
 *
 * Responses are not recorded in traces: they carry citizens' details.
 */
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { logger } from './log';
import { tracer } from './tracer';

export interface ObservedOptions<TEvent> {
  /** The id that ties this invocation to its caller's request. @default Lambda's awsRequestId */
  correlationId?: (event: TEvent) => string | undefined;
  /** The suggestion this invocation works on, when the event says. */
  suggestionId?: (event: TEvent) => string | undefined;
}

function invocationKeys<TEvent, TResult, TContext extends Context>(options: ObservedOptions<TEvent>): MiddlewareObj<TEvent, TResult, Error, TContext> {
  return {
    before: (request) => {
      const correlationId = options.correlationId?.(request.event) ?? request.context?.awsRequestId;
      if (correlationId) logger.setCorrelationId(correlationId);
      const suggestionId = options.suggestionId?.(request.event);
      if (suggestionId) {
        logger.appendKeys({ suggestionId });
        tracer.putAnnotation('suggestionId', suggestionId);
      }
    },
  };
}

/** Register first: the tracer's subsegment then spans the other middlewares, and their log lines carry the keys. */
export function observed<TEvent, TResult = unknown, TContext extends Context = Context>(
  options: ObservedOptions<TEvent> = {},
): MiddlewareObj<TEvent, TResult, Error, TContext>[] {
  // Powertools types its middlewares loosely (MiddlewareLikeObj); they work on any event.
  const powertools = [captureLambdaHandler(tracer, { captureResponse: false }), injectLambdaContext(logger, { resetKeys: true })];
  return [...(powertools as MiddlewareObj<TEvent, TResult, Error, TContext>[]), invocationKeys(options)];
}
