import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../shared/domain/errors';
import { classifyingTransient, isTransientError, transientErrorName } from '../../../shared/aws/transient-errors';

describe('transient failures', () => {
  it('are the SDK’s retryable ones, throttling, timeouts, 5xx, network errors and a lost optimistic lock', () => {
    expect(isTransientError(Object.assign(new Error('x'), { name: 'ProvisionedThroughputExceededException' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('x'), { name: 'Whatever', $retryable: { throttling: true } }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('x'), { name: 'Whatever', $metadata: { httpStatusCode: 503 } }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientError(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }))).toBe(true);
    expect(isTransientError(new ConflictError('error.concurrentUpdate', undefined, 'concurrent_update'))).toBe(true);
  });

  it('are not a bug, a missing record, a refused state change or a 4xx from a service', () => {
    expect(isTransientError(new TypeError('undefined is not a function'))).toBe(false);
    expect(isTransientError(new NotFoundError('error.staffSuggestionNotFound'))).toBe(false);
    expect(isTransientError(new ConflictError('error.illegalTransition', undefined, 'illegal_transition'))).toBe(false);
    expect(isTransientError(Object.assign(new Error('x'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } }))).toBe(false);
    expect(isTransientError(undefined)).toBe(false);
  });

  it('reach the state machine under one name, the original kept in the message and cause', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const task = classifyingTransient(async () => {
      throw throttled;
    });
    await expect(task()).rejects.toMatchObject({ name: transientErrorName, message: 'ThrottlingException: Rate exceeded', cause: throttled });
    const bug = new TypeError('boom');
    await expect(classifyingTransient(async () => Promise.reject(bug))()).rejects.toBe(bug);
    await expect(classifyingTransient(async (a: number) => a + 1)(1)).resolves.toBe(2);
  });
});
