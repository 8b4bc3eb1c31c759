import { describe, expect, it } from 'vitest';
import { questionnaireSchema } from '../../../../shared/domain/questionnaire/questionnaire';
import {
  addOption,
  addQuestion,
  changeType,
  conditionTargets,
  emptyQuestionnaireDraft,
  moveOption,
  moveQuestion,
  questionnaireDraft,
  questionnaireInput,
  removeOption,
  removeQuestion,
  setCondition,
  updateOption,
  updateQuestion,
  type QuestionnaireDraft,
} from '../../../../web/src/campaigns/questionnaire-builder';
import { questionTypes } from '../../../../shared/domain/questionnaire/questionnaire';

/** Every label filled in, so the schema checks the structure only. */
function labelled(draft: QuestionnaireDraft): QuestionnaireDraft {
  let next = draft;
  next.questions.forEach((q, index) => {
    next = updateQuestion(next, index, { label: { zh: `问题${index + 1}`, en: '' } });
    q.options.forEach((_, o) => (next = updateOption(next, index, o, { zh: `选项${o + 1}`, en: `Option ${o + 1}` })));
    q.rows.forEach((_, o) => (next = updateOption(next, index, o, { zh: `行${o + 1}`, en: '' }, 'rows')));
  });
  return next;
}

describe('the questionnaire builder', () => {
  it('adds one question of every type with fresh ids, and what it makes passes the shared schema', () => {
    let draft = emptyQuestionnaireDraft();
    for (const type of questionTypes) draft = addQuestion(draft, type);
    expect(draft.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']);
    expect(draft.questions.map((q) => q.type)).toEqual([...questionTypes]);
    const input = questionnaireInput(labelled(draft));
    const parsed = questionnaireSchema.safeParse(input);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // Only each type's own fields go out: the strict schema would refuse the others.
    expect(Object.keys((input!.questions as Record<string, unknown>[])[0]!).sort()).toEqual(['id', 'label', 'options', 'required', 'type']);
    expect((input!.questions as Record<string, unknown>[])[4]).toMatchObject({ type: 'rating', min: 1, max: 5 });
    expect((input!.questions as Record<string, unknown>[])[5]).toMatchObject({ type: 'number', integer: true });
    expect((input!.questions as Record<string, unknown>[])[6]).toMatchObject({ type: 'matrix', rows: [{ id: 'r1' }, { id: 'r2' }], columns: [{ id: 'o1' }, { id: 'o2' }, { id: 'o3' }] });
  });

  it('sends no questionnaire when there is no question', () => {
    expect(questionnaireInput(emptyQuestionnaireDraft())).toBeUndefined();
  });

  it('reuses a freed id only when it is free, and keeps option ids unique', () => {
    let draft = addQuestion(addQuestion(emptyQuestionnaireDraft(), 'single'), 'single');
    draft = removeQuestion(draft, 0);
    draft = addQuestion(draft, 'shortText');
    expect(draft.questions.map((q) => q.id)).toEqual(['q2', 'q1']);
    draft = removeOption(draft, 0, 0);
    draft = addOption(draft, 0);
    expect(draft.questions[0]!.options.map((o) => o.id)).toEqual(['o2', 'o1']);
    draft = moveOption(draft, 0, 1, -1);
    expect(draft.questions[0]!.options.map((o) => o.id)).toEqual(['o1', 'o2']);
  });

  it('offers conditions on earlier choice and rating questions only', () => {
    let draft = emptyQuestionnaireDraft();
    for (const type of ['single', 'shortText', 'rating', 'multiple'] as const) draft = addQuestion(draft, type);
    expect(conditionTargets(draft, 3).map((q) => q.id)).toEqual(['q1', 'q3']);
    expect(conditionTargets(draft, 0)).toEqual([]);
  });

  it('drops a condition whose question is removed, moved below it, or retyped', () => {
    let draft = addQuestion(addQuestion(emptyQuestionnaireDraft(), 'single'), 'longText');
    draft = setCondition(draft, 1, { questionId: 'q1', anyOf: ['o2'] });
    expect(draft.questions[1]!.showIf).toEqual({ questionId: 'q1', anyOf: ['o2'] });
    expect(removeQuestion(draft, 0).questions[0]!.showIf).toBeUndefined();
    const moved = moveQuestion(draft, 1, -1);
    expect(moved.questions.map((q) => q.id)).toEqual(['q2', 'q1']);
    expect(moved.questions[0]!.showIf).toBeUndefined();
    expect(changeType(draft, 0, 'shortText').questions[1]!.showIf).toBeUndefined();
    // A single choice turned multiple keeps its options, and the condition with them.
    expect(changeType(draft, 0, 'multiple').questions[1]!.showIf).toEqual({ questionId: 'q1', anyOf: ['o2'] });
  });

  it('takes an answer out of a condition when its option goes, and the condition when none is left', () => {
    let draft = addQuestion(addOption(addQuestion(emptyQuestionnaireDraft(), 'single'), 0), 'longText');
    draft = setCondition(draft, 1, { questionId: 'q1', anyOf: ['o2', 'o3'] });
    draft = removeOption(draft, 0, 2);
    expect(draft.questions[1]!.showIf).toEqual({ questionId: 'q1', anyOf: ['o2'] });
    draft = removeOption(draft, 0, 1);
    expect(draft.questions[1]!.showIf).toBeUndefined();
  });

  it('carries a renamed question id into the conditions that name it', () => {
    let draft = addQuestion(addQuestion(emptyQuestionnaireDraft(), 'rating'), 'shortText');
    draft = setCondition(draft, 1, { questionId: 'q1', anyOf: ['1', '2'] });
    draft = updateQuestion(draft, 0, { id: 'satisfaction' });
    expect(draft.questions[1]!.showIf).toEqual({ questionId: 'satisfaction', anyOf: ['1', '2'] });
    // A scale shortened below a named step loses that step from the condition.
    draft = updateQuestion(draft, 0, { min: '2' });
    expect(draft.questions[1]!.showIf).toEqual({ questionId: 'satisfaction', anyOf: ['2'] });
  });

  it('passes typed numbers as numbers, and leaves text that is no number for the schema to refuse', () => {
    let draft = addQuestion(emptyQuestionnaireDraft(), 'number');
    draft = labelled(updateQuestion(draft, 0, { min: ' 0 ', max: 'ten', unit: { zh: '元', en: '' } }));
    const question = (questionnaireInput(draft)!.questions as Record<string, unknown>[])[0]!;
    expect(question).toMatchObject({ min: 0, max: 'ten', unit: { 'zh-CN': '元' } });
    const parsed = questionnaireSchema.safeParse(questionnaireInput(draft));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['questions', 0, 'max']);
  });

  it('reads a stored questionnaire back into the same input', () => {
    let draft = emptyQuestionnaireDraft();
    for (const type of questionTypes) draft = addQuestion(draft, type);
    draft = labelled(updateQuestion(draft, 1, { min: '1', max: '2', required: true }));
    draft = setCondition(draft, 2, { questionId: 'q2', anyOf: ['o1'] });
    draft = { ...draft, intro: { zh: '感谢参与', en: 'Thank you' } };
    const stored = questionnaireSchema.parse(questionnaireInput(draft));
    expect(questionnaireInput(questionnaireDraft(stored))).toEqual(questionnaireInput(draft));
  });
});
