/**
 * The organizer's questionnaire builder, as plain state and operations on it (no DOM): the editor keeps a draft
 * whose numbers are the text typed in, every operation returns a new draft, and `questionnaireInput` turns the
 * draft into what the shared questionnaireSchema checks and the API takes. Operations keep display conditions
 * honest: a condition points only at an earlier single choice, multiple choice or rating question and names
 * only its answers, so removing, moving or retyping a question drops what would no longer hold.
 */
import type { DisplayCondition, LocalText, Question, QuestionType, Questionnaire } from '../../../shared/domain/questionnaire/questionnaire';

export interface TextDraft {
  zh: string;
  en: string;
}

export interface OptionDraft {
  /** The option's id (o1, o2 …): stable, chosen for the organizer, used in counters and exports. */
  id: string;
  label: TextDraft;
}

export type OptionList = 'options' | 'rows';

export interface QuestionDraft {
  /** Its place in the page's list (Preact key), never sent: the id can be edited. */
  key: string;
  id: string;
  type: QuestionType;
  label: TextDraft;
  help: TextDraft;
  required: boolean;
  /** single and multiple: the choices; matrix: the columns. */
  options: OptionDraft[];
  /** matrix: the rows. */
  rows: OptionDraft[];
  /** multiple: how many may be chosen; rating: the scale; number: the range. As typed. */
  min: string;
  max: string;
  minLabel: TextDraft;
  maxLabel: TextDraft;
  integer: boolean;
  unit: TextDraft;
  /** shortText and longText: the longest answer, as typed ('' = the type's limit). */
  maxLength: string;
  showIf?: DisplayCondition;
}

export interface QuestionnaireDraft {
  intro: TextDraft;
  questions: QuestionDraft[];
}

const noText = (): TextDraft => ({ zh: '', en: '' });

export function emptyQuestionnaireDraft(): QuestionnaireDraft {
  return { intro: noText(), questions: [] };
}

let keys = 0;
function nextKey(): string {
  keys += 1;
  return `k${keys}`;
}

/** The first `${prefix}${n}` not taken. */
function freshId(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

function options(count: number, prefix = 'o', taken: OptionDraft[] = []): OptionDraft[] {
  const list = [...taken];
  for (let i = 0; i < count; i++) list.push({ id: freshId(prefix, list.map((o) => o.id)), label: noText() });
  return list.slice(taken.length);
}

/** What a question of this type starts with: two choices, a 1-5 scale, a 2 × 3 matrix. */
function typeDefaults(type: QuestionType): Pick<QuestionDraft, 'min' | 'max' | 'options' | 'rows'> {
  switch (type) {
    case 'single':
    case 'multiple':
      return { min: '', max: '', options: options(2), rows: [] };
    case 'rating':
      return { min: '1', max: '5', options: [], rows: [] };
    case 'matrix':
      return { min: '', max: '', options: options(3), rows: options(2, 'r') };
    default:
      return { min: '', max: '', options: [], rows: [] };
  }
}

export function newQuestion(type: QuestionType, takenIds: readonly string[]): QuestionDraft {
  return {
    key: nextKey(),
    id: freshId('q', takenIds),
    type,
    label: noText(),
    help: noText(),
    required: false,
    ...typeDefaults(type),
    minLabel: noText(),
    maxLabel: noText(),
    integer: type === 'number',
    unit: noText(),
    maxLength: '',
  };
}

export function addQuestion(draft: QuestionnaireDraft, type: QuestionType): QuestionnaireDraft {
  return { ...draft, questions: [...draft.questions, newQuestion(type, draft.questions.map((q) => q.id))] };
}

/** Whether a display condition may test this question. */
export function isConditionable(q: Pick<QuestionDraft, 'type'>): boolean {
  return q.type === 'single' || q.type === 'multiple' || q.type === 'rating';
}

/** The answers a condition on this question may name: its option ids, or its scale's steps. */
export function conditionChoices(q: QuestionDraft): { value: string; label: TextDraft }[] {
  if (q.type === 'single' || q.type === 'multiple') return q.options.map((o) => ({ value: o.id, label: o.label }));
  if (q.type === 'rating') {
    const min = Number(q.min);
    const max = Number(q.max);
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min || max - min > 20) return [];
    return Array.from({ length: max - min + 1 }, (_, i) => ({ value: String(min + i), label: { zh: String(min + i), en: '' } }));
  }
  return [];
}

/** The questions a condition on question `index` may point at: the earlier conditionable ones. */
export function conditionTargets(draft: QuestionnaireDraft, index: number): QuestionDraft[] {
  return draft.questions.slice(0, Math.max(0, index)).filter(isConditionable);
}

