/**
 * The submit form's checks: the API's own zod schema (shared/domain/intake/submission.ts), so the form can
 * never accept what the server refuses. Loaded as its own chunk: zod is most of the app's weight, and only
 * this form needs it, so the form paints first and the check arrives while the citizen types.
 */
import './zod-without-eval';
import type { FieldProblem } from '../../shared/domain/errors';
import { limits, submissionSchema, type Submission } from '../../shared/domain/intake/submission';
import { toFieldProblems } from '../../shared/domain/validation';

export { limits };

export type CheckResult = { ok: true; submission: Submission } | { ok: false; problems: Record<string, FieldProblem> };

export function check(input: Record<string, unknown>): CheckResult {
  const result = submissionSchema.safeParse(input);
  if (result.success) return { ok: true, submission: result.data };
  const problems = toFieldProblems(result.error.issues);
  // An unchosen category fails the enum ("one of: traffic, …"); to the citizen it is simply missing.
  if (problems.category && input.category === undefined) problems.category = { rule: 'required' };
  return { ok: false, problems };
}
