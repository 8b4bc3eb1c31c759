/**
 * Step Functions, locally: the synthesized state machine definition (the exact ASL that deploys) run by
 * aws-local-stepfunctions, with every Task state overridden by state name so that
 *   - `lambda:invoke` tasks call the local bundle named by the task's FunctionName (a fake ARN from the template),
 *     returning `{Payload, StatusCode, ...}` as the service integration does, so `$.Payload` selectors work;
 *   - `lambda:invoke.waitForTaskToken` tasks get a real task token in place of the engine's placeholder, invoke
 *     the function, then wait for SendTaskSuccess/Failure; the engine's own timer still raises States.Timeout
 *     from TimeoutSeconds(Path), so Catch on States.Timeout behaves as on AWS;
 *   - nothing ever reaches a real AWS endpoint (an unsupported integration fails the task).
 * Executions are kept in an ExecutionStore; after a restart `resumeRunning()` starts every RUNNING execution
 * again from the beginning with its original input (the tasks recompute their checkpoint from the table).
 */
import './promise-polyfill';
import { randomUUID } from 'node:crypto';
import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  StateMachine,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import type { LocalStateMachine } from './cdk-template';
import type { ExecutionRecord, ExecutionStatus, ExecutionStore } from './execution-store';
import type { InvokeOutcome } from './lambda-runtime';
import { TaskFailedError, TaskTokenRegistry } from './task-tokens';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * Node timers overflow past 2^31-1 ms (~24.8 days) and fire at once; every local task timeout is capped below.
 * Tasks without a timeout get this cap too instead of the interpreter's 60 s default (AWS waits up to a year).
 */
export const maxLocalTimeoutSeconds = 24 * 24 * 3600;

/** Step Functions' error shapes, raised by the engine API and mapped to HTTP 400s by the endpoint. */
export class StepFunctionsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export interface TaskInvocation {
  readonly executionArn: string;
  readonly executionName: string;
  readonly stateName: string;
  /** Present for `.waitForTaskToken` tasks: the real token, already inside the payload. */
  readonly taskToken?: string;
}

/** Replaces the Lambda call of a task (tests): receives the payload, returns the function's result or throws. */
export type TaskHandler = (payload: unknown, invocation: TaskInvocation) => unknown;

export interface ExecutionEvent {
  readonly executionArn: string;
  readonly executionName: string;
  /** aws-local-stepfunctions event types, plus ExecutionResumed when a restart picks an execution up again. */
  readonly type: string;
  readonly stateName?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly timestamp: number;
}

export interface LocalStepFunctionsOptions {
  readonly stateMachines: readonly LocalStateMachine[];
  readonly store: ExecutionStore;
  /** Invokes a local function by id (LambdaRuntime.invoke). Required unless every task has a taskHandler. */
  readonly invokeFunction?: (functionId: string, payload: unknown) => Promise<InvokeOutcome>;
  /** Resolves a FunctionName (fake ARN or name) to a local function id when the definition map lacks it. */
  readonly findFunctionId?: (functionName: string) => string | undefined;
  /** Test hook: task handlers by state name, used instead of invoking the function. */
  readonly taskHandlers?: Readonly<Record<string, TaskHandler>>;
  /** Wait state durations in ms, by state name (aws-local-stepfunctions option). */
  readonly waitTimeOverrides?: Readonly<Record<string, number>>;
  /** Retry intervals in ms, by state name (aws-local-stepfunctions option). */
  readonly retryIntervalOverrides?: Readonly<Record<string, number | number[]>>;
  /**
   * Time scaling for demos and tests: maps a task's TimeoutSecondsPath value (seconds) to the seconds the local
   * engine waits. The function still receives the original value. Result is clamped to [1, maxLocalTimeoutSeconds].
   */
  readonly taskTimeoutSeconds?: (seconds: number, stateName: string) => number;
  readonly onExecutionEvent?: (event: ExecutionEvent) => void;
  readonly region?: string;
  readonly accountId?: string;
  readonly log?: (message: string) => void;
}

interface ActiveExecution {
  readonly abort: () => void;
  readonly settled: Promise<void>;
  stopReason?: 'shutdown' | { error?: string; cause?: string };
}

interface PreparedMachine {
  readonly machine: LocalStateMachine;
  readonly engine: StateMachine;
  /** Every Task state by name, nested Parallel branches and Map iterators included. */
  readonly tasks: ReadonlyMap<string, JsonObject>;
}

