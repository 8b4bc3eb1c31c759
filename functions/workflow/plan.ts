/** State machine task Plan: a new suggestion enters screening; says what to wait for next (a WorkflowPlan). */
import { classifyingTransient } from '../../shared/aws/transient-errors';
import { suggestionStore, supervision, systemClock } from '../../shared/aws/composition';
import type { WorkflowPlan } from '../../shared/domain/workflow/plan';
import { observedTask } from '../../shared/observability/observed-task';
import { planWorkflow } from '../../shared/use-cases/workflow-tasks';

// Planning reads the suggestion and the deadline policy and saves the screening transition; it sends nothing.
const deps = {
  store: suggestionStore(),
  supervision: supervision(),
  clock: systemClock,
};

// A transient failure (throttling, a timeout, a lost optimistic lock) is retried by the state machine.
export const handler = observedTask(
  classifyingTransient(async (event: { suggestionId: string }): Promise<WorkflowPlan> => planWorkflow(deps, event.suggestionId)),
  { suggestionId: (event) => event.suggestionId },
);
