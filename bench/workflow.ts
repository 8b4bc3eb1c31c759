/**
 * Workflow benchmark: typical and worst-case lifecycles run on the synthesized state machine (cdk.out, the exact
 * definition that deploys) by the local Step Functions, with every task stubbed by state name. Each scripted step
 * answers the waiting AwaitEvent token as an action does (`{"Payload": plan}`), or fails it with States.Timeout as
 * the wait's own timer would (the Checkpoint then runs), so no wall-clock waiting is needed.
 *
 * Counts, from the engine's events: state transitions (states entered; what Standard workflows bill) and the
 * execution history events AWS would record (ExecutionStarted; Task: Entered, Scheduled, Started, [Submitted for
 * a token wait], Succeeded|TimedOut, Exited; Choice/Succeed: Entered, Exited; ExecutionSucceeded).
 * Output: a table, then key=value lines.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { workflowStates as S } from '../infra/constructs/suggestion-workflow';
import { ensureSynthesized } from '../infra/local/build-steps';
import { loadLocalApp } from '../infra/local/cdk-template';
import { MemoryExecutionStore } from '../infra/local/execution-store';
import { projectRoot } from '../infra/local/local-stack';
import { LocalStepFunctions, type ExecutionEvent } from '../infra/local/step-functions';
import type { WorkflowPlan } from '../shared/domain/workflow/plan';

/** A step while the workflow waits: an action answers the token; a checkpoint is the wait timing out. */
type Step = { action: string; closes?: boolean } | { checkpoint: string; closes?: boolean };

const pricePerTransition = 0.025 / 1000; // Standard workflows, list price (USD)

const typical: Step[] = [
  { action: 'assign' }, // screening decision
  { action: 'sign' },
  { checkpoint: 'half' }, // one reminder at 50 % of the allowed time
  { action: 'reply' },
  { action: 'rate', closes: true }, // satisfied: closed
];

const worst: Step[] = [
  { checkpoint: 'screeningDue' },
  { action: 'assign' },
  { checkpoint: 'signDue' },
  { action: 'sign' },
  { checkpoint: 'half' },
  { action: 'requestExtension' },
  { action: 'approveExtension' },
  { checkpoint: 'eightyPercent' },
  { action: 'requestExtension' },
  { action: 'approveExtension' },
  { checkpoint: 'oneDayLeft' },
  { checkpoint: 'due' }, // escalation
  ...Array.from({ length: 10 }, () => ({ checkpoint: 'overdueDaily' })),
  { action: 'reply' },
  { action: 'reopen' }, // dissatisfied
  { action: 'sign' },
  { checkpoint: 'half' },
  { checkpoint: 'eightyPercent' },
  { checkpoint: 'oneDayLeft' },
  { action: 'reply' },
  { checkpoint: 'ratingWindowEnd', closes: true }, // no second rating: auto-closed
];

const scenarios: Record<string, Step[]> = {
  typical,
  'typical, no reminder': typical.filter((s) => !('checkpoint' in s)),
  'rejected at screening': [{ action: 'reject', closes: true }],
  'info request + auto-close': [
    { action: 'assign' }, { action: 'sign' }, { action: 'requestInfo' }, { action: 'answerInfo' }, { action: 'reply' },
    { checkpoint: 'ratingWindowEnd', closes: true },
  ],
  worst,
};

