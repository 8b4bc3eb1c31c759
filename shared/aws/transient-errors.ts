/**
 * Which failures are transient — worth trying again in a moment — and which are not. Transient: the AWS SDK's own
 * judgement (`$retryable`, throttling, 5xx, its timeouts), network errors (a restart of the local stack, a dropped
 * connection), and losing an optimistic lock to a concurrent action (the next attempt reads the new state).
 * Everything else — a bug, a missing record — is not, and retrying it only delays the alert.
 *
 * The workflow tasks rethrow a transient failure under one error name the state machine retries with backoff and
 * jitter (infra/constructs/suggestion-workflow.ts), so a burst or a restart never parks a suggestion; the API maps
 * one to 503 with Retry-After, so a citizen is told to come back rather than that something broke.
 */
export const transientErrorName = 'Jianyi.Transient';

const transientNames = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'TransactionInProgressException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ServiceUnavailableError',
  'AbortError',
]);

const transientCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED', 'UND_ERR_SOCKET']);

export function isTransientError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as {
    name?: string;
    code?: string;
    $retryable?: unknown;
    $metadata?: { httpStatusCode?: number };
    cause?: unknown;
  };
  if (e.name === transientErrorName) return true;
  // The optimistic lock: someone else saved first; the next attempt starts from what they saved.
  if (e.name === 'ConflictError' && e.code === 'concurrent_update') return true;
  if (e.$retryable) return true;
  if (e.name && transientNames.has(e.name)) return true;
  if (e.code && transientCodes.has(e.code)) return true;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && (status >= 500 || status === 429)) return true;
  return e.cause !== undefined && e.cause !== error && isTransientError(e.cause);
}

/** Runs a workflow task; a transient failure is rethrown as `Jianyi.Transient`, naming the original. */
export function classifyingTransient<A extends unknown[], R>(task: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await task(...args);
    } catch (error) {
      if (!isTransientError(error) || (error as { name?: string }).name === transientErrorName) throw error;
      const original = error as Error;
      throw Object.assign(new Error(`${original.name ?? 'Error'}: ${original.message ?? String(error)}`, { cause: error }), { name: transientErrorName });
    }
  };
}
