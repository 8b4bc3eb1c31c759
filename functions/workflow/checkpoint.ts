/** State machine task Checkpoint: the wait timed out — reminder, escalation, overdue reminder or auto-close. */
import { classifyingTransient } from '../../shared/aws/transient-errors';
import { composition, systemClock } from '../../shared/aws/composition';
import type { WorkflowPlan } from '../../shared/domain/workflow/plan';
import { runCheckpoint } from '../../shared/use-cases/workflow-tasks';

const deps = {
  store: composition.suggestionStore(),
  directory: composition.directory(),
  supervision: composition.supervision(),
  notifications: composition.notificationQueue(),
  clock: systemClock,
  publicBaseUrl: composition.publicBaseUrl(),
};

// A transient failure (throttling, a timeout, a lost optimistic lock) is retried by the state machine.
export const handler = classifyingTransient(async (event: WorkflowPlan): Promise<WorkflowPlan> => runCheckpoint(deps, event));
