/**
 * Turns schema failures into field problems ({field: {rule, params}}) that the API and the web form both show
 * in the person's language. Schemas are zod; the rule names are ours so messages stay stable across zod versions.
 */
import type { z } from 'zod';
import { ValidationError, type FieldProblem, type FieldProblems } from './errors';

function problemFor(issue: z.core.$ZodIssue): FieldProblem {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? { rule: 'required' }
        : { rule: 'type', params: { expected: issue.expected } };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { rule: 'required' };
      return issue.origin === 'string'
        ? { rule: 'tooShort', params: { min: Number(issue.minimum) } }
        : { rule: 'range', params: { min: Number(issue.minimum), max: '∞' } };
    case 'too_big':
      return issue.origin === 'string'
        ? { rule: 'tooLong', params: { max: Number(issue.maximum) } }
        : { rule: 'range', params: { min: '-∞', max: Number(issue.maximum) } };
    case 'invalid_value':
      if (issue.input === undefined || issue.input === null) return { rule: 'required' };
      return { rule: 'oneOf', params: { options: issue.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { rule: 'unknownField' };
    default:
      // Our own rules (phone, email, consentRequired, ...) travel in the issue message.
      return { rule: issue.message };
  }
}

export function toFieldProblems(issues: readonly z.core.$ZodIssue[]): FieldProblems {
  const fields: FieldProblems = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const prefix = issue.path.join('.');
      for (const key of issue.keys) fields[prefix ? `${prefix}.${key}` : key] ??= { rule: 'unknownField' };
      continue;
    }
    const field = issue.path.length ? issue.path.join('.') : 'body';
    fields[field] ??= problemFor(issue);
  }
  return fields;
}

/** Parses input against a schema or throws a ValidationError naming every broken field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new ValidationError(toFieldProblems(result.error.issues));
  return result.data;
}
