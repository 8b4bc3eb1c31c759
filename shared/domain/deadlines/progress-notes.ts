/**
 * Study-tier suggestions (60 calendar days by default) owe the citizen a progress note every 30 days. A note is due
 * at the end of each full period after the start, as long as that comes before the reply itself is due (the reply
 * replaces the last note).
 */
import type { WorkingCalendar } from './calendar';
import { dueAt } from './deadline';
import { instantMs } from './office-time';
import type { TimeLimit } from './time-limits';

/** Due instants of progress notes: dueAt(start, k × every) for k = 1, 2, … while strictly before `due`. */
export function progressNoteTimes(start: Date, due: Date, every: TimeLimit, calendar: WorkingCalendar): Date[] {
  if (!Number.isSafeInteger(every.amount) || every.amount < 1) throw new RangeError('a progress-note period is ≥ 1 day');
  const dueMs = instantMs(due);
  const times: Date[] = [];
  for (let k = 1; ; k++) {
    const at = dueAt(start, { amount: k * every.amount, unit: every.unit }, calendar);
    if (at.getTime() >= dueMs) return times;
    times.push(at);
  }
}
