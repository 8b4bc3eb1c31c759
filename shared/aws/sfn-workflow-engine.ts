/**
 * Starts the per-suggestion Step Functions execution. The execution is named by the suggestion id: Standard
 * executions are idempotent on name (same name and input → the same execution), so a retry starts nothing new.
 */
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  ListExecutionsCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  type ExecutionStatus,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import type { WorkflowPlan } from '../domain/workflow/plan';
import type { WorkflowEngine, WorkflowSupervisor } from '../ports';

/** A suggestion's executions: `<id>`, then `<id>-r1`, `<id>-r2` … for each restart after one ended abnormally. */
export function executionName(suggestionId: string, restart: number): string {
  return restart ? `${suggestionId}-r${restart}` : suggestionId;
}
export function suggestionIdOf(executionName: string): string {
  return executionName.replace(/-r\d+$/, '');
}
/** Restarts of one suggestion beyond this many mean something is badly wrong: the sweep stops and says so. */
const maxRestarts = 50;

export function workflowInput(suggestionId: string): string {
  return JSON.stringify({ Payload: { suggestionId } });
}

export class SfnWorkflowEngine implements WorkflowEngine, WorkflowSupervisor {
  constructor(
    private readonly client: SFNClient,
    /** Only intake starts executions; actions only answer tokens and need no ARN. */
    private readonly stateMachineArn: string = '',
  ) {}

  async startSuggestionWorkflow(suggestionId: string): Promise<void> {
    try {
      await this.client.send(
        new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: suggestionId, input: workflowInput(suggestionId) }),
      );
    } catch (error) {
      // Already started under this name (a retry, or a resume) is the outcome we wanted.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  }

  async answer(taskToken: string, plan: WorkflowPlan): Promise<boolean> {
    try {
      await this.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ Payload: plan }) }));
      return true;
    } catch (error) {
      // The execution moved on (timed out into a checkpoint, or was answered already): it re-plans from the
      // table by itself, so a stale token is not an error.
      const name = (error as { name?: string }).name ?? '';
      if (['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist'].includes(name)) return false;
      throw error;
    }
  }

  async ensureRunning(suggestionId: string): Promise<'running' | 'started'> {
    for (let restart = 0; restart <= maxRestarts; restart++) {
      const name = executionName(suggestionId, restart);
      const status = await this.statusOf(name);
      if (status === 'RUNNING') return 'running';
      if (status !== undefined) continue; // ended: the next name
      try {
        await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: workflowInput(suggestionId) }));
        return 'started';
      } catch (error) {
        // Another sweep (or the intake) started this very name a moment ago: look at it again.
        if (!(error instanceof ExecutionAlreadyExists)) throw error;
        restart--;
      }
    }
    throw new Error(`suggestion ${suggestionId} has been restarted ${maxRestarts} times; look at its executions`);
  }

  async endedAbnormally(limit: number): Promise<string[]> {
    const ids = new Set<string>();
    for (const statusFilter of ['FAILED', 'TIMED_OUT', 'ABORTED'] as const) {
      let nextToken: string | undefined;
      let seen = 0;
      do {
        const page = await this.client.send(new ListExecutionsCommand({ stateMachineArn: this.stateMachineArn, statusFilter, maxResults: Math.min(100, limit), nextToken }));
        for (const e of page.executions ?? []) if (e.name) ids.add(suggestionIdOf(e.name));
        seen += page.executions?.length ?? 0;
        nextToken = page.nextToken;
      } while (nextToken && seen < limit);
    }
    return [...ids];
  }

  private async statusOf(name: string): Promise<ExecutionStatus | undefined> {
    const machine = this.stateMachineArn.split(':');
    const executionArn = [...machine.slice(0, 5), 'execution', machine[6], name].join(':');
    try {
      return (await this.client.send(new DescribeExecutionCommand({ executionArn }))).status;
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist) return undefined;
      throw error;
    }
  }
}