/**
 * Collects Task states, caps their timeouts (see maxLocalTimeoutSeconds), and rewrites `ResultPath: "$"` to its
 * equivalent default (no ResultPath): aws-local-stepfunctions 3.0.0 stores the result under a key named "$"
 * instead of replacing the state, which CDK's `resultPath: '$'` would trip over. Mutates the given copy.
 */
function prepareTasks(definition: JsonObject, tasks: Map<string, JsonObject>): void {
  const states = (definition.States ?? {}) as Record<string, JsonObject>;
  for (const [name, state] of Object.entries(states)) {
    if (state.ResultPath === '$') delete state.ResultPath;
    for (const catcher of (state.Catch ?? []) as JsonObject[]) if (catcher.ResultPath === '$') delete catcher.ResultPath;
    if (state.Type === 'Task') {
      if (tasks.has(name)) throw new Error(`Two Task states are named ${name}: local overrides are keyed by state name`);
      if (typeof state.TimeoutSeconds === 'number') state.TimeoutSeconds = Math.min(state.TimeoutSeconds, maxLocalTimeoutSeconds);
      else if (state.TimeoutSecondsPath === undefined) state.TimeoutSeconds = maxLocalTimeoutSeconds;
      tasks.set(name, state);
    }
    for (const branch of (state.Branches ?? []) as JsonObject[]) prepareTasks(branch, tasks);
    const iterator = (state.ItemProcessor ?? state.Iterator) as JsonObject | undefined;
    if (iterator) prepareTasks(iterator, tasks);
  }
}

/** Reads a plain `$.a.b` path (what TimeoutSecondsPath uses in practice); undefined for anything fancier. */
function simplePath(path: string): string[] | undefined {
  if (!/^\$(\.[A-Za-z_][\w-]*)+$/.test(path)) return undefined;
  return path.slice(2).split('.');
}

function readPath(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function writePath(value: unknown, segments: readonly string[], replacement: unknown): void {
  const parent = readPath(value, segments.slice(0, -1));
  if (parent && typeof parent === 'object') (parent as Record<string, unknown>)[segments[segments.length - 1]!] = replacement;
}

function replaceString(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((item) => replaceString(item, from, to));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceString(item, from, to)]));
  }
  return value;
}

type TaskKind = 'invoke' | 'waitForTaskToken' | 'direct';

function taskKind(resource: string): TaskKind | undefined {
  if (/^arn:[^:]+:states:::lambda:invoke$/.test(resource)) return 'invoke';
  if (/^arn:[^:]+:states:::lambda:invoke\.waitForTaskToken$/.test(resource)) return 'waitForTaskToken';
  if (/^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(resource)) return 'direct';
  return undefined;
}

const executionNamePattern = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;

export class LocalStepFunctions {
  readonly tokens = new TaskTokenRegistry();
  private readonly machines = new Map<string, PreparedMachine>();
  private readonly active = new Map<string, ActiveExecution>();
  private stopping = false;

  constructor(private readonly options: LocalStepFunctionsOptions) {
    for (const machine of options.stateMachines) {
      const definition = JSON.parse(JSON.stringify(machine.definition)) as JsonObject;
      const tasks = new Map<string, JsonObject>();
      prepareTasks(definition, tasks);
      for (const [name, state] of tasks) {
        // Reported now, failed when reached: the rest of the product still starts.
        if (!taskKind(String(state.Resource)) && !options.taskHandlers?.[name]) {
          options.log?.(`State ${name}: ${String(state.Resource)} is not supported locally; executions reaching it fail`);
        }
      }
      // Built once per machine: construction validates the definition and costs 100-350 ms.
      const engine = new StateMachine(definition as unknown as StateMachineDefinition, {
        validationOptions: { checkArn: true, checkPaths: true },
      });
      this.machines.set(machine.arn, { machine, engine, tasks });
    }
  }

  get stateMachines(): LocalStateMachine[] {
    return [...this.machines.values()].map((prepared) => prepared.machine);
  }

  private machine(stateMachineArn: string): PreparedMachine {
    const prepared = this.machines.get(stateMachineArn);
    if (!prepared) throw new StepFunctionsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    return prepared;
  }

  executionArn(stateMachineArn: string, name: string): string {
    const machineName = stateMachineArn.split(':').pop();
    return stateMachineArn.replace(/:stateMachine:[^:]+$/, `:execution:${machineName}:${name}`);
  }

