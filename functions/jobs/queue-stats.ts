/** Scheduled (EventBridge, every 15 minutes): refreshes the queue statistics shown to staff. */
import { composition, systemClock } from '../../shared/aws/composition';
import { computeQueueStats } from '../../shared/use-cases/compute-queue-stats';

const deps = { store: composition.suggestionStore(), directory: composition.directory(), clock: systemClock };
const orgId = composition.orgId();

export const handler = async (): Promise<{ overdue: number; open: number }> => {
  const stats = await computeQueueStats(deps, orgId);
  return { overdue: stats.overdue, open: Object.values(stats.byStatus).reduce((a, b) => a + b, 0) };
};
