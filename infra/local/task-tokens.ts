/**
 * Task tokens for `.waitForTaskToken` tasks. aws-local-stepfunctions has none of its own: the engine runs with a
 * placeholder in `$$.Task.Token`, and the task override swaps it for a real random token issued here. The
 * SendTaskSuccess/Failure/Heartbeat operations of the local SFN endpoint answer tokens through this registry.
 */
import { randomBytes } from 'node:crypto';

/** Errors with the names Step Functions gives them, so SDK callers see the same exception types. */
export class TaskTokenError extends Error {
  constructor(
    readonly code: 'TaskDoesNotExist' | 'TaskTimedOut' | 'InvalidToken' | 'InvalidOutput',
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** A task failure as the state machine sees it: `error` is what Retry/Catch match on. */
export class TaskFailedError extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

export interface TaskTokenOwner {
  readonly executionArn: string;
  readonly stateName: string;
}

interface PendingTask {
  readonly owner: TaskTokenOwner;
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/** How many closed tokens are remembered to tell "timed out" from "never existed". */
const rememberedClosedTokens = 10_000;

export class TaskTokenRegistry {
  private readonly pending = new Map<string, PendingTask>();
  private readonly timedOut = new Set<string>();

  /**
   * Issues a token. `result` settles when the token is answered; it never settles after expire() (the engine's
   * own timeout fails the state with States.Timeout, exactly as on AWS).
   */
  issue(owner: TaskTokenOwner): { token: string; result: Promise<unknown> } {
    // Opaque and unguessable, like AWS's (which are long base64 strings).
    const token = randomBytes(64).toString('base64url');
    let resolve!: (output: unknown) => void;
    let reject!: (error: Error) => void;
    const result = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // An answer may arrive before anyone awaits (the Lambda itself may answer): never an unhandled rejection.
    result.catch(() => undefined);
    this.pending.set(token, { owner, resolve, reject });
    return { token, result };
  }

  /** Marks the token timed out after `ms` (answers after that get TaskTimedOut, as on AWS). */
  expireAfter(token: string, ms: number): void {
    const task = this.pending.get(token);
    if (!task) return;
    clearTimeout(task.timer);
    task.timer = setTimeout(() => this.expire(token), ms);
    task.timer.unref();
  }

  private lookup(token: string): PendingTask {
    if (typeof token !== 'string' || token.length === 0 || token.length > 1024) {
      throw new TaskTokenError('InvalidToken', 'Invalid Token: the task token is empty or longer than 1024 characters');
    }
    const task = this.pending.get(token);
    if (task) return task;
    if (this.timedOut.has(token)) throw new TaskTokenError('TaskTimedOut', 'Task Timed Out: the task token has timed out');
    throw new TaskTokenError('TaskDoesNotExist', 'Task Does Not Exist: no open task has this token');
  }

  private close(token: string, task: PendingTask): void {
    clearTimeout(task.timer);
    this.pending.delete(token);
  }

  private remember(token: string): void {
    this.timedOut.add(token);
    if (this.timedOut.size > rememberedClosedTokens) {
      const oldest = this.timedOut.values().next().value;
      if (oldest !== undefined) this.timedOut.delete(oldest);
    }
  }

  /** SendTaskSuccess: `output` is the JSON text the caller sent. */
  succeed(token: string, output: string): TaskTokenOwner {
    const task = this.lookup(token);
    let parsed: unknown;
    try {
      parsed = JSON.parse(output);
    } catch {
      throw new TaskTokenError('InvalidOutput', 'Invalid Output: the output is not valid JSON');
    }
    this.close(token, task);
    task.resolve(parsed);
    return task.owner;
  }

  /** SendTaskFailure: the state fails with `error` (what Catch matches) and `cause`. */
  fail(token: string, error = '', cause = ''): TaskTokenOwner {
    const task = this.lookup(token);
    this.close(token, task);
    task.reject(new TaskFailedError(error, cause));
    return task.owner;
  }

  /** SendTaskHeartbeat: accepted for open tokens (HeartbeatSeconds is not enforced locally). */
  heartbeat(token: string): TaskTokenOwner {
    return this.lookup(token).owner;
  }

  /** The task's time is up: the token stops being answerable; the engine's timeout does the rest. */
  expire(token: string): void {
    const task = this.pending.get(token);
    if (!task) return;
    this.close(token, task);
    this.remember(token);
  }

  /** Drops every token of an execution that stopped (completed, aborted or shut down). */
  dropExecution(executionArn: string): void {
    for (const [token, task] of this.pending) {
      if (task.owner.executionArn === executionArn) this.close(token, task);
    }
  }

  /** Open tokens, for tests and diagnostics. */
  open(executionArn?: string): Array<{ token: string } & TaskTokenOwner> {
    return [...this.pending]
      .filter(([, task]) => !executionArn || task.owner.executionArn === executionArn)
      .map(([token, task]) => ({ token, ...task.owner }));
  }
}
