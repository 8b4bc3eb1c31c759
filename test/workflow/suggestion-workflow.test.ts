/**
 * The suggestion workflow exactly as synthesized (cdk.out), run by the local Step Functions with its tasks'
 * functions replaced by test handlers (by state name). Task tokens travel through the real @aws-sdk/client-sfn
 * against the local SFN endpoint; executions persist in DynamoDB Local so a restart can be tested for real.
 * Waits are kept to 1 s; retries wait 0 ms.
 *
 *   Plan -> IsOpen -> AwaitEvent -> IsOpen ... -> Finished ; AwaitEvent -(timeout)-> Checkpoint -> IsOpen
 *   Plan | Checkpoint | AwaitEvent -(error)-> RecordFailure -> AwaitResume -(resume)-> IsOpen
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { SFNClient, SendTaskFailureCommand, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workflowStates as S } from '../../infra/constructs/suggestion-workflow';
import { ensureSynthesized } from '../../infra/local/build-steps';
import { loadLocalApp, type LocalStateMachine } from '../../infra/local/cdk-template';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb';
import { DynamoDbExecutionStore } from '../../infra/local/execution-store';
import { projectRoot } from '../../infra/local/local-stack';
import { assertLocalEndpoint } from '../../infra/local/ports';
import { startSfnEndpoint } from '../../infra/local/sfn-endpoint';
import { LocalStepFunctions, type ExecutionEvent, type TaskHandler } from '../../infra/local/step-functions';
import type { WorkflowPlan } from '../../shared/domain/workflow/plan';

type Wait = { suggestionId: string; timeout?: number; plan?: WorkflowPlan; taskToken: string };
type Failure = { suggestionId: string; failure: { Error: string; Cause: string } };

let database: DynamoDbLocal;
let store: DynamoDbExecutionStore;
let machine: LocalStateMachine;
const running: Array<{ stop(): Promise<void> }> = [];

beforeAll(async () => {
  // The real definition: synthesize once if nobody has yet (global setup normally has).
  if (!existsSync(path.join(projectRoot, 'cdk.out', 'manifest.json'))) await ensureSynthesized(projectRoot, () => undefined);
  const app = loadLocalApp(path.join(projectRoot, 'cdk.out'), { sqsEndpoint: 'http://127.0.0.1:1' });
  const found = app.stateMachines.find((m) => (m.definition as { StartAt?: string }).StartAt === S.plan);
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

const open = (suggestionId: string, timeout = 30, more: Partial<WorkflowPlan> = {}): WorkflowPlan => ({ suggestionId, phase: 'open', timeout, ...more });
const done = (suggestionId: string): WorkflowPlan => ({ suggestionId, phase: 'done', timeout: 1 });

/**
 * One engine with recording task handlers and its SFN endpoint. `nextWait()` resolves with the next AwaitEvent or
 * AwaitResume invocation (call it before that task runs).
 */
async function harness(behaviour: {
  plan: (p: { suggestionId: string }) => unknown;
  checkpoint?: (p: WorkflowPlan) => unknown;
  extra?: Record<string, TaskHandler>;
}) {
  const calls = { plan: [] as unknown[], await: [] as Wait[], resume: [] as Wait[], checkpoint: [] as WorkflowPlan[], failure: [] as Failure[] };
  const events: ExecutionEvent[] = [];
  const waiting: Array<(wait: Wait & { state: string }) => void> = [];
  const parked = (state: string, list: Wait[]) => (p: unknown) => {
    list.push(p as Wait);
    waiting.shift()?.({ ...(p as Wait), state });
    return null;
  };
  const engine = new LocalStepFunctions({
    stateMachines: [machine],
    store,
    taskHandlers: {
      [S.plan]: (p) => (calls.plan.push(p), behaviour.plan(p as { suggestionId: string })),
      [S.awaitEvent]: parked(S.awaitEvent, calls.await),
      [S.awaitResume]: parked(S.awaitResume, calls.resume),
      [S.checkpoint]: (p) => (calls.checkpoint.push(p as WorkflowPlan), (behaviour.checkpoint ?? (() => done((p as WorkflowPlan).suggestionId)))(p as WorkflowPlan)),
      [S.recordFailure]: (p) => (calls.failure.push(p as Failure), null),
      ...behaviour.extra,
    },
    retryIntervalOverrides: { [S.plan]: 0, [S.checkpoint]: 0, [S.recordFailure]: 0, [S.awaitEvent]: 0, [S.awaitResume]: 0 },
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
    nextWait(): Promise<Wait & { state: string }> {
      return new Promise((resolve) => waiting.push(resolve));
    },
    /** Answers a waiting token the way the actions do: `{"Payload": plan}`. */
    answer: (taskToken: string, plan: WorkflowPlan) => sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ Payload: plan }) })),
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

