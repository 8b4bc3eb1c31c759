/**
 * A published holiday schedule (放假安排) as an admin pastes it: the days off and the makeup workdays (调休上班) of
 * one year, checked and put in order before they become calendar overrides. The two input forms — a list of dates
 * (schedule-list.ts) and an iCalendar feed (schedule-ics.ts) — both end here, so they obey the same rules.
 *
 * A State Council notice for year Y may reach into the neighbouring years (the 2019 notice gave 2018-12-30 and -31
 * off, with 2018-12-29 worked), so a schedule for Y may hold days from 1 December of Y−1 to 31 January of Y+1.
 * Its year is the one most of its days fall in, unless the admin names it.
 */
import { ValidationError, type FieldProblem } from '../errors';
import type { CalendarOverride, OverrideKind } from './calendar';
import { dayNumber, dayString } from './office-time';

/** One day as the input gave it, with where it came from for the messages. */
export interface SourcedDay {
  date: string;
  kind: OverrideKind;
  name?: string;
  /** 'line 3' of a list, 'event 3' of a feed. */
  source: { line: number } | { event: number };
}

export interface ParsedSchedule {
  /** The year the schedule is for: the admin's, or the one most days fall in. */
  year: number;
  days: CalendarOverride[];
  /** Events of a feed that are neither days off nor workdays (solar terms, observances), by their summary. */
  ignored: string[];
}

/** The request field the pasted text or file content travels in. */
export const scheduleField = 'schedule';

export function scheduleError(problem: FieldProblem): ValidationError {
  return new ValidationError({ [scheduleField]: problem });
}

/** Longest run of days one line or event may cover: Spring Festival with its weekends is 9. */
export const maxSpanDays = 31;

/** Names are kept as short labels in the calendar view. */
export const maxNameLength = 50;

function sourceParams(day: SourcedDay): { line: number } | { event: number } {
  return day.source;
}

/** Every day of [first, last] (inclusive) as YYYY-MM-DD; undefined when it is backwards or longer than maxSpanDays. */
export function daysFrom(first: string, last: string): string[] | undefined {
  const a = dayNumber(first);
  const b = dayNumber(last);
  if (b < a || b - a + 1 > maxSpanDays) return undefined;
  return Array.from({ length: b - a + 1 }, (_, i) => dayString(a + i));
}

function majorityYear(days: readonly SourcedDay[]): number {
  const counts = new Map<number, number>();
  for (const d of days) counts.set(Number(d.date.slice(0, 4)), (counts.get(Number(d.date.slice(0, 4))) ?? 0) + 1);
  // Ties go to the later year: a notice is published for the coming year.
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || y[0] - x[0])[0]![0];
}

/**
 * The checked schedule: the year, its days in date order (the same day listed twice with the same kind counts once),
 * and what was ignored. Every date is a real YYYY-MM-DD day (the parsers check). Throws a ValidationError naming the
 * line or event and the rule.
 */
export function finishSchedule(days: readonly SourcedDay[], ignored: string[], year?: number): ParsedSchedule {
  if (days.length === 0) throw scheduleError({ rule: 'scheduleEmpty' });
  const forYear = year ?? majorityYear(days);
  const from = dayNumber(`${forYear - 1}-12-01`);
  const to = dayNumber(`${forYear + 1}-01-31`);
  const byDate = new Map<string, SourcedDay>();
  for (const day of days) {
    const n = dayNumber(day.date);
    if (n < from || n > to) {
      throw scheduleError({ rule: 'line' in day.source ? 'scheduleYear' : 'icsEventYear', params: { ...sourceParams(day), date: day.date, year: forYear } });
    }
    const seen = byDate.get(day.date);
    if (seen && seen.kind !== day.kind) {
      throw scheduleError({ rule: 'line' in day.source ? 'scheduleConflict' : 'icsEventConflict', params: { ...sourceParams(day), date: day.date } });
    }
    if (!seen) byDate.set(day.date, day);
  }
  const sorted = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  return {
    year: forYear,
    days: sorted.map((d) => ({ date: d.date, kind: d.kind, ...(d.name ? { name: d.name.slice(0, maxNameLength) } : {}) })),
    ignored,
  };
}

/**
 * The overrides after saving a schedule for `year`: every earlier override of that year goes (the schedule is the
 * whole year's), as does any other one on a day the schedule names; the rest stay. Also what went, for the preview.
 */
export function applySchedule(existing: readonly CalendarOverride[], schedule: ParsedSchedule): { overrides: CalendarOverride[]; replaced: CalendarOverride[] } {
  const named = new Set(schedule.days.map((d) => d.date));
  const goes = (o: CalendarOverride) => Number(o.date.slice(0, 4)) === schedule.year || named.has(o.date);
  return {
    overrides: [...existing.filter((o) => !goes(o)), ...schedule.days].sort((a, b) => a.date.localeCompare(b.date)),
    replaced: existing.filter(goes),
  };
}
