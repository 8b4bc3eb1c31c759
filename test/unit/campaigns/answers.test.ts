/** A response's answers checked against its questionnaire: every question type, required only when shown, hidden answers dropped. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain/errors';
import { checkAnswers } from '../../../shared/domain/questionnaire/answers';
import { questionnaireSchema, type Questionnaire } from '../../../shared/domain/questionnaire/questionnaire';
import { busAnswers, everyTypeQuestionnaire as q } from './questionnaire-fixture';

/** The problems a check reports, by field, as `rule` (with params when there are). */
function problems(questionnaire: Questionnaire, answers: unknown): Record<string, unknown> {
  try {
    checkAnswers(questionnaire, answers);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fields!;
  }
  throw new Error('the answers were accepted');
}

const withAnswer = (id: string, value: unknown) => ({ ...busAnswers, [id]: value });

describe('checkAnswers', () => {
  it('accepts a complete response: text trimmed, matrix in row order', () => {
    const answers = checkAnswers(q, busAnswers);
    expect(answers).toEqual({ ...busAnswers, stop: '人民路站', services: { info: 'good', seats: 'bad' } });
    expect(Object.keys(answers.services as object)).toEqual(['info', 'seats']);
  });

  it('refuses what is not an object of answers', () => {
    expect(problems(q, ['bus'])).toEqual({ answers: { rule: 'answerShape' } });
    expect(problems(q, null)).toEqual({ answers: { rule: 'answerShape' } });
  });

  it('refuses answers to questions the questionnaire does not have', () => {
    expect(problems(q, { ...busAnswers, nosuch: 'x' })).toEqual({ 'answers.nosuch': { rule: 'unknownQuestion' } });
  });

  it('names every required question left out, and no optional one', () => {
    expect(problems(q, {})).toEqual({
      'answers.mode': { rule: 'required' },
      'answers.score': { rule: 'required' },
      'answers.services': { rule: 'required' },
    });
  });

  describe('display conditions', () => {
    it('a hidden required question is not required', () => {
      const answers = checkAnswers(q, { ...busAnswers, mode: 'metro', bus_issues: undefined });
      expect(answers.bus_issues).toBeUndefined();
    });
    it('an answer to a hidden question is dropped, even a malformed one', () => {
      expect(checkAnswers(q, { ...busAnswers, mode: 'bike' }).bus_issues).toBeUndefined();
      expect(checkAnswers(q, { ...busAnswers, mode: 'bike', bus_issues: 'not a list' }).bus_issues).toBeUndefined();
    });
    it('a shown required question is required', () => {
      expect(problems(q, { ...busAnswers, bus_issues: undefined })).toEqual({ 'answers.bus_issues': { rule: 'required' } });
    });
    it('a broken answer hides what depends on it and is itself reported', () => {
      expect(problems(q, { ...busAnswers, mode: 'car' })).toEqual({ 'answers.mode': { rule: 'optionUnknown' } });
    });
    it('a condition on a rating question shows by its value; chains hide with their first link', () => {
      const chained = questionnaireSchema.parse({
        questions: [
          { id: 'r', type: 'rating', required: true, min: 1, max: 5, label: { 'zh-CN': '评分' } },
          { id: 'why', type: 'single', required: true, showIf: { questionId: 'r', anyOf: ['1', '2'] }, label: { 'zh-CN': '原因' }, options: [{ id: 'a', label: { 'zh-CN': '甲' } }, { id: 'b', label: { 'zh-CN': '乙' } }] },
          { id: 'more', type: 'longText', required: true, showIf: { questionId: 'why', anyOf: ['a'] }, label: { 'zh-CN': '详细' } },
        ],
      });
      expect(checkAnswers(chained, { r: 5, why: 'a', more: 'x' })).toEqual({ r: 5 });
      expect(problems(chained, { r: 1, why: 'a' })).toEqual({ 'answers.more': { rule: 'required' } });
      expect(checkAnswers(chained, { r: 2, why: 'b', more: 'dropped' })).toEqual({ r: 2, why: 'b' });
    });
  });

  describe('single choice', () => {
    it('takes one option id', () => {
      expect(problems(q, withAnswer('mode', ['bus']))).toEqual({ 'answers.mode': { rule: 'answerShape' } });
      expect(problems(q, withAnswer('mode', 'car'))).toEqual({ 'answers.mode': { rule: 'optionUnknown' } });
    });
    it('an empty string is no answer', () => {
      expect(problems(q, withAnswer('mode', ''))).toEqual({ 'answers.mode': { rule: 'required' } });
    });
  });

  describe('multiple choice', () => {
    it('takes unique option ids', () => {
      expect(problems(q, withAnswer('bus_issues', 'late'))).toEqual({ 'answers.bus_issues': { rule: 'answerShape' } });
      expect(problems(q, withAnswer('bus_issues', ['late', 'late']))).toEqual({ 'answers.bus_issues': { rule: 'duplicateChoice' } });
      expect(problems(q, withAnswer('bus_issues', ['late', 'noise']))).toEqual({ 'answers.bus_issues': { rule: 'optionUnknown' } });
      expect(problems(q, withAnswer('bus_issues', [1]))).toEqual({ 'answers.bus_issues': { rule: 'answerShape' } });
    });
    it('within min and max', () => {
      expect(problems(q, withAnswer('bus_issues', ['late', 'crowded', 'dirty']))).toEqual({ 'answers.bus_issues': { rule: 'choiceCount', params: { min: 1, max: 2 } } });
      expect(checkAnswers(q, withAnswer('bus_issues', ['dirty'])).bus_issues).toEqual(['dirty']);
    });
    it('a required one needs at least max(1, min); an optional one may be empty, but not below its min', () => {
      expect(problems(q, withAnswer('bus_issues', []))).toEqual({ 'answers.bus_issues': { rule: 'required' } });
      const optional = questionnaireSchema.parse({
        questions: [
          {
            id: 'm',
            type: 'multiple',
            required: false,
            min: 2,
            label: { 'zh-CN': '多选' },
            options: ['a', 'b', 'c'].map((id) => ({ id, label: { 'zh-CN': id } })),
          },
          { id: 'n', type: 'multiple', required: true, min: 2, label: { 'zh-CN': '多选' }, options: ['a', 'b', 'c'].map((id) => ({ id, label: { 'zh-CN': id } })) },
        ],
      });
      expect(checkAnswers(optional, { m: [], n: ['a', 'b'] })).toEqual({ n: ['a', 'b'] });
      expect(problems(optional, { m: ['a'], n: ['a'] })).toEqual({
        'answers.m': { rule: 'choiceCount', params: { min: 2, max: 3 } },
        'answers.n': { rule: 'choiceCount', params: { min: 2, max: 3 } },
      });
    });
  });

  describe('text', () => {
    it('short text: trimmed, at most 200 by default', () => {
      expect(checkAnswers(q, withAnswer('stop', 'x'.repeat(200))).stop).toHaveLength(200);
      expect(problems(q, withAnswer('stop', 'x'.repeat(201)))).toEqual({ 'answers.stop': { rule: 'tooLong', params: { max: 200 } } });
      expect(checkAnswers(q, withAnswer('stop', '   ')).stop).toBeUndefined();
      expect(problems(q, withAnswer('stop', 5))).toEqual({ 'answers.stop': { rule: 'answerShape' } });
    });
    it("long text: the question's own maximum, else 2000", () => {
      expect(problems(q, withAnswer('idea', '字'.repeat(501)))).toEqual({ 'answers.idea': { rule: 'tooLong', params: { max: 500 } } });
      const plain = questionnaireSchema.parse({ questions: [{ id: 't', type: 'longText', required: true, label: { 'zh-CN': '文字' } }] });
      expect(checkAnswers(plain, { t: 'x'.repeat(2000) }).t).toHaveLength(2000);
      expect(problems(plain, { t: 'x'.repeat(2001) })).toEqual({ 'answers.t': { rule: 'tooLong', params: { max: 2000 } } });
      expect(problems(plain, { t: ' \n ' })).toEqual({ 'answers.t': { rule: 'required' } });
    });
  });

  describe('rating', () => {
    it('a whole number on the scale', () => {
      expect(checkAnswers(q, withAnswer('score', 1)).score).toBe(1);
      expect(checkAnswers(q, withAnswer('score', 5)).score).toBe(5);
      expect(problems(q, withAnswer('score', 6))).toEqual({ 'answers.score': { rule: 'range', params: { min: 1, max: 5 } } });
      expect(problems(q, withAnswer('score', 0))).toEqual({ 'answers.score': { rule: 'range', params: { min: 1, max: 5 } } });
      expect(problems(q, withAnswer('score', 3.5))).toEqual({ 'answers.score': { rule: 'integer' } });
      expect(problems(q, withAnswer('score', '4'))).toEqual({ 'answers.score': { rule: 'answerShape' } });
    });
  });

  describe('number', () => {
    it('finite, within min and max, whole when the question says so', () => {
      expect(checkAnswers(q, withAnswer('minutes', 0)).minutes).toBe(0);
      expect(problems(q, withAnswer('minutes', 301))).toEqual({ 'answers.minutes': { rule: 'range', params: { min: 0, max: 300 } } });
      expect(problems(q, withAnswer('minutes', -1))).toEqual({ 'answers.minutes': { rule: 'range', params: { min: 0, max: 300 } } });
      expect(problems(q, withAnswer('minutes', 2.5))).toEqual({ 'answers.minutes': { rule: 'integer' } });
      expect(problems(q, withAnswer('minutes', Number.NaN))).toEqual({ 'answers.minutes': { rule: 'answerShape' } });
      expect(problems(q, withAnswer('minutes', Number.POSITIVE_INFINITY))).toEqual({ 'answers.minutes': { rule: 'answerShape' } });
    });
    it('open bounds and fractions when allowed', () => {
      const open = questionnaireSchema.parse({ questions: [{ id: 'x', type: 'number', required: false, integer: false, min: 0, label: { 'zh-CN': '数' } }] });
      expect(checkAnswers(open, { x: 1e9 + 0.25 }).x).toBe(1e9 + 0.25);
      expect(problems(open, { x: -0.5 })).toEqual({ 'answers.x': { rule: 'range', params: { min: 0, max: '∞' } } });
    });
  });

  describe('matrix', () => {
    it('one column id per row id', () => {
      expect(problems(q, withAnswer('services', ['good']))).toEqual({ 'answers.services': { rule: 'answerShape' } });
      expect(problems(q, withAnswer('services', { info: 1, seats: 'ok' }))).toEqual({ 'answers.services': { rule: 'answerShape' } });
      expect(problems(q, withAnswer('services', { info: 'great', seats: 'ok' }))).toEqual({ 'answers.services': { rule: 'optionUnknown' } });
      expect(problems(q, withAnswer('services', { noise: 'ok', info: 'ok', seats: 'ok' }))).toEqual({ 'answers.services': { rule: 'optionUnknown' } });
    });
    it('every row when required; some rows when optional', () => {
      expect(problems(q, withAnswer('services', { info: 'good' }))).toEqual({ 'answers.services': { rule: 'matrixIncomplete' } });
      expect(problems(q, withAnswer('services', {}))).toEqual({ 'answers.services': { rule: 'required' } });
      const optional = questionnaireSchema.parse({
        questions: [{ ...q.questions[6], required: false }],
      });
      expect(checkAnswers(optional, { services: { seats: 'ok' } })).toEqual({ services: { seats: 'ok' } });
    });
  });

  it('null clears an answer', () => {
    expect(checkAnswers(q, withAnswer('minutes', null)).minutes).toBeUndefined();
  });
});