/**
 * Drops every condition that no longer holds: pointing at a question that is gone, later, or not conditionable,
 * and naming answers that question no longer has (a condition left naming none is dropped).
 */
export function pruneConditions(questions: QuestionDraft[]): QuestionDraft[] {
  return questions.map((q, index) => {
    if (!q.showIf) return q;
    const target = questions.findIndex((other) => other.id === q.showIf!.questionId);
    const referenced = questions[target];
    const { showIf: _dropped, ...rest } = q;
    if (target < 0 || target >= index || !referenced || !isConditionable(referenced)) return rest;
    const values = conditionChoices(referenced).map((c) => c.value);
    const anyOf = q.showIf.anyOf.filter((v) => values.includes(v));
    if (!anyOf.length) return rest;
    return anyOf.length === q.showIf.anyOf.length ? q : { ...q, showIf: { ...q.showIf, anyOf } };
  });
}

export function removeQuestion(draft: QuestionnaireDraft, index: number): QuestionnaireDraft {
  return { ...draft, questions: pruneConditions(draft.questions.filter((_, i) => i !== index)) };
}

/** Moves a question up (-1) or down (+1); a condition that would then point at a later question is dropped. */
export function moveQuestion(draft: QuestionnaireDraft, index: number, delta: -1 | 1): QuestionnaireDraft {
  const to = index + delta;
  if (to < 0 || to >= draft.questions.length || index < 0 || index >= draft.questions.length) return draft;
  const questions = [...draft.questions];
  [questions[index], questions[to]] = [questions[to]!, questions[index]!];
  return { ...draft, questions: pruneConditions(questions) };
}

/** Edits one question. A new id is carried into the conditions that name it. */
export function updateQuestion(draft: QuestionnaireDraft, index: number, patch: Partial<Omit<QuestionDraft, 'key' | 'type'>>): QuestionnaireDraft {
  const before = draft.questions[index];
  if (!before) return draft;
  const renamed = patch.id !== undefined && patch.id !== before.id ? { from: before.id, to: patch.id } : undefined;
  const questions = draft.questions.map((q, i) => {
    const next = i === index ? { ...q, ...patch } : q;
    if (renamed && next.showIf?.questionId === renamed.from) return { ...next, showIf: { ...next.showIf, questionId: renamed.to } };
    return next;
  });
  return { ...draft, questions: pruneConditions(questions) };
}

/** Changes a question's type: it gets the new type's starting choices or scale where it had none that fit. */
export function changeType(draft: QuestionnaireDraft, index: number, type: QuestionType): QuestionnaireDraft {
  const before = draft.questions[index];
  if (!before || before.type === type) return draft;
  const defaults = typeDefaults(type);
  const keepsOptions = (type === 'single' || type === 'multiple' || type === 'matrix') && before.options.length >= 2;
  const next: QuestionDraft = {
    ...before,
    type,
    min: defaults.min,
    max: defaults.max,
    options: keepsOptions ? before.options : defaults.options,
    rows: type === 'matrix' && before.rows.length ? before.rows : defaults.rows,
    integer: type === 'number' ? true : before.integer,
  };
  return { ...draft, questions: pruneConditions(draft.questions.map((q, i) => (i === index ? next : q))) };
}

function editList(draft: QuestionnaireDraft, index: number, list: OptionList, edit: (items: OptionDraft[]) => OptionDraft[]): QuestionnaireDraft {
  const q = draft.questions[index];
  if (!q) return draft;
  const questions = draft.questions.map((item, i) => (i === index ? { ...item, [list]: edit(item[list]) } : item));
  return { ...draft, questions: pruneConditions(questions) };
}

export function addOption(draft: QuestionnaireDraft, index: number, list: OptionList = 'options'): QuestionnaireDraft {
  return editList(draft, index, list, (items) => [...items, ...options(1, list === 'rows' ? 'r' : 'o', items)]);
}

/** Removes a choice (or a matrix row); conditions naming it stop naming it. */
export function removeOption(draft: QuestionnaireDraft, index: number, optionIndex: number, list: OptionList = 'options'): QuestionnaireDraft {
  return editList(draft, index, list, (items) => items.filter((_, i) => i !== optionIndex));
}

export function moveOption(draft: QuestionnaireDraft, index: number, optionIndex: number, delta: -1 | 1, list: OptionList = 'options'): QuestionnaireDraft {
  return editList(draft, index, list, (items) => {
    const to = optionIndex + delta;
    if (to < 0 || to >= items.length) return items;
    const next = [...items];
    [next[optionIndex], next[to]] = [next[to]!, next[optionIndex]!];
    return next;
  });
}

