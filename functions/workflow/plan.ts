/** State machine task Plan: a new suggestion enters screening; says what to wait for next (a WorkflowPlan). */
import { composition, systemClock } from '../../shared/aws/composition';
import type { WorkflowPlan } from '../../shared/domain/workflow/plan';
import type { NotificationQueue } from '../../shared/ports';
import { planWorkflow } from '../../shared/use-cases/workflow-tasks';

// Planning sends nothing: the queue is built only if a use case ever asks for it (no queue URL needed here).
const notifications: NotificationQueue = { enqueue: (requests) => composition.notificationQueue().enqueue(requests) };

const deps = {
  store: composition.suggestionStore(),
  directory: composition.directory(),
  supervision: composition.supervision(),
  notifications,
  clock: systemClock,
  publicBaseUrl: composition.publicBaseUrl(),
};

export const handler = async (event: { suggestionId: string }): Promise<WorkflowPlan> => planWorkflow(deps, event.suggestionId);
