/**
 * The suggestion workflow exactly as synthesized (cdk.out), run by the local Step Functions with its tasks'
 * functions replaced by test handlers (by state name). Task tokens travel through the real @aws-sdk/client-sfn
 * against the local SFN endpoint; executions persist in DynamoDB Local so a restart can be tested for real.
 * Waits are kept to 1 s.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { SFNClient, SendTaskFailureCommand, SendTaskSuccessCommand, StartExecutionCommand, DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureSynthesized } from '../../infra/local/build-steps';
import { loadLocalApp, type LocalStateMachine } from '../../infra/local/cdk-template';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb';
import { DynamoDbExecutionStore } from '../../infra/local/execution-store';
import { projectRoot } from '../../infra/local/local-stack';
import { assertLocalEndpoint } from '../../infra/local/ports';
import { startSfnEndpoint } from '../../infra/local/sfn-endpoint';
import { LocalStepFunctions, type ExecutionEvent, type TaskHandler } from '../../infra/local/step-functions';

type Payload = { suggestionId: string; phase?: string; timeout?: number; taskToken?: string };

let database: DynamoDbLocal;
let store: DynamoDbExecutionStore;
let machine: LocalStateMachine;
const running: Array<{ stop(): Promise<void> }> = [];

beforeAll(async () => {
  // The real definition: synthesize once if nobody has yet (global setup normally has).
  if (!existsSync(path.join(projectRoot, 'cdk.out', 'manifest.json'))) await ensureSynthesized(projectRoot, () => undefined);
  const app = loadLocalApp(path.join(projectRoot, 'cdk.out'), { sqsEndpoint: 'http://127.0.0.1:1' });
  const found = app.stateMachines.find((m) => JSON.stringify(m.definition.States).includes('AwaitScreening'));
  if (!found) throw new Error('the synthesized template has no suggestion workflow');
  machine = found;
  database = await startDynamoDbLocal();
  assertLocalEndpoint(database.endpoint);
  store = await DynamoDbExecutionStore.open(database.client(), 'test-sfn-executions');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

afterAll(async () => {
  await database?.stop();
});

/** One engine with recording task handlers and its SFN endpoint; `nextToken()` yields each AwaitScreening token. */
async function harness(behaviour: { begin: (p: Payload) => unknown; overdue?: (p: Payload) => unknown; extra?: Record<string, TaskHandler> }) {
  const calls = { begin: [] as Payload[], await: [] as Payload[], overdue: [] as Payload[] };
  const events: ExecutionEvent[] = [];
  const waiting: Array<(token: string) => void> = [];
  const tokens: string[] = [];
  const engine = new LocalStepFunctions({
    stateMachines: [machine],
    store,
    taskHandlers: {
      BeginScreening: (p) => (calls.begin.push(p as Payload), behaviour.begin(p as Payload)),
      AwaitScreening: (p) => {
        const payload = p as Payload;
        calls.await.push(payload);
        tokens.push(payload.taskToken!);
        waiting.shift()?.(payload.taskToken!);
        return null;
      },
      ScreeningOverdue: (p) => (calls.overdue.push(p as Payload), (behaviour.overdue ?? behaviour.begin)(p as Payload)),
      ...behaviour.extra,
    },
    onExecutionEvent: (event) => events.push(event),
  });
  const endpoint = await startSfnEndpoint(engine);
  assertLocalEndpoint(endpoint.endpoint);
  const sfn = new SFNClient({ endpoint: endpoint.endpoint, region: 'local', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const handle = {
    engine,
    sfn,
    calls,
    events,
    /** Resolves with the token of the next AwaitScreening task (call before the task runs). */
    nextToken(): Promise<string> {
      return new Promise((resolve) => waiting.push(resolve));
    },
    tokens,
    statesEntered: (executionArn: string) => events.filter((e) => e.executionArn === executionArn && e.type === 'StateEntered').map((e) => e.stateName),
    async start(suggestionId: string, name = suggestionId) {
      const { executionArn } = await sfn.send(
        new StartExecutionCommand({ stateMachineArn: machine.arn, name, input: JSON.stringify({ Payload: { suggestionId } }) }),
      );
      return executionArn!;
    },
    async stop() {
      sfn.destroy();
      await engine.stop();
      await endpoint.stop();
    },
  };
  running.push(handle);
  return handle;
}

const screening = (timeout = 1) => (p: Payload) => ({ suggestionId: p.suggestionId, phase: 'screening', timeout });
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

describe('the suggestion workflow (synthesized definition)', () => {
  it('waits for the screening decision and ends in Screened when the token is answered', async () => {
    const h = await harness({ begin: screening(30) });
    const id = unique('happy');
    const tokenPromise = h.nextToken();
    const arn = await h.start(id);
    const token = await tokenPromise;

    expect(h.calls.begin).toEqual([{ suggestionId: id }]);
    expect(h.calls.await).toEqual([{ suggestionId: id, timeout: 30, taskToken: token }]);
    expect(token).toMatch(/^[\w-]{64,}$/);

    await h.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ decision: 'assigned' }) }));
    const done = await h.engine.waitForExecution(arn, 10_000);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ Payload: { suggestionId: id, phase: 'screening', timeout: 30 }, screening: { decision: 'assigned' } });
    expect(h.statesEntered(arn)).toEqual(['BeginScreening', 'IsScreeningOpen', 'AwaitScreening', 'Screened']);
    expect(h.calls.overdue).toEqual([]);

    // A token works once; answering again is TaskDoesNotExist, as on AWS.
    await expect(h.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toMatchObject({ name: 'TaskDoesNotExist' });
  });

  it('on a wait timeout runs ScreeningOverdue, waits again, and ends when the second wait is answered', async () => {
    const h = await harness({ begin: screening(1), overdue: screening(1) });
    const id = unique('overdue');
    const first = h.nextToken();
    const second = h.nextToken();
    const arn = await h.start(id);
    const firstToken = await first;
    const secondToken = await second; // only issued after the first wait timed out (1 s)

    expect(h.calls.overdue).toEqual([{ suggestionId: id, phase: 'screening', timeout: 1 }]);
    expect(secondToken).not.toBe(firstToken);
    // The timed-out token is dead: answering it late is TaskTimedOut.
    await expect(h.sfn.send(new SendTaskSuccessCommand({ taskToken: firstToken, output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' });

    await h.sfn.send(new SendTaskSuccessCommand({ taskToken: secondToken, output: '{"decision":"rejected"}' }));
    const done = await h.engine.waitForExecution(arn, 10_000);
    expect(done.status).toBe('SUCCEEDED');
    expect(h.statesEntered(arn)).toEqual([
      'BeginScreening',
      'IsScreeningOpen',
      'AwaitScreening',
      'ScreeningOverdue',
      'IsScreeningOpen',
      'AwaitScreening',
      'Screened',
    ]);
    const caught = h.events.find((e) => e.executionArn === arn && e.type === 'StateFailed' && e.stateName === 'AwaitScreening');
    expect(caught?.error).toBe('States.Timeout');
  });

  it('finishes without waiting when the checkpoint says screening is over', async () => {
    const h = await harness({ begin: (p) => ({ suggestionId: p.suggestionId, phase: 'done', timeout: 1 }) });
    const arn = await h.start(unique('done'));
    const done = await h.engine.waitForExecution(arn, 10_000);
    expect(done.status).toBe('SUCCEEDED');
    expect(h.statesEntered(arn)).toEqual(['BeginScreening', 'IsScreeningOpen', 'Finished']);
    expect(h.calls.await).toEqual([]);
  });

  it('fails the execution with the error and cause given to SendTaskFailure', async () => {
    const h = await harness({ begin: screening(30) });
    const tokenPromise = h.nextToken();
    const arn = await h.start(unique('failure'));
    await h.sfn.send(new SendTaskFailureCommand({ taskToken: await tokenPromise, error: 'Screening.Withdrawn', cause: 'the citizen withdrew it' }));
    const done = await h.engine.waitForExecution(arn, 10_000);
    expect(done).toMatchObject({ status: 'FAILED', error: 'Screening.Withdrawn', cause: 'the citizen withdrew it' });
    const described = await h.sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
    expect(described).toMatchObject({ status: 'FAILED', error: 'Screening.Withdrawn' });
    expect(described.stopDate).toBeInstanceOf(Date);
  });

  it('reports a task function’s error as the Lambda integration does (error type, JSON cause)', async () => {
    const h = await harness({
      begin: () => {
        throw Object.assign(new Error('table unavailable'), { name: 'StoreError' });
      },
    });
    const arn = await h.start(unique('broken'));
    const done = await h.engine.waitForExecution(arn, 10_000);
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('StoreError');
    expect(JSON.parse(done.cause!)).toMatchObject({ errorType: 'StoreError', errorMessage: 'table unavailable' });
  });

  it('is idempotent on the execution name, as Standard workflows are', async () => {
    const h = await harness({ begin: screening(30) });
    const id = unique('idempotent');
    const first = await h.start(id);
    expect(await h.start(id)).toBe(first);
    await expect(
      h.sfn.send(new StartExecutionCommand({ stateMachineArn: machine.arn, name: id, input: JSON.stringify({ Payload: { suggestionId: 'other' } }) })),
    ).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    expect(h.calls.begin).toHaveLength(1);
  });

  it('scales TimeoutSecondsPath for demos while the function still sees the real timeout', async () => {
    const seen: Payload[] = [];
    let overdueAt = 0;
    const engine = new LocalStepFunctions({
      stateMachines: [machine],
      store,
      taskHandlers: {
        BeginScreening: (p) => screening(3600)(p as Payload),
        AwaitScreening: (p) => (seen.push(p as Payload), null),
        ScreeningOverdue: (p) => ((overdueAt = Date.now()), { suggestionId: (p as Payload).suggestionId, phase: 'done', timeout: 3600 }),
      },
      // An hour of workflow time per second of wall-clock time.
      taskTimeoutSeconds: (seconds) => seconds / 3600,
    });
    running.push(engine);
    const started = Date.now();
    const { executionArn } = await engine.startExecution({ stateMachineArn: machine.arn, name: unique('scaled'), input: JSON.stringify({ Payload: { suggestionId: 's' } }) });
    const done = await engine.waitForExecution(executionArn, 10_000);
    expect(done.status).toBe('SUCCEEDED');
    expect(seen.map((p) => p.timeout)).toEqual([3600]);
    expect(overdueAt - started).toBeGreaterThanOrEqual(900);
    expect(overdueAt - started).toBeLessThan(5_000);
    expect(JSON.parse(done.output!)).toEqual({ Payload: { suggestionId: 's', phase: 'done', timeout: 3600 } });
  });

  it('resumes a RUNNING execution after a restart: a new engine starts it again with its original input', async () => {
    const before = await harness({ begin: screening(30) });
    const id = unique('restart');
    const firstToken = before.nextToken();
    const arn = await before.start(id);
    await firstToken;
    await before.stop(); // the process goes away while the execution waits

    expect((await store.get(arn))?.status).toBe('RUNNING');

    const after = await harness({ begin: screening(30) });
    const secondToken = after.nextToken();
    const resumed = await after.engine.resumeRunning();
    expect(resumed.map((r) => r.executionArn)).toContain(arn);
    expect(after.calls.begin).toContainEqual({ suggestionId: id });

    const token = await secondToken;
    await after.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"decision":"assigned"}' }));
    const done = await after.engine.waitForExecution(arn, 10_000);
    expect(done).toMatchObject({ status: 'SUCCEEDED', runs: 2, input: JSON.stringify({ Payload: { suggestionId: id } }) });
  });
});
