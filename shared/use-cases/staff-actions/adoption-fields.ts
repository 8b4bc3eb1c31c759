/**
 * What the adoption actions share (adoption records, issue 10 point 4): who may take them, the body's fields, and
 * the checks that need the directory or the clock — the adopting department must be in the directory, a date an
 * office day neither in the future nor before what it follows.
 */
import * as z from 'zod';
import { ValidationError, type FieldProblems } from '../../domain/errors';
import { officeDay } from '../../domain/office-day';
import type { StaffRole } from '../../domain/staff/staff';
import { dayProblem, isCalendarDay, isHttpsUrl, type AdoptionTerms } from '../../domain/suggestion/adoption';
import type { Suggestion } from '../../domain/suggestion/suggestion';
import type { Directory } from '../../ports';
import { departmentId, text } from './fields';

/**
 * The office records adoptions (dispatcher, admin — as they screen and close), the supervisor too (they judge the
 * adoption rate and follow what departments make of ideas), and the lead department's handler for its own
 * suggestions, as it replies (the reply could already say "adopted"). A co-handling department may not.
 */
export const adoptionRoles: readonly StaffRole[] = ['admin', 'dispatcher', 'supervisor', 'handler'];
/** The public case library is the office's showcase: handlers propose through the office, never mark. */
export const caseLibraryRoles: readonly StaffRole[] = ['admin', 'dispatcher', 'supervisor'];

export const officeDayField = z.string().refine(isCalendarDay, { message: 'date' });
export const evidenceUrl = z.string().trim().max(2000).refine(isHttpsUrl, { message: 'httpsUrl' }).optional();

export const adoptionTermsFields = {
  outcome: text(2000),
  adoptedOn: officeDayField,
  departmentId,
  evidenceUrl,
};

/** The terms as recorded: the department's names from the directory (400 when it has no such department). */
export async function adoptionTerms(
  directory: Directory,
  s: Suggestion,
  input: { outcome: string; adoptedOn: string; departmentId: string; evidenceUrl?: string | undefined },
  now: Date,
): Promise<AdoptionTerms> {
  const problems: FieldProblems = {};
  const department = (await directory.departments(s.orgId)).find((d) => d.id === input.departmentId);
  if (!department) problems.departmentId = { rule: 'unknownDepartment' };
  const day = dayProblem(input.adoptedOn, now, officeDay(s.submittedAt));
  if (day) problems.adoptedOn = day;
  if (Object.keys(problems).length || !department) throw new ValidationError(problems);
  return {
    outcome: input.outcome,
    adoptedOn: input.adoptedOn,
    departmentId: department.id,
    departmentName: department.name,
    departmentNameEn: department.en || department.id,
    ...(input.evidenceUrl ? { evidenceUrl: input.evidenceUrl } : {}),
  };
}