const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

describe('the suggestion workflow (synthesized definition)', () => {
  it('plans, waits for each action, takes the plan each answer carries, and finishes when the plan is done', async () => {
    const id = unique('happy');
    const h = await harness({ plan: (p) => open(p.suggestionId, 30, { checkpoint: 'screeningDue', checkpointAt: '2026-01-02T01:00:00.000Z', version: 2 }) });
    let next = h.nextWait();
    const arn = await h.start(id);
    let wait = await next;

    expect(h.calls.plan).toEqual([{ suggestionId: id }]);
    const firstPlan = open(id, 30, { checkpoint: 'screeningDue', checkpointAt: '2026-01-02T01:00:00.000Z', version: 2 });
    expect(h.calls.await[0]).toEqual({ suggestionId: id, timeout: 30, plan: firstPlan, taskToken: wait.taskToken });
    expect(wait.taskToken).toMatch(/^[\w-]{64,}$/);

    // Three actions (assign, sign, reply), each answered with the next plan; the rating closes it.
    for (const [i, timeout] of [20, 25, 7].entries()) {
      next = h.nextWait();
      await h.answer(wait.taskToken, open(id, timeout, { checkpoint: 'half', version: 3 + i }));
      wait = await next;
      expect(wait).toMatchObject({ state: S.awaitEvent, timeout, plan: { phase: 'open', timeout, checkpoint: 'half', version: 3 + i } });
    }
    const token = wait.taskToken;
    await h.answer(token, done(id));
    const finished = await h.engine.waitForExecution(arn, 10_000);
    expect(finished.status).toBe('SUCCEEDED');
    expect(JSON.parse(finished.output!)).toEqual({ Payload: done(id) });
    expect(h.statesEntered(arn)).toEqual([S.plan, S.isOpen, ...Array(4).fill([S.awaitEvent, S.isOpen]).flat(), S.finished]);
    expect(h.calls.checkpoint).toEqual([]);

    // A token works once; answering again is TaskDoesNotExist, as on AWS.
    await expect(h.answer(token, done(id))).rejects.toMatchObject({ name: 'TaskDoesNotExist' });
  });

  it('on a wait timeout runs the Checkpoint with the plan that timed out, and loops on the plan it returns', async () => {
    const id = unique('checkpoint');
    const due = open(id, 1, { checkpoint: 'half', checkpointAt: '2026-01-05T01:00:00.000Z', version: 4 });
    const h = await harness({ plan: () => due, checkpoint: (p) => open(p.suggestionId, 1, { checkpoint: 'eightyPercent', version: 5 }) });
    const first = h.nextWait();
    const second = h.nextWait();
    const third = h.nextWait();
    const arn = await h.start(id);
    const firstWait = await first;
    await second; // only after the first wait timed out (1 s)
    const thirdWait = await third;

    expect(h.calls.checkpoint[0]).toEqual(due);
    expect(h.calls.checkpoint[1]).toMatchObject({ checkpoint: 'eightyPercent', version: 5 });
    // The timed-out token is dead: answering it late is TaskTimedOut.
    await expect(h.answer(firstWait.taskToken, done(id))).rejects.toMatchObject({ name: 'TaskTimedOut' });

    await h.answer(thirdWait.taskToken, done(id));
    const finished = await h.engine.waitForExecution(arn, 10_000);
    expect(finished.status).toBe('SUCCEEDED');
    expect(h.statesEntered(arn)).toEqual([
      S.plan, S.isOpen,
      S.awaitEvent, S.checkpoint, S.isOpen,
      S.awaitEvent, S.checkpoint, S.isOpen,
      S.awaitEvent, S.isOpen, S.finished,
    ]);
    const caught = h.events.filter((e) => e.executionArn === arn && e.type === 'StateFailed' && e.stateName === S.awaitEvent);
    expect(caught.map((e) => e.error)).toEqual(['States.Timeout', 'States.Timeout']);
  });

  it('finishes at once when the plan is done (a rejected or merged suggestion, a resumed closed one)', async () => {
    const h = await harness({ plan: (p) => done(p.suggestionId) });
    const arn = await h.start(unique('done'));
    const finished = await h.engine.waitForExecution(arn, 10_000);
    expect(finished.status).toBe('SUCCEEDED');
    expect(h.statesEntered(arn)).toEqual([S.plan, S.isOpen, S.finished]);
    expect(h.calls.await).toEqual([]);
  });

  it('retries a failing task with backoff and carries on when it recovers', async () => {
    let attempts = 0;
    const h = await harness({
      plan: (p) => {
        if (++attempts < 3) throw Object.assign(new Error('throttled'), { name: 'StoreError' });
        return done(p.suggestionId);
      },
    });
    const arn = await h.start(unique('transient'));
    expect((await h.engine.waitForExecution(arn, 10_000)).status).toBe('SUCCEEDED');
    expect(attempts).toBe(3);
    expect(h.events.filter((e) => e.executionArn === arn && e.type === 'StateRetried')).toHaveLength(2);
    expect(h.calls.failure).toEqual([]);
  });

  it('retries transient failures (its reported throttling, a function timeout, Lambda throttling) many times and never parks', async () => {
    const transient = ['Jianyi.Transient', 'Sandbox.Timedout', 'Lambda.TooManyRequestsException', 'Jianyi.Transient', 'States.Timeout', 'Sandbox.Timedout', 'Jianyi.Transient', 'Jianyi.Transient'];
    let attempts = 0;
    let awaitFailures = 2;
    const h = await harness({
      plan: (p) => {
        const name = transient[attempts++];
        if (name) throw Object.assign(new Error(`transient ${attempts}`), { name });
        return open(p.suggestionId, 30);
      },
      extra: {
        [S.awaitEvent]: (p) => {
          // Parking the token times out twice (a burst), then works.
          if (awaitFailures-- > 0) throw Object.assign(new Error('Task timed out after 20.00 seconds'), { name: 'Sandbox.Timedout' });
          waitingForToken.push(p as Wait);
          return null;
        },
      },
    });
    const waitingForToken: Wait[] = [];
    const id = unique('transient-many');
    const arn = await h.start(id);
    for (let i = 0; i < 100 && !waitingForToken.length; i++) await new Promise((r) => setTimeout(r, 50));
    expect(waitingForToken).toHaveLength(1);
    expect(attempts).toBe(transient.length + 1); // eight transient failures, then the plan
    expect(h.calls.failure).toEqual([]);
    expect(h.calls.resume).toEqual([]);
    expect(h.statesEntered(arn)).not.toContain(S.recordFailure);
    await h.answer(waitingForToken[0]!.taskToken, done(id));
    expect((await h.engine.waitForExecution(arn, 10_000)).status).toBe('SUCCEEDED');
  });

  it('parks a transient failure only when a dozen retries cannot clear it', async () => {
    const h = await harness({
      plan: () => {
        throw Object.assign(new Error('ThrottlingException: Rate exceeded'), { name: 'Jianyi.Transient' });
      },
    });
    const parked = h.nextWait();
    await h.start(unique('transient-forever'));
    expect((await parked).state).toBe(S.awaitResume);
    expect(h.calls.plan).toHaveLength(13); // the first attempt and twelve retries
    expect(h.calls.failure).toHaveLength(1);
  });

  it('records a task failure after the retries, parks in AwaitResume, and an admin’s resume continues the loop', async () => {
    const id = unique('failure');
    const h = await harness({
      plan: () => {
        throw Object.assign(new Error('table unavailable'), { name: 'StoreError' });
      },
    });
    const parked = h.nextWait();
    const arn = await h.start(id);
    const resume = await parked;
    expect(resume.state).toBe(S.awaitResume);
    expect(h.calls.resume[0]).toEqual({ suggestionId: id, taskToken: resume.taskToken });
    expect(h.calls.plan).toHaveLength(4); // the first attempt and three retries
    expect(h.calls.failure).toHaveLength(1);
    expect(h.calls.failure[0]!.suggestionId).toBe(id);
    expect(h.calls.failure[0]!.failure.Error).toBe('StoreError');
    expect(JSON.parse(h.calls.failure[0]!.failure.Cause)).toMatchObject({ errorType: 'StoreError', errorMessage: 'table unavailable' });
    expect((await h.engine.describeExecution(arn)).status).toBe('RUNNING');

    // The admin resumes with a fresh plan: the loop goes on where the suggestion stands.
    const next = h.nextWait();
    await h.answer(resume.taskToken, open(id, 30));
    const wait = await next;
    expect(wait.state).toBe(S.awaitEvent);
    await h.answer(wait.taskToken, done(id));
    expect((await h.engine.waitForExecution(arn, 10_000)).status).toBe('SUCCEEDED');
    expect(h.statesEntered(arn)).toEqual([S.plan, S.recordFailure, S.awaitResume, S.isOpen, S.awaitEvent, S.isOpen, S.finished]);
  });

  it('parks a plan in AwaitResume while the suggestion records an unresolved error; an answer that is still parked stays there', async () => {
    const id = unique('parked-plan');
    const h = await harness({ plan: (p: { suggestionId: string }) => ({ suggestionId: p.suggestionId, phase: 'parked', timeout: 30 }) });
    const first = h.nextWait();
    const arn = await h.start(id);
    const parked = await first;
    expect(parked.state).toBe(S.awaitResume);
    expect(h.calls.failure).toEqual([]);

    // Another person's action while parked answers with a plan that is still parked: back to AwaitResume.
    const second = h.nextWait();
    await h.answer(parked.taskToken, { suggestionId: id, phase: 'parked', timeout: 30 });
    const stillParked = await second;
    expect(stillParked.state).toBe(S.awaitResume);

    // The admin's resume clears the error and answers with an open plan.
    const third = h.nextWait();
    await h.answer(stillParked.taskToken, open(id, 30));
    expect((await third).state).toBe(S.awaitEvent);
    expect(h.statesEntered(arn)).toEqual([S.plan, S.isOpen, S.awaitResume, S.isOpen, S.awaitResume, S.isOpen, S.awaitEvent]);
  });

  it('sends a failure reported on the waiting token (SendTaskFailure) to RecordFailure too, not into a retry', async () => {
    const id = unique('task-failure');
    const h = await harness({ plan: (p) => open(p.suggestionId, 30) });
    const waiting = h.nextWait();
    const parked = h.nextWait();
    const arn = await h.start(id);
    await h.sfn.send(new SendTaskFailureCommand({ taskToken: (await waiting).taskToken, error: 'Workflow.Broken', cause: 'a bad answer' }));
    const resume = await parked;
    expect(resume.state).toBe(S.awaitResume);
    expect(h.calls.failure).toEqual([{ suggestionId: id, failure: { Error: 'Workflow.Broken', Cause: 'a bad answer' } }]);
    expect(h.calls.await).toHaveLength(1);
    await h.answer(resume.taskToken, done(id));
    expect((await h.engine.waitForExecution(arn, 10_000)).status).toBe('SUCCEEDED');
  });

  it('parks even when the failure cannot be recorded', async () => {
    const h = await harness({
      plan: () => {
        throw new Error('broken');
      },
      extra: {
        [S.recordFailure]: () => {
          throw new Error('also broken');
        },
      },
    });
    const parked = h.nextWait();
    const arn = await h.start(unique('unrecorded'));
    const resume = await parked;
    expect(resume.state).toBe(S.awaitResume);
    await h.answer(resume.taskToken, done(resume.suggestionId));
    expect((await h.engine.waitForExecution(arn, 10_000)).status).toBe('SUCCEEDED');
  });

  it('is idempotent on the execution name, as Standard workflows are', async () => {
    const h = await harness({ plan: (p) => open(p.suggestionId, 30) });
    const id = unique('idempotent');
    const first = await h.start(id);
    expect(await h.start(id)).toBe(first);
    await expect(
      h.sfn.send(new StartExecutionCommand({ stateMachineArn: machine.arn, name: id, input: JSON.stringify({ Payload: { suggestionId: 'other' } }) })),
    ).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    expect(h.calls.plan).toHaveLength(1);
  });

  it('scales TimeoutSecondsPath for demos while the function still sees the real timeout', async () => {
    const seen: Wait[] = [];
    let checkpointAt = 0;
    const engine = new LocalStepFunctions({
      stateMachines: [machine],
      store,
      taskHandlers: {
        [S.plan]: (p) => open((p as { suggestionId: string }).suggestionId, 3600),
        [S.awaitEvent]: (p) => (seen.push(p as Wait), null),
        [S.checkpoint]: (p) => ((checkpointAt = Date.now()), done((p as WorkflowPlan).suggestionId)),
      },
      // An hour of workflow time per second of wall-clock time.
      taskTimeoutSeconds: (seconds) => seconds / 3600,
    });
    running.push(engine);
    const started = Date.now();
    const { executionArn } = await engine.startExecution({ stateMachineArn: machine.arn, name: unique('scaled'), input: JSON.stringify({ Payload: { suggestionId: 's' } }) });
    const finished = await engine.waitForExecution(executionArn, 10_000);
    expect(finished.status).toBe('SUCCEEDED');
    expect(seen.map((p) => [p.timeout, p.plan?.timeout])).toEqual([[3600, 3600]]);
    expect(checkpointAt - started).toBeGreaterThanOrEqual(900);
    expect(checkpointAt - started).toBeLessThan(5_000);
    expect(JSON.parse(finished.output!)).toEqual({ Payload: done('s') });
  });

  it('resumes a RUNNING execution after a restart: a new engine plans again from the original input', async () => {
    const before = await harness({ plan: (p) => open(p.suggestionId, 30) });
    const id = unique('restart');
    const firstWait = before.nextWait();
    const arn = await before.start(id);
    await firstWait;
    await before.stop(); // the process goes away while the execution waits

    expect((await store.get(arn))?.status).toBe('RUNNING');

    const after = await harness({ plan: (p) => open(p.suggestionId, 30) });
    const secondWait = after.nextWait();
    const resumed = await after.engine.resumeRunning();
    expect(resumed.map((r) => r.executionArn)).toContain(arn);
    expect(after.calls.plan).toContainEqual({ suggestionId: id });

    await after.answer((await secondWait).taskToken, done(id));
    const finished = await after.engine.waitForExecution(arn, 10_000);
    expect(finished).toMatchObject({ status: 'SUCCEEDED', runs: 2, input: JSON.stringify({ Payload: { suggestionId: id } }) });
  });

  it('resumes a workflow parked in AwaitResume after a restart: Plan again, so a fixed fault heals', async () => {
    let broken = true;
    const plan = (p: { suggestionId: string }) => {
      if (broken) throw new Error('broken');
      return open(p.suggestionId, 30);
    };
    const before = await harness({ plan });
    const id = unique('restart-parked');
    const parked = before.nextWait();
    const arn = await before.start(id);
    expect((await parked).state).toBe(S.awaitResume);
    await before.stop();

    broken = false;
    const after = await harness({ plan });
    const waiting = after.nextWait();
    await after.engine.resumeRunning();
    const wait = await waiting;
    expect(wait.state).toBe(S.awaitEvent);
    await after.answer(wait.taskToken, done(id));
    expect((await after.engine.waitForExecution(arn, 10_000)).status).toBe('SUCCEEDED');
  });
});
