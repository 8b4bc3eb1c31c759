/**
 * Starts the per-suggestion Step Functions execution. The execution is named by the suggestion id: Standard
 * executions are idempotent on name (same name and input → the same execution), so a retry starts nothing new.
 */
import { ExecutionAlreadyExists, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { WorkflowEngine } from '../ports';

export function workflowInput(suggestionId: string): string {
  return JSON.stringify({ Payload: { suggestionId } });
}

export class SfnWorkflowEngine implements WorkflowEngine {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
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
}
