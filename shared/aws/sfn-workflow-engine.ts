/**
 * Starts the per-suggestion Step Functions execution. The execution is named by the suggestion id: Standard
 * executions are idempotent on name (same name and input → the same execution), so a retry starts nothing new.
 */
import { ExecutionAlreadyExists, SendTaskSuccessCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { WorkflowPlan } from '../domain/workflow/plan';
import type { WorkflowEngine } from '../ports';

export function workflowInput(suggestionId: string): string {
  return JSON.stringify({ Payload: { suggestionId } });
}

export class SfnWorkflowEngine implements WorkflowEngine {
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
}
