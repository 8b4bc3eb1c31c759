/**
 * State machine tasks AwaitEvent and AwaitResume (wait for task token): parks the token with the suggestion, where
 * staff and citizen actions (AwaitEvent) or an admin's resume (AwaitResume, no plan) answer it with the next plan.
 */
import { composition, systemClock } from '../../shared/aws/composition';
import type { WorkflowPlan } from '../../shared/domain/workflow/plan';
import { awaitEvent } from '../../shared/use-cases/workflow-tasks';

const deps = {
  store: composition.suggestionStore(),
  supervision: composition.supervision(),
  workflow: composition.workflowAnswerer(),
  clock: systemClock,
};

export const handler = async (event: { suggestionId: string; taskToken: string; plan?: WorkflowPlan }): Promise<void> =>
  awaitEvent(deps, { suggestionId: event.suggestionId, taskToken: event.taskToken, ...(event.plan ? { plan: event.plan } : {}) });
