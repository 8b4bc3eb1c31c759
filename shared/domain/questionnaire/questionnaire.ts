/**
 * A campaign's questionnaire (问卷): its questions, their types and display conditions, as the organizer defines
 * them. The same schema validates the organizer's editor (web) and the API. A response (答卷) answers it; a
 * response is not a suggestion (no workflow, no tracking code).
 */
import * as z from 'zod';

export const questionTypes = ['single', 'multiple', 'shortText', 'longText', 'rating', 'number', 'matrix'] as const;
export type QuestionType = (typeof questionTypes)[number];

export const questionnaireLimits = {
  questions: 50,
  options: 30,
  matrixRows: 20,
  labelMax: 200,
  helpMax: 500,
  introMax: 2000,
  shortTextMax: 200,
  longTextMax: 5000,
} as const;

/** Ids of questions, options, matrix rows and columns: short, stable, used as export columns and counter names. */
export const questionIdPattern = /^[a-z0-9_-]{1,32}$/;
const id = z.string().regex(questionIdPattern, { message: 'questionIdFormat' });

/** Text in both languages: zh-CN is required, English is shown to people who chose English (falls back to zh-CN). */
export const localTextSchema = (max: number) =>
  z.strictObject({
    'zh-CN': z.string().trim().min(1).max(max),
    en: z.string().trim().max(max).optional(),
  });
export type LocalText = { 'zh-CN': string; en?: string };

export const optionSchema = z.strictObject({ id, label: localTextSchema(questionnaireLimits.labelMax) });
export type QuestionOption = z.output<typeof optionSchema>;

/**
 * Show this question only when an earlier single choice, multiple choice or rating question was answered with
 * one of these (option ids, or rating values as strings). A hidden question is never required and its answer is
 * not kept.
 */
export const conditionSchema = z.strictObject({
  questionId: id,
  anyOf: z.array(z.string().min(1).max(32)).min(1).max(questionnaireLimits.options),
});
export type DisplayCondition = z.output<typeof conditionSchema>;

const base = {
  id,
  label: localTextSchema(questionnaireLimits.labelMax),
  help: localTextSchema(questionnaireLimits.helpMax).optional(),
  required: z.boolean(),
  showIf: conditionSchema.optional(),
};

const options = z.array(optionSchema).min(2).max(questionnaireLimits.options);

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('single'), options }),
  z.strictObject({
    ...base,
    type: z.literal('multiple'),
    options,
    /** How many may be chosen (inclusive); a required question needs at least max(1, min). */
    min: z.number().int().min(0).max(questionnaireLimits.options).optional(),
    max: z.number().int().min(1).max(questionnaireLimits.options).optional(),
  }),
  z.strictObject({ ...base, type: z.literal('shortText'), maxLength: z.number().int().min(1).max(questionnaireLimits.shortTextMax).optional() }),
  z.strictObject({ ...base, type: z.literal('longText'), maxLength: z.number().int().min(1).max(questionnaireLimits.longTextMax).optional() }),
  z.strictObject({
    ...base,
    type: z.literal('rating'),
    /** The scale: min..max whole steps (1-5 stars, 0-10 likelihood). */
    min: z.number().int().min(0).max(1),
    max: z.number().int().min(2).max(10),
    minLabel: localTextSchema(questionnaireLimits.labelMax).optional(),
    maxLabel: localTextSchema(questionnaireLimits.labelMax).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('number'),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    integer: z.boolean(),
    unit: localTextSchema(20).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('matrix'),
    /** One choice of column per row (e.g. rows = services, columns = 满意 / 一般 / 不满意). */
    rows: z.array(optionSchema).min(1).max(questionnaireLimits.matrixRows),
    columns: options,
  }),
]);
export type Question = z.output<typeof questionSchema>;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

export const questionnaireSchema = z
  .strictObject({
    intro: localTextSchema(questionnaireLimits.introMax).optional(),
    questions: z.array(questionSchema).min(1).max(questionnaireLimits.questions),
  })
  .superRefine((q, ctx) => {
    const ids = q.questions.map((question) => question.id);
    q.questions.forEach((question, index) => {
      const path = ['questions', index];
      if (duplicates(ids).includes(question.id) && ids.indexOf(question.id) !== index) ctx.addIssue({ code: 'custom', message: 'duplicateId', path: [...path, 'id'] });
      if ('options' in question && duplicates(question.options.map((o) => o.id)).length) ctx.addIssue({ code: 'custom', message: 'duplicateId', path: [...path, 'options'] });
      if (question.type === 'matrix') {
        if (duplicates(question.rows.map((o) => o.id)).length) ctx.addIssue({ code: 'custom', message: 'duplicateId', path: [...path, 'rows'] });
      }
      if (question.type === 'multiple' && question.min !== undefined && question.max !== undefined && question.min > question.max)
        ctx.addIssue({ code: 'custom', message: 'minAboveMax', path: [...path, 'min'] });
      if (question.type === 'multiple' && question.max !== undefined && question.max > question.options.length)
        ctx.addIssue({ code: 'custom', message: 'maxAboveOptions', path: [...path, 'max'] });
      if (question.type === 'number' && question.min !== undefined && question.max !== undefined && question.min > question.max)
        ctx.addIssue({ code: 'custom', message: 'minAboveMax', path: [...path, 'min'] });
      if (question.showIf) {
        const target = q.questions.findIndex((other) => other.id === question.showIf!.questionId);
        const referenced = q.questions[target];
        // Conditions point backwards only, so a page can be answered top to bottom and no cycle can form.
        if (target < 0 || target >= index || !referenced || !conditionable(referenced)) {
          ctx.addIssue({ code: 'custom', message: 'conditionTarget', path: [...path, 'showIf', 'questionId'] });
        } else if (!question.showIf.anyOf.every((value) => conditionValues(referenced).includes(value))) {
          ctx.addIssue({ code: 'custom', message: 'conditionValue', path: [...path, 'showIf', 'anyOf'] });
        }
      }
    });
  });
export type Questionnaire = z.output<typeof questionnaireSchema>;

/** The question types a display condition may test. */
export function conditionable(q: Question): boolean {
  return q.type === 'single' || q.type === 'multiple' || q.type === 'rating';
}

/** The values a condition on this question may name: its option ids, or its scale's steps. */
export function conditionValues(q: Question): string[] {
  if (q.type === 'single' || q.type === 'multiple') return q.options.map((o) => o.id);
  if (q.type === 'rating') return Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min + i));
  return [];
}

/** What a response may hold for one question. */
export type Answer = string | string[] | number | Record<string, string>;
export type Answers = Record<string, Answer>;

/** The text in the person's language, falling back to zh-CN. */
export function localText(text: LocalText | undefined, locale: string): string {
  if (!text) return '';
  return (locale === 'en' && text.en) || text['zh-CN'];
}
