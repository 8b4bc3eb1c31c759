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

function invocationKeys<TEvent>(options: ObservedOptions<TEvent>): MiddlewareObj<TEvent, unknown, Error, Context> {
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
export function observed<TEvent>(options: ObservedOptions<TEvent> = {}): MiddlewareObj<TEvent, any, Error, any>[] {
  return [
    captureLambdaHandler(tracer, { captureResponse: false }) as MiddlewareObj<TEvent, any, Error, any>,
    injectLambdaContext(logger, { resetKeys: true }) as MiddlewareObj<TEvent, any, Error, any>,
    invocationKeys(options) as MiddlewareObj<TEvent, any, Error, any>,
  ];
}
