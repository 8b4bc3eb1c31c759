/**
 * Checks a response's answers against its questionnaire, as the server does before it stores a response: only the
 * questions the respondent saw count (visibility.ts, the same rule the page applies as the person types), a
 * required question must be answered only when it is shown, an answer to a hidden question is dropped (the person
 * changed an earlier answer and the page hid it), and an answer to a question the questionnaire does not have is
 * refused. Returns the answers as stored: text trimmed, empty answers left out.
 *
 * Each broken rule is reported on `answers.<questionId>` so the page can show it beside its question.
 */
import { ValidationError, type FieldProblem, type FieldProblems } from '../errors';
import { questionnaireLimits, type Answer, type Answers, type Question, type Questionnaire } from './questionnaire';
import { visibleQuestionIds } from './visibility';

/** How long a text answer may be when the organizer set no limit. */
export const defaultTextMax = { shortText: 200, longText: 2000 } as const;

/** What one answer checks to: a stored value, nothing (not answered), or the rule it breaks. */
type Checked = { value: Answer } | { value?: undefined; problem?: FieldProblem };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shape: FieldProblem = { rule: 'answerShape' };
const unanswered: Checked = {};

function checkSingle(q: Extract<Question, { type: 'single' }>, raw: unknown): Checked {
  if (typeof raw !== 'string') return { problem: shape };
  if (raw === '') return unanswered;
  return q.options.some((o) => o.id === raw) ? { value: raw } : { problem: { rule: 'optionUnknown' } };
}

function checkMultiple(q: Extract<Question, { type: 'multiple' }>, raw: unknown): Checked {
  if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string')) return { problem: shape };
  const chosen = raw as string[];
  if (new Set(chosen).size !== chosen.length) return { problem: { rule: 'duplicateChoice' } };
  if (!chosen.every((id) => q.options.some((o) => o.id === id))) return { problem: { rule: 'optionUnknown' } };
  if (chosen.length === 0) return unanswered;
  // An optional one may be left empty (above); once answered, as a required one, it needs max(1, min).
  const min = Math.max(1, q.min ?? 0);
  const max = q.max ?? q.options.length;
  if (chosen.length < min || chosen.length > max) return { problem: { rule: 'choiceCount', params: { min, max } } };
  return { value: chosen };
}

function checkText(q: Extract<Question, { type: 'shortText' | 'longText' }>, raw: unknown): Checked {
  if (typeof raw !== 'string') return { problem: shape };
  const text = raw.trim();
  if (!text) return unanswered;
  const max = q.maxLength ?? defaultTextMax[q.type];
  return text.length > max ? { problem: { rule: 'tooLong', params: { max } } } : { value: text };
}

function checkRating(q: Extract<Question, { type: 'rating' }>, raw: unknown): Checked {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return { problem: shape };
  if (!Number.isInteger(raw)) return { problem: { rule: 'integer' } };
  return raw < q.min || raw > q.max ? { problem: { rule: 'range', params: { min: q.min, max: q.max } } } : { value: raw };
}

function checkNumber(q: Extract<Question, { type: 'number' }>, raw: unknown): Checked {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return { problem: shape };
  if (q.integer && !Number.isInteger(raw)) return { problem: { rule: 'integer' } };
  if ((q.min !== undefined && raw < q.min) || (q.max !== undefined && raw > q.max)) {
    return { problem: { rule: 'range', params: { min: q.min ?? '-∞', max: q.max ?? '∞' } } };
  }
  return { value: raw };
}

function checkMatrix(q: Extract<Question, { type: 'matrix' }>, raw: unknown): Checked {
  if (!isRecord(raw) || Object.values(raw).some((v) => typeof v !== 'string')) return { problem: shape };
  const cells = raw as Record<string, string>;
  for (const [row, column] of Object.entries(cells)) {
    if (!q.rows.some((r) => r.id === row) || !q.columns.some((c) => c.id === column)) return { problem: { rule: 'optionUnknown' } };
  }
  const answered = Object.keys(cells).length;
  if (answered === 0) return unanswered;
  if (q.required && answered < q.rows.length) return { problem: { rule: 'matrixIncomplete' } };
  // Stored in the questionnaire's row order, whatever order the page sent.
  return { value: Object.fromEntries(q.rows.filter((r) => r.id in cells).map((r) => [r.id, cells[r.id]!])) };
}

function checkAnswer(q: Question, raw: unknown): Checked {
  // null is how a page says "cleared": the same as leaving it out.
  if (raw === undefined || raw === null) return unanswered;
  switch (q.type) {
    case 'single':
      return checkSingle(q, raw);
    case 'multiple':
      return checkMultiple(q, raw);
    case 'shortText':
    case 'longText':
      return checkText(q, raw);
    case 'rating':
      return checkRating(q, raw);
    case 'number':
      return checkNumber(q, raw);
    case 'matrix':
      return checkMatrix(q, raw);
  }
}

/** The answers to store, or a ValidationError naming each broken answer (`answers.<questionId>`). */
export function checkAnswers(questionnaire: Questionnaire, input: unknown): Answers {
  if (!isRecord(input)) throw new ValidationError({ answers: shape });
  const problems: FieldProblems = {};
  const known = new Set(questionnaire.questions.map((q) => q.id));
  const unknownIds = Object.keys(input).filter((id) => !known.has(id));
  // A bounded report: a page sending hundreds of made-up ids gets the first few named.
  for (const id of unknownIds.slice(0, questionnaireLimits.questions)) problems[`answers.${id}`] = { rule: 'unknownQuestion' };

  // Conditions point backwards, so going in order, a question's visibility depends only on answers already checked:
  // an earlier broken answer hides what depends on it (and is itself reported).
  const answers: Answers = {};
  for (const question of questionnaire.questions) {
    if (!visibleQuestionIds(questionnaire, answers).has(question.id)) continue;
    const checked = checkAnswer(question, input[question.id]);
    if (checked.value !== undefined) answers[question.id] = checked.value;
    else if ('problem' in checked && checked.problem) problems[`answers.${question.id}`] = checked.problem;
    else if (question.required) problems[`answers.${question.id}`] = { rule: 'required' };
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return answers;
}
