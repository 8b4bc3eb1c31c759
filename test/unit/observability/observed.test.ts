import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { apiHandler } from '../../../shared/http/api-handler';
import { log } from '../../../shared/observability/log';
import { observedTask } from '../../../shared/observability/observed-task';
import { traced, tracer } from '../../../shared/observability/tracer';
import { apiEvent } from '../http/api-event';
import { captureLogLines } from './log-capture';

vi.hoisted(() => vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG'));
const lines = captureLogLines();
const context = (awsRequestId: string) => ({ awsRequestId, functionName: 'jianyi-test', memoryLimitInMB: '512', invokedFunctionArn: 'arn:aws:lambda:local:0:function:jianyi-test' }) as Context;

describe('the invocation middlewares', () => {
  it('log a task’s lines with the Lambda context, its request id as correlation id, and the suggestion', async () => {
    const task = observedTask(
      async (event: { suggestionId: string }) => {
        log.info('planning', { step: 1 });
        return event.suggestionId;
      },
      { suggestionId: (event) => event.suggestionId },
    );
    expect(await task({ suggestionId: 'S1' }, context('req-7'))).toBe('S1');
    expect(lines[0]).toMatchObject({ message: 'planning', step: 1, suggestionId: 'S1', correlation_id: 'req-7', function_request_id: 'req-7', function_name: 'jianyi-test' });
  });

  it('forget one invocation’s keys before the next', async () => {
    const task = observedTask(async (_: { suggestionId?: string }) => log.info('working'), { suggestionId: (event) => event.suggestionId });
    await task({ suggestionId: 'S1' }, context('req-1'));
    await task({}, context('req-2'));
    expect(lines[1]).toMatchObject({ correlation_id: 'req-2' });
    expect(lines[1]).not.toHaveProperty('suggestionId');
  });

  it('correlate an API request by API Gateway’s request id, and a staff route by the suggestion it acts on', async () => {
    const h = apiHandler(async () => {
      log.info('handling');
      return { status: 200 };
    });
    await h(apiEvent('POST', '/api/staff/suggestions/S9/screen', { routeKey: 'POST /api/staff/suggestions/{id}/screen', pathParameters: { id: 'S9' }, body: '{}' }), context('lambda-1'));
    expect(lines[0]).toMatchObject({ message: 'handling', correlation_id: 'req-1', function_request_id: 'lambda-1', suggestionId: 'S9' });
  });

  it('log the unexpected error behind a 500, correlated', async () => {
    const h = apiHandler(async () => {
      throw new Error('db.ts:42 exploded');
    });
    expect((await h(apiEvent('GET', '/x'), context('lambda-2'))).statusCode).toBe(500);
    expect(lines).toEqual([expect.objectContaining({ level: 'ERROR', message: 'unhandled error', correlation_id: 'req-1' })]);
  });
});

describe('tracing outside Lambda', () => {
  it('is off, and hands SDK clients back untouched', () => {
    expect(tracer.isTracingEnabled()).toBe(false);
    const client = { send: async () => ({}) };
    expect(traced(client)).toBe(client);
  });
});
