/**
 * The organisation's working calendar: the official one plus the admin's overrides (for years the package does
 * not cover yet). Cached for a minute per container: overrides change a few times a year.
 */
import { createWorkingCalendar, type WorkingCalendar } from '../domain/deadlines';
import type { SupervisionStore } from '../ports';

const cache = new Map<string, { at: number; calendar: WorkingCalendar }>();
const ttlMs = 60_000;

export async function orgCalendar(store: Pick<SupervisionStore, 'calendarOverrides'>, orgId: string, now = Date.now()): Promise<WorkingCalendar> {
  const hit = cache.get(orgId);
  if (hit && now - hit.at < ttlMs) return hit.calendar;
  const calendar = createWorkingCalendar(await store.calendarOverrides(orgId));
  cache.set(orgId, { at: now, calendar });
  return calendar;
}

/** After an admin saves overrides, the next read builds the calendar again. */
export function forgetOrgCalendar(orgId: string): void {
  cache.delete(orgId);
}
