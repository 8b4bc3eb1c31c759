/**
 * After the due instant a handler gets one reminder a day until the suggestion is handled: at 09:00 +08:00 on each
 * working day (nobody is chased on a Sunday or during the Spring Festival). The caller passes `until` (e.g. now plus
 * its scheduling horizon) because the list is otherwise endless.
 */
import type { WorkingCalendar } from './calendar';
import { atClockOnDayNumber, instantMs, officeDayNumberOf, OFFICE_MORNING } from './office-time';

/** 09:00 +08:00 on every working day, strictly after `due` and no later than `until`, ascending. */
export function overdueReminderTimes(due: Date, until: Date, calendar: WorkingCalendar): Date[] {
  const dueMs = instantMs(due);
  const untilMs = instantMs(until);
  const times: Date[] = [];
  for (let day = officeDayNumberOf(due); day <= officeDayNumberOf(until); day++) {
    const at = atClockOnDayNumber(day, OFFICE_MORNING);
    const t = at.getTime();
    // The due day's own morning counts only for an unusual due instant before 09:00.
    if (t > dueMs && t <= untilMs && calendar.isWorkingDay(at)) times.push(at);
  }
  return times;
}
