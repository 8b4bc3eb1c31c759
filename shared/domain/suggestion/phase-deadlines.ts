/**
 * The deadline of each phase of a suggestion under the default time limits and the official calendar.
 * (Per-organisation / per-campaign limits and admin calendar overrides plug in here when they are stored.)
 */
import { createWorkingCalendar, defaultTimeLimits, dueAt, type TimeLimits, type WorkingCalendar } from '../deadlines';
import type { Tier } from './suggestion';

const officialCalendar = createWorkingCalendar();

export function screeningDueAt(submittedAt: Date, limits: TimeLimits = defaultTimeLimits, calendar: WorkingCalendar = officialCalendar): Date {
  return dueAt(submittedAt, limits.screening, calendar);
}

export function signDueAt(assignedAt: Date, limits: TimeLimits = defaultTimeLimits, calendar: WorkingCalendar = officialCalendar): Date {
  return dueAt(assignedAt, limits.sign, calendar);
}

export function handlingDueAt(signedAt: Date, tier: Tier, limits: TimeLimits = defaultTimeLimits, calendar: WorkingCalendar = officialCalendar): Date {
  return dueAt(signedAt, limits.tiers[tier], calendar);
}