async function main(): Promise<void> {
  if (!existsSync(path.join(projectRoot, 'cdk.out', 'manifest.json'))) await ensureSynthesized(projectRoot, console.log);
  const app = loadLocalApp(path.join(projectRoot, 'cdk.out'), { sqsEndpoint: 'http://127.0.0.1:1' });
  const machine = app.stateMachines.find((m) => (m.definition as { StartAt?: string }).StartAt === S.plan);
  if (!machine) throw new Error('the synthesized template has no suggestion workflow');
  const states = machine.definition.States as Record<string, { Type: string; Resource?: string }>;

  const scripts = new Map<string, Step[]>();
  /** The step each execution's last wait took: a Checkpoint closes the suggestion when that step says so. */
  const lastStep = new Map<string, Step | undefined>();
  const events: ExecutionEvent[] = [];
  let version = 0;
  const plan = (suggestionId: string, closes = false): WorkflowPlan =>
    closes ? { suggestionId, phase: 'done', timeout: 1, version: ++version } : { suggestionId, phase: 'open', timeout: 3600, checkpoint: 'half', version: ++version };

  const engine: LocalStepFunctions = new LocalStepFunctions({
    stateMachines: [machine],
    store: new MemoryExecutionStore(),
    taskHandlers: {
      [S.plan]: (p) => plan((p as { suggestionId: string }).suggestionId),
      [S.awaitEvent]: (p, invocation) => {
        const { suggestionId } = p as { suggestionId: string };
        const step = scripts.get(suggestionId)!.shift();
        lastStep.set(suggestionId, step);
        const token = invocation.taskToken!;
        setImmediate(() => {
          if (!step) engine.sendTaskFailure(token, 'Bench.ScriptEnded', suggestionId);
          else if ('action' in step) engine.sendTaskSuccess(token, JSON.stringify({ Payload: plan(suggestionId, step.closes) }));
          // What the wait's own timer raises at plan.timeout: caught into the Checkpoint.
          else engine.sendTaskFailure(token, 'States.Timeout', `checkpoint ${step.checkpoint}`);
        });
        return null;
      },
      [S.checkpoint]: (p) => {
        const { suggestionId } = p as WorkflowPlan;
        return plan(suggestionId, lastStep.get(suggestionId)?.closes === true);
      },
      [S.recordFailure]: () => null,
      [S.awaitResume]: () => null,
    },
    onExecutionEvent: (event) => events.push(event),
  });

  const historyEventsOf = (list: ExecutionEvent[]): number => {
    let count = 0;
    for (const e of list) {
      const state = e.stateName ? states[e.stateName] : undefined;
      const isTask = state?.Type === 'Task';
      const tokenWait = isTask && String(state?.Resource).endsWith('.waitForTaskToken');
      switch (e.type) {
        case 'ExecutionStarted':
        case 'ExecutionSucceeded':
        case 'ExecutionFailed':
          count += 1;
          break;
        case 'StateEntered':
          count += isTask ? (tokenWait ? 4 : 3) : 1; // Entered, Scheduled, Started, [Submitted]
          break;
        case 'StateExited':
          count += isTask ? 2 : 1; // Succeeded, Exited
          break;
        case 'StateFailed':
          count += 1; // TimedOut / Failed
          break;
        case 'StateRetried':
          count += 2; // Scheduled, Started again
          break;
      }
    }
    return count;
  };

  const results: Record<string, { transitions: number; history: number; engineEvents: number; ms: number }> = {};
  for (const [name, steps] of Object.entries(scenarios)) {
    const id = `bench-${name.replace(/\W+/g, '-')}-${Date.now()}`;
    scripts.set(id, [...steps]);
    const started = performance.now();
    const { executionArn } = await engine.startExecution({ stateMachineArn: machine.arn, name: id, input: JSON.stringify({ Payload: { suggestionId: id } }) });
    const record = await engine.waitForExecution(executionArn, 60_000);
    if (record.status !== 'SUCCEEDED') throw new Error(`${name}: ${record.status} ${record.error ?? ''} ${record.cause ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the event stream trails the end by a tick
    const mine = events.filter((e) => e.executionArn === executionArn);
    results[name] = {
      transitions: mine.filter((e) => e.type === 'StateEntered').length,
      history: historyEventsOf(mine),
      engineEvents: mine.length,
      ms: performance.now() - started,
    };
  }
  await engine.stop();

  console.log('');
  console.log('scenario                     steps  transitions  history events  engine events  USD per 10k');
  for (const [name, r] of Object.entries(results)) {
    const usd = r.transitions * 10_000 * pricePerTransition;
    console.log(
      `${name.padEnd(28)} ${String(scenarios[name]!.length).padStart(5)}  ${String(r.transitions).padStart(11)}  ${String(r.history).padStart(14)}  ${String(r.engineEvents).padStart(13)}  ${usd.toFixed(2).padStart(11)}`,
    );
  }
  console.log('');
  console.log('An action costs 2 transitions (AwaitEvent, IsOpen), a checkpoint 3 (+ Checkpoint); Plan, IsOpen and Finished 3 more.');
  console.log('');
  const t = results.typical!;
  const w = results.worst!;
  console.log(`transitions_typical=${t.transitions}`);
  console.log(`history_events_typical=${t.history}`);
  console.log(`transitions_worst=${w.transitions}`);
  console.log(`history_events_worst=${w.history}`);
  console.log(`sfn_cost_per_10k_usd=${(t.transitions * 10_000 * pricePerTransition).toFixed(2)}`);
  console.log(`sfn_cost_per_10k_worst_usd=${(w.transitions * 10_000 * pricePerTransition).toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
