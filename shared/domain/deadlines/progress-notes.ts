/**
 * Study-tier suggestions (60 calendar days by default) owe the citizen a progress note every 30 days. A note is due
 * at the end of each full period after the start, as long as that comes before the reply itself is due (the reply
 * replaces the last note). The workflow reminds the lead department on the morning of each due day; the handler
 * posts the note with the staff action progress-note.
 */
import type { WorkingCalendar } from './calendar';
import { dueAt } from './deadline';
import { atClockOnDayNumber, instantMs, officeDayNumberOf } from './office-time';
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

/**
 * 10:00 office time: the morning of the day a note is due, an hour after the 09:00 deadline reminders, so the two
 * kinds of checkpoint never share an instant (the workflow waits for one checkpoint at a time).
 */
export const PROGRESS_NOTE_REMINDER_AT = '10:00';

/**
 * When the lead department is reminded that a progress note is due: on the morning of each note's due day, unless
 * a note was already posted in that period (after the previous note was due, or after the start for the first).
 * Every instant is after `start` and before `due`, in order.
 */
export function progressNoteReminders(start: Date, due: Date, every: TimeLimit, calendar: WorkingCalendar, lastNoteAt?: Date): Date[] {
  const times = progressNoteTimes(start, due, every, calendar);
  const noted = lastNoteAt ? instantMs(lastNoteAt) : undefined;
  return times
    .filter((_, k) => noted === undefined || noted <= instantMs(k === 0 ? start : times[k - 1]!))
    .map((at) => atClockOnDayNumber(officeDayNumberOf(at), PROGRESS_NOTE_REMINDER_AT));
}
