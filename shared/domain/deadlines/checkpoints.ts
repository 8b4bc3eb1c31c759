/**
 * Reminder checkpoints between the start of a limit and its due instant.
 *
 * Allowed time is measured in working days: the W working days after the start day up to and including the due
 * day (exactly the days `dueAt` counted; for calendar-day limits, the working days inside them). Working day k of
 * W (k = 1…W) "uses up" the share k/W by its end. The reminder for share f goes out at 09:00 +08:00 on the working
 * day during which f is reached, k = ceil(f × W): e.g. of 15 working days, 'half' on the morning of day 8 and
 * 'eightyPercent' on the morning of day 12. Whole days, because limits are counted in whole days; mornings, because
 * that is when staff read them (never a midnight or weekend reminder).
 * 'oneDayLeft' is the morning of the last working day (more generally of day W − oneDayLeft + 1), and 'due' is the
 * due instant itself (the escalation).
 *
 * When two checkpoints fall on the same instant only the more urgent name is kept (due > oneDayLeft >
 * eightyPercent > half): with 3 working days, day 3 is both 80% and the last day. With 1 working day there is one
 * reminder, 'oneDayLeft', and 'due'. Checkpoints outside [start, due] are dropped.
 */
import type { WorkingCalendar } from './calendar';
import { defaultTimeLimits, type ReminderPolicy } from './time-limits';
import { atClockOnDayNumber, dayNumber, instantMs, officeDayOf, OFFICE_MORNING } from './office-time';

export type CheckpointName = 'half' | 'eightyPercent' | 'oneDayLeft' | 'due';

export interface Checkpoint {
  name: CheckpointName;
  at: Date;
}

const urgency: Record<CheckpointName, number> = { half: 0, eightyPercent: 1, oneDayLeft: 2, due: 3 };

/** Guards against 0.8 × 15 = 12.000000000000002 pushing a checkpoint one day late. */
const EPSILON = 1e-9;

export function checkpoints(
  start: Date,
  due: Date,
  calendar: WorkingCalendar,
  reminders: ReminderPolicy = defaultTimeLimits.reminders,
): Checkpoint[] {
  const startMs = instantMs(start);
  const dueMs = instantMs(due);
  if (dueMs < startMs) throw new RangeError('due must not be before start');

  const startDay = officeDayOf(start);
  const allowed = calendar.workingDaysBetween(startDay, due);
  /** 09:00 of working day k (1-based) of the allowed span. */
  const morningOf = (k: number): Date => atClockOnDayNumber(dayNumber(calendar.addWorkingDays(startDay, k)), OFFICE_MORNING);

  const candidates: Checkpoint[] = [];
  if (allowed >= 1) {
    const share = (f: number) => Math.min(allowed, Math.max(1, Math.ceil(f * allowed - EPSILON)));
    candidates.push({ name: 'half', at: morningOf(share(reminders.half)) });
    candidates.push({ name: 'eightyPercent', at: morningOf(share(reminders.eightyPercent)) });
    const lastDays = allowed - reminders.oneDayLeft + 1;
    if (lastDays >= 1) candidates.push({ name: 'oneDayLeft', at: morningOf(lastDays) });
  }
  candidates.push({ name: 'due', at: new Date(dueMs) });

  const byInstant = new Map<number, Checkpoint>();
  for (const c of candidates) {
    const t = c.at.getTime();
    if (t < startMs || t > dueMs) continue;
    const seen = byInstant.get(t);
    if (!seen || urgency[c.name] > urgency[seen.name]) byInstant.set(t, c);
  }
  return [...byInstant.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || urgency[a.name] - urgency[b.name]);
}
