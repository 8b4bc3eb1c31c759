/**
 * Scheduled: counts the organisation's open suggestions by status and department, and the overdue ones, for the
 * staff console's header. Reads the open-queue index page by page, so the cost grows with open work only.
 */
import { isOverdue } from '../domain/suggestion/views';
import type { QueueStats } from '../domain/stats/queue-stats';
import type { Clock, Directory, SuggestionStore } from '../ports';

export async function computeQueueStats(deps: { store: SuggestionStore; directory: Directory; clock: Clock }, orgId: string): Promise<QueueStats> {
  const now = deps.clock.now();
  const stats: QueueStats = { computedAt: now.toISOString(), byStatus: {}, overdue: 0, byDepartment: {} };
  let cursor: string | undefined;
  do {
    const page = await deps.store.queue({ orgId, limit: 100, ...(cursor ? { cursor } : {}) });
    for (const s of page.items) {
      const overdue = isOverdue(s, now);
      stats.byStatus[s.status] = (stats.byStatus[s.status] ?? 0) + 1;
      if (overdue) stats.overdue++;
      if (s.leadDepartmentId) {
        const dept = (stats.byDepartment[s.leadDepartmentId] ??= { open: 0, overdue: 0 });
        dept.open++;
        if (overdue) dept.overdue++;
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  await deps.directory.saveQueueStats(orgId, stats);
  return stats;
}