  /**
   * StartExecution. Idempotent on name as on AWS: the same name and input while RUNNING returns the existing
   * execution; a different input, or a name already used by a closed execution, is ExecutionAlreadyExists.
   */
  async startExecution(request: { stateMachineArn: string; name?: string; input?: string }): Promise<{ executionArn: string; startDate: string }> {
    if (this.stopping) throw new StepFunctionsError('ServiceUnavailable', 'The local Step Functions is shutting down');
    const prepared = this.machine(request.stateMachineArn);
    const name = request.name ?? randomUUID();
    if (!executionNamePattern.test(name)) throw new StepFunctionsError('InvalidName', `Invalid Name: '${name}'`);
    const input = request.input ?? '{}';
    try {
      JSON.parse(input);
    } catch {
      throw new StepFunctionsError('InvalidExecutionInput', 'Invalid Execution Input: the input is not valid JSON');
    }
    const record: ExecutionRecord = {
      executionArn: this.executionArn(prepared.machine.arn, name),
      stateMachineArn: prepared.machine.arn,
      name,
      status: 'RUNNING',
      input,
      startDate: new Date().toISOString(),
      runs: 1,
    };
    const stored = await this.options.store.create(record);
    if (!stored.created) {
      const { existing } = stored;
      if (existing.status === 'RUNNING' && sameJson(existing.input, input)) {
        return { executionArn: existing.executionArn, startDate: existing.startDate };
      }
      throw new StepFunctionsError('ExecutionAlreadyExists', `Execution Already Exists: '${existing.executionArn}'`);
    }
    this.launch(prepared, record, false);
    return { executionArn: record.executionArn, startDate: record.startDate };
  }

