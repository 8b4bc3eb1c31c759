/** State machine task Checkpoint: the wait timed out — reminder, escalation, overdue reminder or auto-close. */
import { classifyingTransient } from '../../shared/aws/transient-errors';
import { directory, publicBaseUrl, suggestionStore, supervision, systemClock } from '../../shared/aws/composition';
import { notificationQueue } from '../../shared/aws/composition-sqs';
import type { WorkflowPlan } from '../../shared/domain/workflow/plan';
import { observedTask } from '../../shared/observability/observed-task';
import { runCheckpoint } from '../../shared/use-cases/workflow-tasks';

const deps = {
  store: suggestionStore(),
  directory: directory(),
  supervision: supervision(),
  notifications: notificationQueue(),
  clock: systemClock,
  publicBaseUrl: publicBaseUrl(),
};

// A transient failure (throttling, a timeout, a lost optimistic lock) is retried by the state machine.
export const handler = observedTask(
  classifyingTransient(async (event: WorkflowPlan): Promise<WorkflowPlan> => runCheckpoint(deps, event)),
  { suggestionId: (event) => event.suggestionId },
);
