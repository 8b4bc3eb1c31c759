/**
 * Where a suggestion counts: in which groups (the organisation, its lead department, each co-handling department
 * apart, its campaign, category and channel) and on which office days (the day it was submitted, for the
 * submission side; the day it was first assigned, for the cohort). Rates are kept per group and day, under keys
 * that follow from the data alone, and a week, month or year is the sum of its days: recomputing a day from its
 * suggestions always gives the same tally, however often or late a run does it.
 */
import { dayNumber, dayString, officeDayOf, type DayString } from '../deadlines/office-time';
import type { RateFacts } from './facts';
import { addTallies, emptyTally, tallyOf, type Tally } from './tally';

export type RateGroup = 'org' | `department:${string}` | `cohandler:${string}` | `campaign:${string}` | `category:${string}` | `channel:${string}`;

export function groupsOf(f: RateFacts): RateGroup[] {
  return [
    'org',
    ...(f.leadDepartmentId ? [`department:${f.leadDepartmentId}` as const] : []),
    ...f.cohandlerDepartmentIds.filter((d) => d !== f.leadDepartmentId).map((d) => `cohandler:${d}` as const),
    ...(f.campaignId ? [`campaign:${f.campaignId}` as const] : []),
    `category:${f.category}` as const,
    `channel:${f.channel}` as const,
  ];
}

/** The office days a suggestion counts on: its submission day, and its first assignment's day when it has one. */
export function daysOf(f: RateFacts): DayString[] {
  const submitted = officeDayOf(new Date(f.submittedAt));
  const assigned = f.assignedAt ? officeDayOf(new Date(f.assignedAt)) : undefined;
  return assigned && assigned !== submitted ? [submitted, assigned] : [submitted];
}

export interface Bucket {
  group: RateGroup;
  day: DayString;
}

export const bucketKey = (b: Bucket): string => `${b.group}|${b.day}`;

/** Every (group, day) a suggestion's facts count in: what a change to it makes stale. */
export function bucketsOf(f: RateFacts): Bucket[] {
  return groupsOf(f).flatMap((group) => daysOf(f).map((day) => ({ group, day })));
}

/** One bucket's tally from the suggestions in it. */
export function bucketTally(members: readonly RateFacts[], { group, day }: Bucket): Tally {
  return members.reduce((sum, f) => {
    if (!groupsOf(f).includes(group)) return sum;
    const submittedIn = officeDayOf(new Date(f.submittedAt)) === day;
    const assignedIn = !!f.assignedAt && officeDayOf(new Date(f.assignedAt)) === day;
    return submittedIn || assignedIn ? addTallies(sum, tallyOf(f, { submittedIn, assignedIn })) : sum;
  }, emptyTally());
}

export type PeriodKind = 'day' | 'week' | 'month' | 'year';

/** The ISO week (Monday first, the week with the year's first Thursday is week 1) of an office day: 2026-W49. */
export function isoWeekOf(day: DayString): string {
  const n = dayNumber(day);
  const weekday = (((n + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const thursday = n - weekday + 3;
  const year = Number(dayString(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The periods an office day rolls up into. */
export function periodsOf(day: DayString): Record<PeriodKind, string> {
  return { day, week: isoWeekOf(day), month: day.slice(0, 7), year: day.slice(0, 4) };
}

/** A period's tally: the sum of its days' (missing days count nothing, so a missed run leaves no peak). */
export function rollUp(days: ReadonlyMap<DayString, Tally>, kind: PeriodKind, period: string): Tally {
  let sum = emptyTally();
  for (const [day, tally] of days) if (periodsOf(day)[kind] === period) sum = addTallies(sum, tally);
  return sum;
}
