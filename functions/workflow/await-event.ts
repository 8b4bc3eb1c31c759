/**
 * State machine tasks AwaitEvent and AwaitResume (wait for task token): parks the token with the suggestion, where
 * staff and citizen actions (AwaitEvent) or an admin's resume (AwaitResume, no plan) answer it with the next plan.
 */
import { classifyingTransient } from '../../shared/aws/transient-errors';
import { composition, systemClock } from '../../shared/aws/composition';
import type { WorkflowPlan } from '../../shared/domain/workflow/plan';
import { awaitEvent } from '../../shared/use-cases/workflow-tasks';

const deps = {
  store: composition.suggestionStore(),
  supervision: composition.supervision(),
  workflow: composition.workflowAnswerer(),
  clock: systemClock,
};

// A transient failure (throttling, a timeout) is retried by the state machine.
export const handler = classifyingTransient(
  async (event: { suggestionId: string; taskToken: string; plan?: WorkflowPlan }): Promise<void> =>
    awaitEvent(deps, { suggestionId: event.suggestionId, taskToken: event.taskToken, ...(event.plan ? { plan: event.plan } : {}) }),
);
