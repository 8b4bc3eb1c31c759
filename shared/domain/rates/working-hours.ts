/**
 * Working hours between two instants: the time that falls in office hours (09:00-17:00 China time, 8 hours a day)
 * on working days of the official calendar (weekends, holidays and 调休 makeup days as the calendar says). What the
 * mean time to sign and to reply are measured in: a suggestion assigned on Friday afternoon and signed on Monday
 * morning waited a few working hours, not three days.
 */
import type { WorkingCalendar } from '../deadlines';
import { officeDayNumberOf, startOfDayNumber } from '../deadlines/office-time';

export const officeHours = { startHour: 9, endHour: 17 } as const;
const hourMs = 3_600_000;

export function workingHoursBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  for (let day = officeDayNumberOf(from); day <= officeDayNumberOf(to); day++) {
    const start = startOfDayNumber(day);
    if (!calendar.isWorkingDay(start)) continue;
    const open = start.getTime() + officeHours.startHour * hourMs;
    const close = start.getTime() + officeHours.endHour * hourMs;
    total += Math.max(0, Math.min(close, to.getTime()) - Math.max(open, from.getTime()));
  }
  return total / hourMs;
}
