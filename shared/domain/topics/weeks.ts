/** ISO weeks (Monday first) of office days: the periods the hot topics compare. */
import { isoWeekOf } from '../rates/buckets';
import { dayNumber, dayString, type DayString } from '../deadlines/office-time';

export { isoWeekOf };

const weekPattern = /^(\d{4})-W(\d{2})$/;

export function isIsoWeek(week: string): boolean {
  const m = weekPattern.exec(week);
  if (!m) return false;
  const n = Number(m[2]);
  return n >= 1 && n <= 53 && isoWeekOf(mondayOf(Number(m[1]), n)) === week;
}

function mondayOf(year: number, week: number): DayString {
  // 4 January is always in week 1.
  const jan4 = dayNumber(`${year}-01-04`);
  const weekday = (((jan4 + 3) % 7) + 7) % 7; // 0 = Monday
  return dayString(jan4 - weekday + (week - 1) * 7);
}

/** The seven office days of an ISO week, Monday first. */
export function daysOfWeek(week: string): DayString[] {
  const m = weekPattern.exec(week);
  if (!m || !isIsoWeek(week)) throw new RangeError(`not an ISO week: ${week}`);
  const monday = dayNumber(mondayOf(Number(m[1]), Number(m[2])));
  return Array.from({ length: 7 }, (_, i) => dayString(monday + i));
}

export function previousWeek(week: string): string {
  return isoWeekOf(dayString(dayNumber(daysOfWeek(week)[0]!) - 7));
}
