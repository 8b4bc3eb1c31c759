/**
 * A function that is not an HTTP route — a workflow task, a scheduled job — as a middy handler with the
 * invocation middlewares (observed.ts). Lambda's own timeout stays the only one: middy's early TimeoutError
 * (timeoutEarlyInMillis) is off, because Step Functions retries a task by the name of the error it throws.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { observed, type ObservedOptions } from './observed';

export function observedTask<TEvent, TResult>(task: (event: TEvent) => Promise<TResult>, options: ObservedOptions<TEvent> = {}) {
  return middy<TEvent, TResult, Error, Context>({ timeoutEarlyInMillis: 0 })
    .use(observed<TEvent, TResult>(options))
    .handler((event) => task(event));
}
