/**
 * State machine tasks AwaitEvent and AwaitResume (wait for task token): parks the token with the suggestion, where
 * staff and citizen actions (AwaitEvent) or an admin's resume (AwaitResume, no plan) answer it with the next plan.
 */
import { classifyingTransient } from '../../shared/aws/transient-errors';
import { suggestionStore, supervision, systemClock } from '../../shared/aws/composition';
import { workflowAnswerer } from '../../shared/aws/composition-sfn';
import type { WorkflowPlan } from '../../shared/domain/workflow/plan';
import { observedTask } from '../../shared/observability/observed-task';
import { awaitEvent } from '../../shared/use-cases/workflow-tasks';

const deps = {
  store: suggestionStore(),
  supervision: supervision(),
  workflow: workflowAnswerer(),
  clock: systemClock,
};

// A transient failure (throttling, a timeout) is retried by the state machine.
export const handler = observedTask(
  classifyingTransient(
    async (event: { suggestionId: string; taskToken: string; plan?: WorkflowPlan }): Promise<void> =>
      awaitEvent(deps, { suggestionId: event.suggestionId, taskToken: event.taskToken, ...(event.plan ? { plan: event.plan } : {}) }),
  ),
  { suggestionId: (event) => event.suggestionId },
);
