/** State machine task RecordFailure: a task failed after its retries — record it on the suggestion and alert. */
import { classifyingTransient } from '../../shared/aws/transient-errors';
import { directory, publicBaseUrl, suggestionStore, systemClock } from '../../shared/aws/composition';
import { notificationQueue } from '../../shared/aws/composition-sqs';
import { observedTask } from '../../shared/observability/observed-task';
import { recordWorkflowFailure } from '../../shared/use-cases/workflow-tasks';

const deps = {
  store: suggestionStore(),
  directory: directory(),
  notifications: notificationQueue(),
  clock: systemClock,
  publicBaseUrl: publicBaseUrl(),
};

/** `failure` is the caught error output of Step Functions: `{Error, Cause}`, either possibly absent. */
export const handler = observedTask(
  classifyingTransient(
    async (event: { suggestionId: string; failure?: { Error?: string; Cause?: string } }): Promise<void> =>
      recordWorkflowFailure(deps, {
        suggestionId: event.suggestionId,
        ...(event.failure?.Error ? { error: event.failure.Error } : {}),
        ...(event.failure?.Cause ? { cause: event.failure.Cause } : {}),
      }),
  ),
  { suggestionId: (event) => event.suggestionId },
);
