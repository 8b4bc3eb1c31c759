/**
 * A respondent's answers as the public page holds them while they are typed, and the response they make: only
 * the questions shown (the shared visibleQuestionIds, which the server applies too), each in its type's shape —
 * a choice id, a list of them, text, a number, a row -> column map — and the problems a check of the page can
 * find before sending (keyed `answers.<questionId>`, as the server's field errors are).
 */
import '../zod-without-eval';
import type { Answer, Answers, Question, Questionnaire } from '../../../shared/domain/questionnaire/questionnaire';
import { questionnaireLimits } from '../../../shared/domain/questionnaire/questionnaire';
import { visibleQuestionIds } from '../../../shared/domain/questionnaire/visibility';

/** What a control holds: a choice or typed text, chosen options, or a matrix row's column. */
export type AnswerDraft = string | string[] | Record<string, string>;
export type AnswerDrafts = Record<string, AnswerDraft>;

export interface AnswerProblem {
  rule: 'required' | 'range' | 'tooLong' | 'number' | 'integer' | 'chooseAtLeast' | 'chooseAtMost' | 'everyRow';
  params?: Record<string, string | number>;
}

const isBlank = (value: AnswerDraft | undefined): boolean =>
  value === undefined || (typeof value === 'string' ? value.trim() === '' : Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);

/** One question's answer in its type's shape, or undefined when nothing was given (or it cannot be read). */
function answerOf(question: Question, value: AnswerDraft | undefined): Answer | undefined {
  if (isBlank(value)) return undefined;
  switch (question.type) {
    case 'single':
      return typeof value === 'string' ? value : undefined;
    case 'multiple':
      // In the questionnaire's order, whatever order they were ticked in.
      return Array.isArray(value) ? question.options.map((o) => o.id).filter((id) => value.includes(id)) : undefined;
    case 'shortText':
    case 'longText':
      return typeof value === 'string' ? value.trim() : undefined;
    case 'rating':
    case 'number': {
      if (typeof value !== 'string') return undefined;
      const n = Number(value.trim().replace(/,/g, ''));
      return Number.isFinite(n) ? n : undefined;
    }
    case 'matrix':
      return value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : undefined;
  }
}

/** The answers so far as visibility reads them (a rating's step is a number, as the server stores it). */
export function currentAnswers(questionnaire: Questionnaire, drafts: AnswerDrafts): Answers {
  const answers: Answers = {};
  for (const question of questionnaire.questions) {
    const answer = answerOf(question, drafts[question.id]);
    if (answer !== undefined) answers[question.id] = answer;
  }
  return answers;
}

/** The questions shown now, given what has been answered. */
export function shownQuestions(questionnaire: Questionnaire, drafts: AnswerDrafts): Question[] {
  const visible = visibleQuestionIds(questionnaire, currentAnswers(questionnaire, drafts));
  return questionnaire.questions.filter((q) => visible.has(q.id));
}

function problemOf(question: Question, value: AnswerDraft | undefined, answer: Answer | undefined): AnswerProblem | undefined {
  if (answer === undefined) {
    if (!isBlank(value) && (question.type === 'number' || question.type === 'rating')) return { rule: 'number' };
    return question.required ? { rule: 'required' } : undefined;
  }
  switch (question.type) {
    case 'multiple': {
      const chosen = (answer as string[]).length;
      const min = Math.max(question.required ? 1 : 0, question.min ?? 0);
      if (chosen < min) return { rule: 'chooseAtLeast', params: { min } };
      if (question.max !== undefined && chosen > question.max) return { rule: 'chooseAtMost', params: { max: question.max } };
      return undefined;
    }
    case 'shortText':
    case 'longText': {
      const max = question.maxLength ?? (question.type === 'shortText' ? questionnaireLimits.shortTextMax : questionnaireLimits.longTextMax);
      return (answer as string).length > max ? { rule: 'tooLong', params: { max } } : undefined;
    }
    case 'rating': {
      const n = answer as number;
      return Number.isInteger(n) && n >= question.min && n <= question.max ? undefined : { rule: 'range', params: { min: question.min, max: question.max } };
    }
    case 'number': {
      const n = answer as number;
      if (question.integer && !Number.isInteger(n)) return { rule: 'integer' };
      if ((question.min !== undefined && n < question.min) || (question.max !== undefined && n > question.max))
        return { rule: 'range', params: { min: question.min ?? '-∞', max: question.max ?? '∞' } };
      return undefined;
    }
    case 'matrix': {
      const rows = answer as Record<string, string>;
      if (question.required && !question.rows.every((row) => rows[row.id])) return { rule: 'everyRow' };
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The response's answers — the shown questions' only, so an answer left behind by a question that is hidden
 * again is not sent — and what stops it being sent, keyed `answers.<questionId>`.
 */
export function assembleAnswers(questionnaire: Questionnaire, drafts: AnswerDrafts): { answers: Answers; problems: Record<string, AnswerProblem> } {
  const answers: Answers = {};
  const problems: Record<string, AnswerProblem> = {};
  for (const question of shownQuestions(questionnaire, drafts)) {
    const value = drafts[question.id];
    const answer = answerOf(question, value);
    const problem = problemOf(question, value, answer);
    if (problem) problems[`answers.${question.id}`] = problem;
    if (answer !== undefined) answers[question.id] = answer;
  }
  return { answers, problems };
}

/** Ticks or unticks one option of a multiple choice. */
export function toggleChoice(value: AnswerDraft | undefined, optionId: string, on: boolean): string[] {
  const chosen = Array.isArray(value) ? value : [];
  return on ? (chosen.includes(optionId) ? chosen : [...chosen, optionId]) : chosen.filter((id) => id !== optionId);
}
