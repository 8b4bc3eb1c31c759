/**
 * The working calendar deadlines are counted on.
 *
 * A day is a working day by, in order of precedence:
 *   1. an admin override ({date, kind: 'holiday' | 'workday'}): lets an admin enter a year's 放假/调休 schedule
 *      before the package knows it (chinese-days@1.5.7 stops at 2026), or correct a local exception;
 *   2. the official schedule shipped with chinese-days (holidays and weekend makeup workdays);
 *   3. the ordinary rule: Monday–Friday work, Saturday and Sunday rest.
 * `coverage(year)` says which of these a year actually rests on, so the admin UI can warn when a year is counted
 * on weekdays only (its holidays would be counted as working days and deadlines would come too early).
 *
 * Counting convention (used by every deadline): stepping forward from a day never counts that day itself.
 */
import { officialDay, officialYears } from './official-holidays';
import {
  dayNumber,
  dayString,
  isDayString,
  toDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
  type DayLike,
  type DayString,
} from './office-time';

export type OverrideKind = 'holiday' | 'workday';

/** An admin's entry that beats the package for one day. */
export interface CalendarOverride {
  date: DayString;
  kind: OverrideKind;
  /** e.g. '元旦' or '元旦调休上班'; shown in the calendar view. */
  name?: string;
}

/** Where a year's working days come from: 'weekdays-only' means nobody has entered its holidays. */
export type CalendarCoverage = 'official' | 'overrides' | 'weekdays-only';

export type DaySource = 'override' | 'official' | 'weekday-rule';

export interface DayInfo {
  date: DayString;
  working: boolean;
  source: DaySource;
  name?: string;
  /** Official rest day that is paid back by a makeup workday (调休日). */
  inLieu?: boolean;
}

export interface WorkingCalendar {
  /** Why a day is (not) a working day. A Date means the office day (+08:00) containing it. */
  describe(day: DayLike): DayInfo;
  isWorkingDay(day: DayLike): boolean;
  coverage(year: number): CalendarCoverage;
  /** The first working day strictly after `day`. */
  nextWorkingDay(day: DayLike): DayString;
  /**
   * The n-th working day strictly after `day` (n > 0), strictly before it (n < 0), or `day` itself (n = 0).
   * addWorkingDays(Monday, 1) is Tuesday in an ordinary week; from a Saturday it is Monday.
   */
  addWorkingDays(day: DayLike, n: number): DayString;
  /**
   * Signed number of working-day steps from `from` to `to`: the working days in (from, to] when to ≥ from, minus
   * the working days in [to, from) otherwise. So workingDaysBetween(a, addWorkingDays(a, n)) === n for every n.
   */
  workingDaysBetween(from: DayLike, to: DayLike): number;
}

/** Checks an admin's override list: valid dates, valid kinds, each date at most once (order must not matter). */
function indexOverrides(overrides: readonly CalendarOverride[]): Map<number, CalendarOverride> {
  const byDay = new Map<number, CalendarOverride>();
  for (const o of overrides) {
    if (!isDayString(o.date)) throw new RangeError(`calendar override: not a YYYY-MM-DD day: ${JSON.stringify(o.date)}`);
    if (o.kind !== 'holiday' && o.kind !== 'workday') {
      throw new RangeError(`calendar override ${o.date}: kind must be 'holiday' or 'workday'`);
    }
    const n = dayNumber(o.date);
    if (byDay.has(n)) throw new RangeError(`calendar override ${o.date} appears more than once`);
    byDay.set(n, o);
  }
  return byDay;
}

export function createWorkingCalendar(overrides: readonly CalendarOverride[] = []): WorkingCalendar {
  const overrideByDay = indexOverrides(overrides);
  const overrideYears = new Set([...overrideByDay.keys()].map(yearOfDayNumber));

  const working = (n: number): boolean => {
    const o = overrideByDay.get(n);
    if (o) return o.kind === 'workday';
    const official = officialDay(n);
    if (official) return official.working;
    const weekday = weekdayOfDayNumber(n);
    return weekday !== 0 && weekday !== 6;
  };

  // Every loop below terminates: overrides and the official table are finite, past them every week has weekdays.
  const step = (from: number, n: number): number => {
    if (!Number.isSafeInteger(n)) throw new RangeError(`working-day count must be an integer, got ${n}`);
    const dir = n > 0 ? 1 : -1;
    let day = from;
    for (let left = Math.abs(n); left > 0; ) {
      day += dir;
      if (working(day)) left--;
    }
    return day;
  };

  const describe = (day: DayLike): DayInfo => {
    const n = toDayNumber(day);
    const date = dayString(n);
    const o = overrideByDay.get(n);
    if (o) return { date, working: o.kind === 'workday', source: 'override', ...(o.name ? { name: o.name } : {}) };
    const official = officialDay(n);
    if (official) {
      return { date, working: official.working, source: 'official', name: official.name, inLieu: official.inLieu };
    }
    return { date, working: working(n), source: 'weekday-rule' };
  };

  return {
    describe,
    isWorkingDay: (day) => working(toDayNumber(day)),
    coverage: (year) => (officialYears.has(year) ? 'official' : overrideYears.has(year) ? 'overrides' : 'weekdays-only'),
    nextWorkingDay: (day) => dayString(step(toDayNumber(day), 1)),
    addWorkingDays: (day, n) => dayString(step(toDayNumber(day), n)),
    workingDaysBetween: (fromDay, toDay) => {
      const from = toDayNumber(fromDay);
      const to = toDayNumber(toDay);
      let count = 0;
      if (to >= from) {
        for (let d = from + 1; d <= to; d++) if (working(d)) count++;
        return count;
      }
      for (let d = to; d < from; d++) if (working(d)) count++;
      return -count;
    },
  };
}
