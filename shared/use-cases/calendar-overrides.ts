/**
 * The admin's calendar overrides: the day-by-day list (GET/PUT /api/staff/calendar-overrides), and a published
 * holiday schedule pasted as a list or an .ics file — previewed without writing anything, then imported for its
 * year, which from then on counts as covered. And the years admins are warned about on every staff page.
 * Primary course of an import:
 *  1. validate the body and parse the schedule (a 400 names the line or event and the rule);
 *  2. replace the year's overrides with the schedule's days and mark the year covered, in one write;
 *  3. save it with its audit record in one transaction, forget this container's cached calendar, and answer with
 *     the new list and coverage.
 */
import * as z from 'zod';
import { createWorkingCalendar, officialYears, type CalendarOverride } from '../domain/deadlines';
import { coveredBy, uncoveredYearsAhead } from '../domain/deadlines/coverage';
import { applySchedule, type ParsedSchedule } from '../domain/deadlines/schedule';
import { parseScheduleIcs } from '../domain/deadlines/schedule-ics';
import { parseScheduleList } from '../domain/deadlines/schedule-list';
import { ValidationError } from '../domain/errors';
import { auditRecord } from '../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../domain/staff/principal';
import { parseOrThrow } from '../domain/validation';

import type { Clock, SupervisionStore } from '../ports';
import { forgetOrgCalendar } from './org-calendar';

/** GET/PUT /api/staff/calendar-overrides (admin) — PUT body {overrides} replaces the list. */
export interface CalendarOverridesResponse {
  overrides: { date: string; kind: 'holiday' | 'workday'; name?: string }[];
  /** Years the official calendar package covers; later years need overrides. */
  officialYears: number[];
  /** Years whose whole published schedule an admin imported: covered like the official ones. */
  coveredYears: number[];
  /** Uncovered years admins are warned about now: the current one, and the next from 60 days before it. */
  uncoveredYears: number[];
}

export interface CalendarSchedulePreview {
  year: number;
  /** What will be saved for the year, in date order. */
  days: CalendarOverridesResponse['overrides'];
  /** Stored overrides the import will remove (that year's, and any on the schedule's days). */
  replaced: CalendarOverridesResponse['overrides'];
  /** Feed events that are neither days off nor workdays (solar terms, observances), by summary. */
  ignored: string[];
}

interface Deps {
  supervision: SupervisionStore;
  clock: Clock;
}

const sortedOfficialYears = [...officialYears].sort((a, b) => a - b);

/** The uncovered years to warn about now, for an organisation's stored schedule. */
function warnedYears(coveredYears: readonly number[], now: Date): number[] {
  return uncoveredYearsAhead(now, coveredBy(coveredYears));
}

function response(overrides: CalendarOverride[], coveredYears: number[], now: Date): CalendarOverridesResponse {
  return { overrides, officialYears: sortedOfficialYears, coveredYears, uncoveredYears: warnedYears(coveredYears, now) };
}

/** For GET /api/staff/me: the years an admin must still import a schedule for, when there are any. */
export async function calendarWarning(deps: { supervision: Pick<SupervisionStore, 'calendarSchedule'>; clock: Clock }, orgId: string): Promise<{ uncoveredYears: number[] } | undefined> {
  const { coveredYears } = await deps.supervision.calendarSchedule(orgId);
  const years = warnedYears(coveredYears, deps.clock.now());
  return years.length ? { uncoveredYears: years } : undefined;
}

export async function getCalendarOverrides(deps: Deps, p: StaffPrincipal): Promise<CalendarOverridesResponse> {
  requireRole(p, ['admin', 'dispatcher', 'supervisor']);
  const { overrides, coveredYears } = await deps.supervision.calendarSchedule(p.orgId);
  return response(overrides, coveredYears, deps.clock.now());
}

const overridesSchema = z.strictObject({
  overrides: z
    .array(
      z.strictObject({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }),
        kind: z.enum(['holiday', 'workday']),
        name: z.string().trim().max(50).optional(),
      }),
    )
    .max(400),
});

function checkedOrThrow(overrides: readonly CalendarOverride[]): void {
  try {
    createWorkingCalendar(overrides); // refuses impossible dates and repeats
  } catch {
    throw new ValidationError({ overrides: { rule: 'overrideDate' } });
  }
}

/** Replaces the list. A year imported earlier stays covered while it still has days; emptied, it is not. */
export async function saveCalendarOverrides(deps: Deps, p: StaffPrincipal, body: unknown): Promise<CalendarOverridesResponse> {
  requireRole(p, ['admin']);
  const { overrides } = parseOrThrow(overridesSchema, body);
  checkedOrThrow(overrides);
  const sorted = [...overrides].sort((a, b) => a.date.localeCompare(b.date));
  const years = new Set(sorted.map((o) => Number(o.date.slice(0, 4))));
  const coveredYears = (await deps.supervision.calendarSchedule(p.orgId)).coveredYears.filter((y) => years.has(y));
  await deps.supervision.saveCalendarOverrides(p.orgId, sorted, coveredYears, auditRecord(p, deps.clock.now().toISOString(), 'saveCalendarOverrides', undefined, `${sorted.length} days`));
  forgetOrgCalendar(p.orgId);
  return response(sorted, coveredYears, deps.clock.now());
}

export const scheduleSchema = z.strictObject({
  format: z.enum(['list', 'ics']),
  schedule: z.string().min(1).max(60_000),
  /** The year the schedule is for; by default the year most of its days fall in. */
  year: z.number().int().min(2000).max(2100).optional(),
});

function parseSchedule(body: unknown): ParsedSchedule {
  const input = parseOrThrow(scheduleSchema, body);
  return input.format === 'ics' ? parseScheduleIcs(input.schedule, input.year) : parseScheduleList(input.schedule, input.year);
}

/** What importing this schedule would save, and which of the stored overrides it would replace; writes nothing. */
export async function previewCalendarSchedule(deps: Deps, p: StaffPrincipal, body: unknown): Promise<CalendarSchedulePreview> {
  requireRole(p, ['admin']);
  const schedule = parseSchedule(body);
  const { overrides } = await deps.supervision.calendarSchedule(p.orgId);
  return { year: schedule.year, days: schedule.days, ignored: schedule.ignored, replaced: applySchedule(overrides, schedule).replaced };
}

export async function importCalendarSchedule(deps: Deps, p: StaffPrincipal, body: unknown): Promise<CalendarOverridesResponse> {
  requireRole(p, ['admin']);
  const schedule = parseSchedule(body);
  const stored = await deps.supervision.calendarSchedule(p.orgId);
  const { overrides } = applySchedule(stored.overrides, schedule);
  checkedOrThrow(overrides);
  const coveredYears = [...new Set([...stored.coveredYears, schedule.year])].sort((a, b) => a - b);
  await deps.supervision.saveCalendarOverrides(
    p.orgId,
    overrides,
    coveredYears,
    auditRecord(p, deps.clock.now().toISOString(), 'importCalendarSchedule', String(schedule.year), `${schedule.days.length} days`),
  );
  forgetOrgCalendar(p.orgId);
  return response(overrides, coveredYears, deps.clock.now());
}
