/** State machine task RecordFailure: a task failed after its retries — record it on the suggestion and alert. */
import { classifyingTransient } from '../../shared/aws/transient-errors';
import { composition, systemClock } from '../../shared/aws/composition';
import { recordWorkflowFailure } from '../../shared/use-cases/workflow-tasks';

const deps = {
  store: composition.suggestionStore(),
  directory: composition.directory(),
  notifications: composition.notificationQueue(),
  clock: systemClock,
  publicBaseUrl: composition.publicBaseUrl(),
};

/** `failure` is the caught error output of Step Functions: `{Error, Cause}`, either possibly absent. */
export const handler = classifyingTransient(
  async (event: { suggestionId: string; failure?: { Error?: string; Cause?: string } }): Promise<void> =>
    recordWorkflowFailure(deps, {
      suggestionId: event.suggestionId,
      ...(event.failure?.Error ? { error: event.failure.Error } : {}),
      ...(event.failure?.Cause ? { cause: event.failure.Cause } : {}),
    }),
);