  /** Starts again every execution the store has as RUNNING but this engine is not running (after a restart). */
  async resumeRunning(): Promise<ExecutionRecord[]> {
    const resumed: ExecutionRecord[] = [];
    for (const record of await this.options.store.list({ status: 'RUNNING' })) {
      if (this.active.has(record.executionArn)) continue;
      const prepared = this.machines.get(record.stateMachineArn);
      if (!prepared) {
        await this.options.store.complete(record.executionArn, {
          status: 'ABORTED',
          stopDate: new Date().toISOString(),
          error: 'Local.StateMachineGone',
          cause: `The state machine ${record.stateMachineArn} is no longer in the synthesized template`,
        });
        continue;
      }
      await this.options.store.markResumed(record.executionArn);
      this.launch(prepared, { ...record, runs: record.runs + 1 }, true);
      resumed.push(record);
      // Many open executions restart in small waves rather than one burst on DynamoDB Local.
      if (resumed.length % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return resumed;
  }

  private emit(record: ExecutionRecord, event: Omit<ExecutionEvent, 'executionArn' | 'executionName' | 'timestamp'> & { timestamp?: number }): void {
    try {
      this.options.onExecutionEvent?.({ executionArn: record.executionArn, executionName: record.name, timestamp: Date.now(), ...event });
    } catch (error) {
      this.options.log?.(`onExecutionEvent threw: ${(error as Error).message}`);
    }
  }

  private launch(prepared: PreparedMachine, record: ExecutionRecord, resumed: boolean): void {
    // The engine puts this in $$.Task.Token; each waitForTaskToken task swaps it for a token of its own.
    const placeholder = `local-task-token-placeholder-${randomUUID()}`;
    const overrides: Record<string, (input: Json) => Promise<Json>> = {};
    for (const [stateName, state] of prepared.tasks) {
      overrides[stateName] = (input) => this.runTask(prepared, record, stateName, state, placeholder, input);
    }
    const run = prepared.engine.run(JSON.parse(record.input) as Json, {
      overrides: {
        taskResourceLocalHandlers: overrides,
        waitTimeOverrides: { ...this.options.waitTimeOverrides },
        retryIntervalOverrides: { ...this.options.retryIntervalOverrides },
      },
      context: {
        Task: { Token: placeholder },
        Execution: { Id: record.executionArn, Name: record.name, RoleArn: `arn:aws:iam::${this.accountId}:role/local-step-functions` },
        StateMachine: { Id: prepared.machine.arn, Name: prepared.machine.name },
      },
    });
    if (resumed) this.emit(record, { type: 'ExecutionResumed' });
    void this.forwardEvents(record, run.eventLogs);

    const entry: ActiveExecution = {
      abort: run.abort,
      settled: run.result.then(
        (output) => this.finish(record, entry, { status: 'SUCCEEDED', output: JSON.stringify(output) }),
        (error: unknown) => this.finish(record, entry, this.failure(error, entry)),
      ),
    };
    this.active.set(record.executionArn, entry);
  }

  private failure(error: unknown, entry: ActiveExecution): { status: ExecutionStatus; error?: string; cause?: string } {
    if (error instanceof ExecutionTimeoutError) return { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out' };
    if (error instanceof ExecutionAbortedError) {
      const reason = entry.stopReason;
      return { status: 'ABORTED', ...(reason && reason !== 'shutdown' ? reason : {}) };
    }
    if (error instanceof ExecutionError) {
      const cause = (error as Error & { cause?: unknown }).cause;
      if (cause instanceof Error) return { status: 'FAILED', error: cause.name, cause: cause.message };
    }
    return { status: 'FAILED', error: 'States.Runtime', cause: error instanceof Error ? error.message : String(error) };
  }

  private async finish(record: ExecutionRecord, entry: ActiveExecution, outcome: { status: ExecutionStatus; output?: string; error?: string; cause?: string }): Promise<void> {
    this.tokens.dropExecution(record.executionArn);
    this.active.delete(record.executionArn);
    // Shutting down: the execution stays RUNNING in the store, to be resumed by the next start.
    if (entry.stopReason === 'shutdown' || outcome.status === 'RUNNING') return;
    try {
      await this.options.store.complete(record.executionArn, {
        status: outcome.status,
        stopDate: new Date().toISOString(),
        output: outcome.output,
        error: outcome.error,
        cause: outcome.cause,
      });
    } catch (error) {
      this.options.log?.(`Could not record the end of ${record.executionArn}: ${(error as Error).message}`);
    }
    if (outcome.status === 'FAILED') this.options.log?.(`Execution ${record.name} failed: ${outcome.error}: ${outcome.cause}`);
  }

  private async forwardEvents(record: ExecutionRecord, events: AsyncGenerator<unknown>): Promise<void> {
    try {
      for await (const raw of events) {
        const event = raw as { type: string; timestamp: number; state?: { name: string }; Error?: string; Cause?: unknown };
        this.emit(record, {
          type: event.type,
          timestamp: event.timestamp,
          stateName: event.state?.name,
          error: event.Error,
          cause: event.Cause === undefined ? undefined : String(event.Cause),
        });
      }
    } catch (error) {
      this.options.log?.(`Event log of ${record.name} broke: ${(error as Error).message}`);
    }
  }

  private get accountId(): string {
    return this.options.accountId ?? '000000000000';
  }

  /** The override of one Task state. Synchronous until its first await: see the timeout note inside. */
  private runTask(prepared: PreparedMachine, record: ExecutionRecord, stateName: string, state: JsonObject, placeholder: string, input: Json): Promise<Json> {
    const kind = taskKind(String(state.Resource));
    const invocation = { executionArn: record.executionArn, executionName: record.name, stateName };
    if (!kind && !this.options.taskHandlers?.[stateName]) {
      return Promise.reject(
        new TaskFailedError('Local.UnsupportedIntegration', `${String(state.Resource)} is not emulated by the local Step Functions`),
      );
    }

    if (kind !== 'waitForTaskToken') {
      const payload = kind === 'invoke' && input && typeof input === 'object' && !Array.isArray(input) ? (input.Payload ?? {}) : input;
      return this.callFunction(prepared, stateName, input, payload, invocation).then((result) =>
        kind === 'invoke'
          ? ({
              ExecutedVersion: '$LATEST',
              Payload: result as Json,
              SdkHttpMetadata: { HttpStatusCode: 200 },
              SdkResponseMetadata: { RequestId: randomUUID() },
              StatusCode: 200,
            } as Json)
          : (result as Json),
      );
    }

    const { token, result } = this.tokens.issue({ executionArn: record.executionArn, stateName });
    const withToken = replaceString(input, placeholder, token) as Json;
    const payload = withToken && typeof withToken === 'object' && !Array.isArray(withToken) ? (withToken.Payload ?? {}) : withToken;

    // The interpreter reads TimeoutSecondsPath from this same input object right after calling the override,
    // so rewriting it here (before any await) scales or caps the wait. The function got its copy already.
    let timeoutSeconds = typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : 60;
    const segments = typeof state.TimeoutSecondsPath === 'string' ? simplePath(state.TimeoutSecondsPath) : undefined;
    if (segments) {
      const original = readPath(input, segments);
      if (typeof original === 'number' && Number.isInteger(original) && original >= 1) {
        const scaled = this.options.taskTimeoutSeconds?.(original, stateName) ?? original;
        timeoutSeconds = Math.min(maxLocalTimeoutSeconds, Math.max(1, Math.round(scaled)));
        writePath(input, segments, timeoutSeconds);
      }
    }
    this.tokens.expireAfter(token, timeoutSeconds * 1000);

    return (async () => {
      try {
        await this.callFunction(prepared, stateName, withToken, JSON.parse(JSON.stringify(payload)), { ...invocation, taskToken: token });
      } catch (error) {
        this.tokens.expire(token);
        throw error;
      }
      return (await result) as Json;
    })();
  }

  private async callFunction(prepared: PreparedMachine, stateName: string, parameters: Json, payload: unknown, invocation: TaskInvocation): Promise<unknown> {
    const handler = this.options.taskHandlers?.[stateName];
    if (handler) {
      try {
        return await handler(payload, invocation);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        throw new TaskFailedError(failure.name || 'Error', JSON.stringify({ errorType: failure.name, errorMessage: failure.message }));
      }
    }
    const state = prepared.tasks.get(stateName)!;
    const functionName =
      parameters && typeof parameters === 'object' && !Array.isArray(parameters) && typeof parameters.FunctionName === 'string'
        ? parameters.FunctionName
        : String(state.Resource);
    const functionId = prepared.machine.functionsByArn[functionName] ?? this.options.findFunctionId?.(functionName);
    if (!functionId || !this.options.invokeFunction) {
      throw new TaskFailedError('Lambda.ResourceNotFoundException', `Function not found locally: ${functionName}`);
    }
    const outcome = await this.options.invokeFunction(functionId, payload);
    if (outcome.ok) return outcome.result;
    // What the Lambda integration reports: the function's error type, and its error object as the Cause.
    throw new TaskFailedError(
      outcome.error.errorType,
      JSON.stringify({ errorType: outcome.error.errorType, errorMessage: outcome.error.errorMessage, trace: outcome.error.trace }),
    );
  }

  sendTaskSuccess(taskToken: string, output: string): void {
    this.tokens.succeed(taskToken, output);
  }

  sendTaskFailure(taskToken: string, error?: string, cause?: string): void {
    this.tokens.fail(taskToken, error, cause);
  }

  sendTaskHeartbeat(taskToken: string): void {
    this.tokens.heartbeat(taskToken);
  }

  async describeExecution(executionArn: string): Promise<ExecutionRecord> {
    const record = await this.options.store.get(executionArn);
    if (!record) throw new StepFunctionsError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  async listExecutions(filter: { stateMachineArn?: string; status?: ExecutionStatus } = {}): Promise<ExecutionRecord[]> {
    if (filter.stateMachineArn) this.machine(filter.stateMachineArn);
    return this.options.store.list(filter);
  }

  /** StopExecution: aborts a running execution and records it ABORTED. */
  async stopExecution(executionArn: string, error?: string, cause?: string): Promise<{ stopDate: string }> {
    const record = await this.describeExecution(executionArn);
    const entry = this.active.get(executionArn);
    if (entry) {
      entry.stopReason = { error, cause };
      entry.abort();
      await entry.settled;
    } else if (record.status === 'RUNNING') {
      await this.options.store.complete(executionArn, { status: 'ABORTED', stopDate: new Date().toISOString(), error, cause });
    }
    const stopped = await this.describeExecution(executionArn);
    return { stopDate: stopped.stopDate ?? new Date().toISOString() };
  }

  /** Resolves when the execution has ended (or `timeoutMs` passed), with its record. For tests and scripts. */
  async waitForExecution(executionArn: string, timeoutMs = 30_000): Promise<ExecutionRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const entry = this.active.get(executionArn);
      if (entry) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) break;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([entry.settled, new Promise((resolve) => (timer = setTimeout(resolve, remaining)))]);
        clearTimeout(timer);
      }
      const record = await this.describeExecution(executionArn);
      if (record.status !== 'RUNNING') return record;
      if (Date.now() >= deadline) break;
      if (!this.active.has(executionArn)) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`Execution ${executionArn} still RUNNING after ${timeoutMs} ms`);
  }

  /** Executions this engine is running now. */
  runningHere(): string[] {
    return [...this.active.keys()];
  }

  /** Stops the engine; running executions stay RUNNING in the store so the next start resumes them. */
  async stop(): Promise<void> {
    this.stopping = true;
    const entries = [...this.active.values()];
    for (const entry of entries) {
      entry.stopReason = 'shutdown';
      entry.abort();
    }
    await Promise.all(entries.map((entry) => entry.settled));
  }
}

function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return a === b;
  }
}
