import { describe, expect, it } from 'vitest';
import { controlId, nearestControl } from '../../../../web/src/campaigns/campaign-form';
import { fieldLabel } from '../../../../web/src/campaigns/field-labels';
import { t } from '../../../../web/src/i18n';
import '../../../../web/src/i18n/staff';

describe("the campaign editor's error paths", () => {
  it('names a path in the editor\'s words', () => {
    expect(fieldLabel('title', t)).toBe('标题');
    expect(fieldLabel('closesAt', t)).toBe('截止时间（北京时间）');
    expect(fieldLabel('stations.0.name', t)).toBe('征集点 1 · 名称');
    expect(fieldLabel('questionnaire.questions.1.options.2.label.zh-CN', t)).toBe('第 2 题 · 选项 3');
    expect(fieldLabel('questionnaire.questions.0.columns.0.label.zh-CN', t)).toBe('第 1 题 · 列 1');
    expect(fieldLabel('questionnaire.questions.0.showIf.questionId', t)).toBe('第 1 题 · 显示条件');
    expect(fieldLabel('questionnaire.questions.3', t)).toBe('第 4 题');
    expect(fieldLabel('something.else', t)).toBe('something.else');
    expect(fieldLabel('stations.0.id', (key, params) => t(key, params, 'en'))).toBe('Station 1 · Id');
  });

  it('sends the focus to the nearest control the page has', () => {
    expect(controlId('questionnaire.questions.0.label.zh-CN')).toBe('cf-questionnaire-questions-0-label-zh-CN');
    const present = new Set(['cf-questionnaire-questions-0-options', 'cf-title']);
    expect(nearestControl('questionnaire.questions.0.options', (id) => present.has(id))).toBe('cf-questionnaire-questions-0-options');
    expect(nearestControl('questionnaire.questions.0.options.9.label.en', (id) => present.has(id))).toBe('cf-questionnaire-questions-0-options');
    expect(nearestControl('version', (id) => present.has(id))).toBeUndefined();
  });
});
