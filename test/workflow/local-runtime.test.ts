/**
 * Smaller pieces of the local runtime: the endpoint guard, schedule expressions, the Lambda runtime's
 * invocation contract and the task-token registry's answers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LocalFunction, LocalSchedule } from '../../infra/local/cdk-template';
import { LambdaRuntime } from '../../infra/local/lambda-runtime';
import { assertLocalEndpoint } from '../../infra/local/ports';
import { parseCron, parseRate, scheduledEvent } from '../../infra/local/scheduler';
import { TaskTokenRegistry } from '../../infra/local/task-tokens';

describe('assertLocalEndpoint', () => {
  it('accepts loopback endpoints only', () => {
    expect(() => assertLocalEndpoint('http://127.0.0.1:8000')).not.toThrow();
    expect(() => assertLocalEndpoint('http://localhost:4566/')).not.toThrow();
    expect(() => assertLocalEndpoint('https://dynamodb.us-east-1.amazonaws.com')).toThrow(/non-local/);
    expect(() => assertLocalEndpoint('http://10.0.0.5:8000')).toThrow(/non-local/);
    expect(() => assertLocalEndpoint(undefined)).toThrow();
    expect(() => assertLocalEndpoint('not a url')).toThrow(/malformed/);
  });
});

describe('schedule expressions', () => {
  it('reads rate() expressions', () => {
    expect(parseRate('rate(15 minutes)')).toBe(900_000);
    expect(parseRate('rate(1 hour)')).toBe(3_600_000);
    expect(parseRate('rate(2 days)')).toBe(172_800_000);
    expect(parseRate('cron(0 1 * * ? *)')).toBeUndefined();
  });

  it('reads the usual cron() subset in UTC, with EventBridge’s 1-7 Sunday-first days', () => {
    const weekdays0130 = parseCron('cron(30 1 ? * MON-FRI *)')!;
    expect(weekdays0130(new Date('2026-03-02T01:30:00Z'))).toBe(true); // a Monday
    expect(weekdays0130(new Date('2026-03-01T01:30:00Z'))).toBe(false); // a Sunday
    expect(weekdays0130(new Date('2026-03-02T01:31:00Z'))).toBe(false);
    const everyTen = parseCron('cron(0/10 * * * ? *)')!;
    expect([0, 10, 50].every((m) => everyTen(new Date(Date.UTC(2026, 0, 1, 5, m))))).toBe(true);
    expect(everyTen(new Date(Date.UTC(2026, 0, 1, 5, 5)))).toBe(false);
    expect(() => parseCron('cron(0 12 L * ? *)')).toThrow(/not supported/);
  });

  it('builds a Scheduled Event', () => {
    const schedule: LocalSchedule = { id: 's', ruleName: 'r', ruleArn: 'arn:aws:events:local:000000000000:rule/r', scheduleExpression: 'rate(1 hour)', enabled: true, targets: [] };
    expect(scheduledEvent(schedule, 'local', new Date('2026-01-01T00:00:00.123Z'))).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: '2026-01-01T00:00:00Z',
      resources: ['arn:aws:events:local:000000000000:rule/r'],
      detail: {},
    });
  });
});

describe('LambdaRuntime', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyi-lambda-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function bundle(name: string, source: string, timeoutSeconds = 3): LocalFunction {
    const assetDir = path.join(dir, name);
    mkdirSync(assetDir, { recursive: true });
    writeFileSync(path.join(assetDir, 'index.mjs'), source);
    return { id: `t/${name}`, logicalId: name, stackName: 't', functionName: name, arn: `arn:aws:lambda:local:000000000000:function:${name}`, assetDir, handler: 'index.handler', runtime: 'nodejs24.x', timeoutSeconds, memoryMb: 256, environment: {} };
  }

  const functions = [
    bundle('async', 'export const handler = async (event, context) => ({ event, name: context.functionName, memory: context.memoryLimitInMB, left: context.getRemainingTimeInMillis() });'),
    bundle('callback', 'export const handler = (event, context, callback) => { setTimeout(() => callback(null, { via: "callback" }), 5); };'),
    bundle('slow', 'export const handler = () => new Promise((resolve) => setTimeout(resolve, 5000));', 1),
    bundle('throws', 'class RateLimited extends Error { constructor(m) { super(m); this.name = "RateLimited"; } }\nexport const handler = async () => { throw new RateLimited("too many"); };'),
    bundle('counted', 'globalThis.__coldStarts = (globalThis.__coldStarts ?? 0) + 1;\nexport const handler = async () => globalThis.__coldStarts;'),
  ];
  const runtime = new LambdaRuntime(functions, { region: 'local' });

  it('invokes async handlers with a Lambda-like context and a copy of the event', async () => {
    const event = { a: 1 };
    const outcome = await runtime.invoke('t/async', event);
    expect(outcome).toMatchObject({ ok: true, result: { event: { a: 1 }, name: 'async', memory: '256' } });
    expect((outcome as { result: { left: number } }).result.left).toBeGreaterThan(2_000);
  });

  it('supports callback-style handlers', async () => {
    expect(await runtime.invoke('t/callback', {})).toEqual({ ok: true, result: { via: 'callback' } });
  });

  it('turns a throw into Lambda’s error shape and enforces the configured timeout', async () => {
    expect(await runtime.invoke('t/throws', {})).toMatchObject({ ok: false, error: { errorType: 'RateLimited', errorMessage: 'too many' } });
    const started = Date.now();
    expect(await runtime.invoke('t/slow', {})).toMatchObject({ ok: false, error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 1.00 seconds' } });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('imports a bundle once even when the first invocations arrive together', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => runtime.invoke('t/counted', {})));
    expect(results.map((r) => (r as { result: number }).result)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('TaskTokenRegistry', () => {
  it('answers a token once; late answers to an expired token are TaskTimedOut; unknown ones TaskDoesNotExist', async () => {
    const registry = new TaskTokenRegistry();
    const { token, result } = registry.issue({ executionArn: 'e', stateName: 'S' });
    expect(() => registry.succeed(token, 'not json')).toThrow(expect.objectContaining({ code: 'InvalidOutput' }));
    registry.succeed(token, '{"ok":true}');
    await expect(result).resolves.toEqual({ ok: true });
    expect(() => registry.succeed(token, '{}')).toThrow(expect.objectContaining({ code: 'TaskDoesNotExist' }));

    const expiring = registry.issue({ executionArn: 'e', stateName: 'S' });
    registry.expire(expiring.token);
    expect(() => registry.fail(expiring.token, 'E')).toThrow(expect.objectContaining({ code: 'TaskTimedOut' }));
    expect(() => registry.heartbeat('')).toThrow(expect.objectContaining({ code: 'InvalidToken' }));
  });

  it('fails the waiting task with the given error name and cause', async () => {
    const registry = new TaskTokenRegistry();
    const { token, result } = registry.issue({ executionArn: 'e', stateName: 'S' });
    registry.fail(token, 'Screening.Rejected', 'spam');
    await expect(result).rejects.toMatchObject({ name: 'Screening.Rejected', message: 'spam' });
  });
});
