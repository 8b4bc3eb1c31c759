/** The organizer's campaign and questionnaire, as the editor and the API check them; display conditions. */
import { describe, expect, it } from 'vitest';
import { campaignDraftSchema, newCampaignSchema } from '../../../shared/domain/campaign/campaign-schema';
import { questionnaireSchema } from '../../../shared/domain/questionnaire/questionnaire';
import { visibleQuestionIds } from '../../../shared/domain/questionnaire/visibility';
import { toFieldProblems } from '../../../shared/domain/validation';
import { draft, questionnaire } from './fixtures';

const problems = (schema: typeof questionnaireSchema | typeof campaignDraftSchema | typeof newCampaignSchema, input: unknown) => {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success ? {} : toFieldProblems(result.error.issues);
};

describe('a campaign', () => {
  it('takes a whole draft', () => {
    expect(problems(campaignDraftSchema, draft())).toEqual({});
    expect(problems(newCampaignSchema, { id: 'golden-ideas-2026', ...draft() })).toEqual({});
  });
  it('names the broken field and the rule', () => {
    expect(problems(newCampaignSchema, { id: 'Golden Ideas', ...draft() })).toEqual({ id: { rule: 'campaignIdFormat' } });
    expect(problems(campaignDraftSchema, draft({ closesAt: '2026-12-01T00:00:00.000Z' }))).toEqual({ closesAt: { rule: 'closesBeforeOpens' } });
    expect(problems(campaignDraftSchema, draft({ opensAt: '2026-12-07 09:00' }))).toEqual({ opensAt: { rule: 'instant' } });
    expect(problems(campaignDraftSchema, draft({ categories: [] }))).toMatchObject({ categories: { rule: 'range' } });
    expect(problems(campaignDraftSchema, draft({ stations: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] }))).toEqual({ stations: { rule: 'duplicateId' } });
    expect(problems(campaignDraftSchema, { ...draft(), owner: 'me' })).toEqual({ owner: { rule: 'unknownField' } });
  });
});

describe('a questionnaire', () => {
  it('takes every question type', () => {
    const all = {
      questions: [
        ...questionnaire.questions,
        { id: 'age', type: 'number', required: false, integer: true, min: 0, max: 120, label: { 'zh-CN': '年龄', en: 'Age' }, unit: { 'zh-CN': '岁' } },
        { id: 'services', type: 'matrix', required: true, label: { 'zh-CN': '各项服务' }, rows: [{ id: 'clean', label: { 'zh-CN': '保洁' } }], columns: [{ id: 'good', label: { 'zh-CN': '好' } }, { id: 'bad', label: { 'zh-CN': '差' } }] },
      ],
    };
    expect(problems(questionnaireSchema, all)).toEqual({});
  });
  it('refuses repeated ids, impossible limits and conditions that do not point back to a choice', () => {
    const [uses, whyNot, wants, score] = questionnaire.questions as [any, any, any, any];
    expect(problems(questionnaireSchema, { questions: [uses, { ...wants, id: 'uses' }] })).toEqual({ 'questions.1.id': { rule: 'duplicateId' } });
    expect(problems(questionnaireSchema, { questions: [{ ...wants, min: 3, max: 2 }] })).toEqual({ 'questions.0.min': { rule: 'minAboveMax' } });
    expect(problems(questionnaireSchema, { questions: [{ ...wants, max: 4 }] })).toEqual({ 'questions.0.max': { rule: 'maxAboveOptions' } });
    // A condition on a later question, on a text question, or with an answer the question does not have.
    expect(problems(questionnaireSchema, { questions: [whyNot, uses] })).toEqual({ 'questions.0.showIf.questionId': { rule: 'conditionTarget' } });
    expect(problems(questionnaireSchema, { questions: [uses, whyNot, { ...score, showIf: { questionId: 'why-not', anyOf: ['x'] } }] })).toEqual({ 'questions.2.showIf.questionId': { rule: 'conditionTarget' } });
    expect(problems(questionnaireSchema, { questions: [uses, { ...whyNot, showIf: { questionId: 'uses', anyOf: ['sometimes'] } }] })).toEqual({ 'questions.1.showIf.anyOf': { rule: 'conditionValue' } });
    expect(problems(questionnaireSchema, { questions: [score, { ...whyNot, showIf: { questionId: 'score', anyOf: ['6'] } }] })).toEqual({ 'questions.1.showIf.anyOf': { rule: 'conditionValue' } });
  });
});

describe('display conditions', () => {
  it('show a question only when the one it names is shown and answered with one of its values', () => {
    expect([...visibleQuestionIds(questionnaire, {})]).toEqual(['uses', 'wants', 'score']);
    expect([...visibleQuestionIds(questionnaire, { uses: 'never', score: 2 })]).toEqual(['uses', 'why-not', 'wants', 'score', 'fix']);
    expect(visibleQuestionIds(questionnaire, { uses: 'daily', score: 5 }).has('fix')).toBe(false);
  });
  it('hide a chain when its first link is hidden', () => {
    const chain = {
      questions: [
        ...questionnaire.questions.slice(0, 1),
        { id: 'park', type: 'single' as const, required: true, label: { 'zh-CN': '哪个公园' }, showIf: { questionId: 'uses', anyOf: ['daily', 'weekly'] }, options: [{ id: 'east', label: { 'zh-CN': '东' } }, { id: 'west', label: { 'zh-CN': '西' } }] },
        { id: 'east-note', type: 'shortText' as const, required: false, label: { 'zh-CN': '东园' }, showIf: { questionId: 'park', anyOf: ['east'] } },
      ],
    };
    expect(visibleQuestionIds(chain, { uses: 'daily', park: 'east' }).has('east-note')).toBe(true);
    // The answer to `park` is stale once `uses` changes to never: its follower hides with it.
    expect(visibleQuestionIds(chain, { uses: 'never', park: 'east' }).has('east-note')).toBe(false);
  });
});