export function updateOption(draft: QuestionnaireDraft, index: number, optionIndex: number, label: TextDraft, list: OptionList = 'options'): QuestionnaireDraft {
  return editList(draft, index, list, (items) => items.map((o, i) => (i === optionIndex ? { ...o, label } : o)));
}

/** Sets (or, with no answers, clears) question `index`'s display condition. */
export function setCondition(draft: QuestionnaireDraft, index: number, condition: DisplayCondition | undefined): QuestionnaireDraft {
  const questions = draft.questions.map((q, i) => {
    if (i !== index) return q;
    const { showIf: _old, ...rest } = q;
    return condition ? { ...rest, showIf: condition } : rest;
  });
  return { ...draft, questions };
}

// ---- To and from what the API holds -------------------------------------------------------------------------

function text(value: TextDraft): LocalText {
  const en = value.en.trim();
  return { 'zh-CN': value.zh, ...(en ? { en: value.en } : {}) };
}

/** Optional text: left out when both languages are blank. */
function optionalText(value: TextDraft): LocalText | undefined {
  return value.zh.trim() || value.en.trim() ? text(value) : undefined;
}

/** A typed number, or what was typed when it is not one (the schema then says "a number"); undefined when blank. */
function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function optionInput(o: OptionDraft): { id: string; label: LocalText } {
  return { id: o.id, label: text(o.label) };
}

/** The question as the schema reads it: only the fields of its type. */
export function questionInput(q: QuestionDraft): Record<string, unknown> {
  const base = withoutUndefined({ id: q.id, type: q.type, label: text(q.label), help: optionalText(q.help), required: q.required, showIf: q.showIf });
  switch (q.type) {
    case 'single':
      return { ...base, options: q.options.map(optionInput) };
    case 'multiple':
      return withoutUndefined({ ...base, options: q.options.map(optionInput), min: numberOrText(q.min), max: numberOrText(q.max) });
    case 'shortText':
    case 'longText':
      return withoutUndefined({ ...base, maxLength: numberOrText(q.maxLength) });
    case 'rating':
      return withoutUndefined({ ...base, min: numberOrText(q.min), max: numberOrText(q.max), minLabel: optionalText(q.minLabel), maxLabel: optionalText(q.maxLabel) });
    case 'number':
      return withoutUndefined({ ...base, min: numberOrText(q.min), max: numberOrText(q.max), integer: q.integer, unit: optionalText(q.unit) });
    case 'matrix':
      return { ...base, rows: q.rows.map(optionInput), columns: q.options.map(optionInput) };
  }
}

/** The questionnaire to send, or undefined when it has no question (a campaign without a questionnaire). */
export function questionnaireInput(draft: QuestionnaireDraft): Record<string, unknown> | undefined {
  if (!draft.questions.length) return undefined;
  return withoutUndefined({ intro: optionalText(draft.intro), questions: draft.questions.map(questionInput) });
}

function textDraft(value: LocalText | undefined): TextDraft {
  return { zh: value?.['zh-CN'] ?? '', en: value?.en ?? '' };
}

const str = (n: number | undefined) => (n === undefined ? '' : String(n));

export function questionDraft(q: Question): QuestionDraft {
  const draft: QuestionDraft = {
    key: nextKey(),
    id: q.id,
    type: q.type,
    label: textDraft(q.label),
    help: textDraft(q.help),
    required: q.required,
    options: 'options' in q ? q.options.map((o) => ({ id: o.id, label: textDraft(o.label) })) : q.type === 'matrix' ? q.columns.map((o) => ({ id: o.id, label: textDraft(o.label) })) : [],
    rows: q.type === 'matrix' ? q.rows.map((o) => ({ id: o.id, label: textDraft(o.label) })) : [],
    min: q.type === 'multiple' || q.type === 'rating' || q.type === 'number' ? str(q.min) : '',
    max: q.type === 'multiple' || q.type === 'rating' || q.type === 'number' ? str(q.max) : '',
    minLabel: textDraft(q.type === 'rating' ? q.minLabel : undefined),
    maxLabel: textDraft(q.type === 'rating' ? q.maxLabel : undefined),
    integer: q.type === 'number' ? q.integer : false,
    unit: textDraft(q.type === 'number' ? q.unit : undefined),
    maxLength: q.type === 'shortText' || q.type === 'longText' ? str(q.maxLength) : '',
  };
  return q.showIf ? { ...draft, showIf: q.showIf } : draft;
}

export function questionnaireDraft(q: Questionnaire | undefined): QuestionnaireDraft {
  if (!q) return emptyQuestionnaireDraft();
  return { intro: textDraft(q.intro), questions: q.questions.map(questionDraft) };
}
