/** Scheduled (EventBridge, every 15 minutes): refreshes the queue statistics shown to staff. */
import { directory, orgId, suggestionStore, systemClock } from '../../shared/aws/composition';
import { observedTask } from '../../shared/observability/observed-task';
import { computeQueueStats } from '../../shared/use-cases/compute-queue-stats';

const deps = { store: suggestionStore(), directory: directory(), clock: systemClock };
const org = orgId();

export const handler = observedTask(async (): Promise<{ overdue: number; open: number }> => {
  const stats = await computeQueueStats(deps, org);
  return { overdue: stats.overdue, open: Object.values(stats.byStatus).reduce((a, b) => a + b, 0) };
});
