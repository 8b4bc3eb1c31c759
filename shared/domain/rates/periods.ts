/**
 * The periods the rates are read by — an office day (2026-11-30), an ISO week (2026-W49), a month (2026-11), a year (2026) and all time — as
 * ranges of office days, and their neighbours for a trend. A period's figures are the sum of its days' tallies
 * (buckets.ts), so each period is only a range.
 */
import { dayNumber, dayString, isDayString, type DayString } from '../deadlines/office-time';
import { isoWeekOf, periodsOf } from './buckets';

export type SummaryKind = 'day' | 'week' | 'month' | 'year' | 'all';
export const summaryKinds = ['day', 'week', 'month', 'year', 'all'] as const satisfies readonly SummaryKind[];

export const allTime = 'all';

const patterns: Record<SummaryKind, RegExp> = {
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  week: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  year: /^\d{4}$/,
  all: /^all$/,
};

export function isPeriod(kind: SummaryKind, period: string): boolean {
  if (!patterns[kind].test(period)) return false;
  // A week 53 only in the years that have one; a day that the calendar has.
  if (kind === 'day') return isDayString(period);
  return kind !== 'week' || isoWeekOf(periodRange(kind, period).from) === period;
}

/** The first and last office day of a period (inclusive). */
export function periodRange(kind: SummaryKind, period: string): { from: DayString; to: DayString } {
  switch (kind) {
    case 'all':
      return { from: '0000-01-01', to: '9999-12-31' };
    case 'day':
      return { from: period, to: period };
    case 'year':
      return { from: `${period}-01-01`, to: `${period}-12-31` };
    case 'month': {
      const next = period.endsWith('-12') ? `${Number(period.slice(0, 4)) + 1}-01` : `${period.slice(0, 5)}${String(Number(period.slice(5)) + 1).padStart(2, '0')}`;
      return { from: `${period}-01`, to: dayString(dayNumber(`${next}-01`) - 1) };
    }
    case 'week': {
      const year = Number(period.slice(0, 4));
      const week = Number(period.slice(6));
      // ISO week 1 holds January 4th; its Monday starts the year's weeks.
      const jan4 = dayNumber(`${year}-01-04`);
      const weekday = (((jan4 + 3) % 7) + 7) % 7; // 0 = Monday
      const monday = jan4 - weekday + (week - 1) * 7;
      return { from: dayString(monday), to: dayString(monday + 6) };
    }
  }
}

/** The period of a kind that holds an office day. */
export function periodOf(kind: SummaryKind, day: DayString): string {
  return kind === 'all' ? allTime : periodsOf(day)[kind];
}

/** The `count` periods of a kind ending with `period`, oldest first (all time has only itself). */
export function periodsEndingWith(kind: SummaryKind, period: string, count: number): string[] {
  if (kind === 'all') return [allTime];
  const out = [period];
  while (out.length < count) out.unshift(periodOf(kind, dayString(dayNumber(periodRange(kind, out[0]!).from) - 1)));
  return out;
}
