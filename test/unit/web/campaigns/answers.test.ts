import { describe, expect, it } from 'vitest';
import { questionnaireSchema, type Questionnaire } from '../../../../shared/domain/questionnaire/questionnaire';
import { assembleAnswers, shownQuestions, toggleChoice } from '../../../../web/src/campaigns/answers';

const text = (zh: string) => ({ 'zh-CN': zh });
const options = (...ids: string[]) => ids.map((id) => ({ id, label: text(id) }));

const questionnaire: Questionnaire = questionnaireSchema.parse({
  questions: [
    { id: 'uses', type: 'single', label: text('您坐公交吗'), required: true, options: options('yes', 'no') },
    { id: 'lines', type: 'multiple', label: text('哪几路'), required: true, options: options('a', 'b', 'c'), min: 1, max: 2, showIf: { questionId: 'uses', anyOf: ['yes'] } },
    { id: 'score', type: 'rating', label: text('打分'), required: false, min: 1, max: 5 },
    { id: 'why', type: 'longText', label: text('为什么'), required: true, maxLength: 10, showIf: { questionId: 'score', anyOf: ['1', '2'] } },
    { id: 'trips', type: 'number', label: text('每周几次'), required: false, integer: true, min: 0, max: 50 },
    { id: 'grid', type: 'matrix', label: text('满意度'), required: true, rows: options('bus', 'metro'), columns: options('good', 'bad') },
  ],
});

describe("a respondent's answers", () => {
  it('shows a conditional question only once its condition is met', () => {
    expect(shownQuestions(questionnaire, {}).map((q) => q.id)).toEqual(['uses', 'score', 'trips', 'grid']);
    expect(shownQuestions(questionnaire, { uses: 'yes', score: '2' }).map((q) => q.id)).toEqual(['uses', 'lines', 'score', 'why', 'trips', 'grid']);
  });

  it('assembles each type in its shape, in the questionnaire order, without hidden answers', () => {
    const { answers, problems } = assembleAnswers(questionnaire, {
      uses: 'no',
      lines: ['b'], // left from before "no": the question is hidden now
      score: '4',
      why: 'left over',
      trips: ' 12 ',
      grid: { bus: 'good', metro: 'bad' },
    });
    expect(problems).toEqual({});
    expect(answers).toEqual({ uses: 'no', score: 4, trips: 12, grid: { bus: 'good', metro: 'bad' } });
  });

  it('orders multiple choices as the questionnaire does', () => {
    const { answers } = assembleAnswers(questionnaire, { uses: 'yes', lines: ['b', 'a'], grid: { bus: 'good', metro: 'good' } });
    expect(answers.lines).toEqual(['a', 'b']);
  });

  it('finds what the server would refuse, keyed like its field errors', () => {
    const { problems } = assembleAnswers(questionnaire, { uses: 'yes', lines: ['a', 'b', 'c'], score: '1', why: '一二三四五六七八九十十一', trips: '2.5', grid: { bus: 'good' } });
    expect(problems).toEqual({
      'answers.lines': { rule: 'chooseAtMost', params: { max: 2 } },
      'answers.why': { rule: 'tooLong', params: { max: 10 } },
      'answers.trips': { rule: 'integer' },
      'answers.grid': { rule: 'everyRow' },
    });
    expect(assembleAnswers(questionnaire, {}).problems).toEqual({ 'answers.uses': { rule: 'required' }, 'answers.grid': { rule: 'required' } });
    expect(assembleAnswers(questionnaire, { trips: 'many' }).problems['answers.trips']).toEqual({ rule: 'number' });
    expect(assembleAnswers(questionnaire, { trips: '51' }).problems['answers.trips']).toEqual({ rule: 'range', params: { min: 0, max: 50 } });
    expect(assembleAnswers(questionnaire, { uses: 'yes', lines: [] }).problems['answers.lines']).toEqual({ rule: 'required' });
  });

  it('ticks and unticks choices once each', () => {
    expect(toggleChoice(undefined, 'a', true)).toEqual(['a']);
    expect(toggleChoice(['a'], 'a', true)).toEqual(['a']);
    expect(toggleChoice(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
