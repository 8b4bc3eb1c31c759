/**
 * When something is due.
 *
 * A limit ends at the END of its last day, 23:59:59.999 +08:00, not at the close of office hours: citizens, the
 * rules and the monthly reports count days ("replied within 15 working days"), not hours, so a reply sent at 20:00
 * on the last day is on time. Counting starts on the working day after the start day: a suggestion submitted on
 * Monday 10:00 with "1 working day" is due Tuesday end of day; one submitted on a Saturday or a holiday is due at
 * the end of the first working day after it.
 *
 * Calendar-day limits (the study tier, the rating window) count every day: start day + N, end of that day. Such a
 * due day is not moved off a weekend or holiday; if the rules come to require that (as the Civil Code does for legal
 * periods), it belongs here.
 */
import type { WorkingCalendar } from './calendar';
import type { TimeLimit } from './time-limits';
import { DAY_MS, dayNumber, endOfDayNumber, instantMs, officeDayNumberOf } from './office-time';

function checkAmount(limit: TimeLimit): void {
  if (!Number.isSafeInteger(limit.amount) || limit.amount < 0) {
    throw new RangeError(`a time limit is a whole number of days ≥ 0, got ${limit.amount}`);
  }
}

/** The due instant of `limit` started at `start` (end of the last day, +08:00). */
export function dueAt(start: Date, limit: TimeLimit, calendar: WorkingCalendar): Date {
  checkAmount(limit);
  const startDay = officeDayNumberOf(start);
  switch (limit.unit) {
    case 'workingDays':
      return endOfDayNumber(dayNumber(calendar.addWorkingDays(start, limit.amount)));
    case 'calendarDays':
      return endOfDayNumber(startDay + limit.amount);
    default:
      throw new RangeError(`unknown time limit unit ${String((limit as { unit: unknown }).unit)}`);
  }
}

/**
 * The due instant after the clock was stopped from `pausedFrom` to `pausedTo` (waiting for the citizen's answer to
 * an information request). The deadline moves by the working days the pause covered, counted like every other
 * limit: the working days after the pause's first day up to and including the day it ended. A pause that starts and
 * ends on the same day moves nothing; one from Friday to Monday moves one working day. The time of day of the due
 * instant is kept (normally end of day).
 */
export function pauseAdjusted(due: Date, pausedFrom: Date, pausedTo: Date, calendar: WorkingCalendar): Date {
  if (instantMs(pausedTo) < instantMs(pausedFrom)) throw new RangeError('a pause cannot end before it starts');
  const paused = calendar.workingDaysBetween(pausedFrom, pausedTo);
  if (paused === 0) return new Date(instantMs(due));
  const newDay = dayNumber(calendar.addWorkingDays(due, paused));
  // Office time has no daylight saving, so moving by whole days keeps the clock time.
  return new Date(instantMs(due) + (newDay - officeDayNumberOf(due)) * DAY_MS);
}
