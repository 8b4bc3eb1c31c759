/**
 * The functions' logger: Powertools' structured JSON, one line per entry (CloudWatch Logs Insights queries it),
 * carrying what the invocation middlewares add (observed.ts): the function, its request id, cold start, the
 * correlation id and, where known, the suggestion id. Never given bodies or contact details.
 *
 * Level: POWERTOOLS_LOG_LEVEL (or LOG_LEVEL), INFO by default; on AWS, the function's own log level (Lambda's
 * advanced logging controls) wins. The test run sets SILENT (vitest.config.ts): Powertools writes to the process'
 * stdout directly, past the test runner's console capture.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes } from '@aws-lambda-powertools/logger/types';

export const serviceName = 'jianyi';

export const logger = new Logger({ serviceName });

/**
 * A plain object's keys become the entry's own keys (as Powertools does), an Error goes under `error` (Powertools
 * gives its name, message, location and stack), anything else under `detail`.
 */
function asDetail(detail: unknown): LogAttributes[] {
  if (detail === undefined) return [];
  if (detail instanceof Error) return [{ error: detail }];
  if (typeof detail === 'object' && detail !== null && !Array.isArray(detail)) return [detail as LogAttributes];
  return [{ detail } as LogAttributes];
}

/** What the use cases are handed as their `log` (a message and one detail value): Powertools underneath. */
export const log = {
  debug: (message: string, detail?: unknown) => logger.debug(message, ...asDetail(detail)),
  info: (message: string, detail?: unknown) => logger.info(message, ...asDetail(detail)),
  warn: (message: string, detail?: unknown) => logger.warn(message, ...asDetail(detail)),
  error: (message: string, detail?: unknown) => logger.error(message, ...asDetail(detail)),
};
