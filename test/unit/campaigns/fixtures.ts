/** A campaign as the organizer's editor would make it, for the campaign tests. */
import type { Campaign } from '../../../shared/domain/campaign/campaign';
import type { CampaignDraft } from '../../../shared/domain/campaign/campaign-schema';
import type { Questionnaire } from '../../../shared/domain/questionnaire/questionnaire';

export const questionnaire: Questionnaire = {
  questions: [
    { id: 'uses', type: 'single', required: true, label: { 'zh-CN': '您多久去一次社区公园？' }, options: [{ id: 'daily', label: { 'zh-CN': '每天' } }, { id: 'weekly', label: { 'zh-CN': '每周' } }, { id: 'never', label: { 'zh-CN': '从不' } }] },
    { id: 'why-not', type: 'longText', required: true, label: { 'zh-CN': '为什么不去？' }, showIf: { questionId: 'uses', anyOf: ['never'] } },
    { id: 'wants', type: 'multiple', required: false, min: 1, max: 2, label: { 'zh-CN': '最希望增加什么？' }, options: [{ id: 'seats', label: { 'zh-CN': '座椅' } }, { id: 'lights', label: { 'zh-CN': '照明' } }, { id: 'toilets', label: { 'zh-CN': '公厕' } }] },
    { id: 'score', type: 'rating', required: true, min: 1, max: 5, label: { 'zh-CN': '总体满意度' } },
    { id: 'fix', type: 'shortText', required: false, label: { 'zh-CN': '一句话建议' }, showIf: { questionId: 'score', anyOf: ['1', '2'] } },
  ],
};

export function draft(over: Partial<CampaignDraft> = {}): CampaignDraft {
  return {
    title: '我有金点子我来提',
    theme: '围绕社区公园改造征集意见',
    categories: ['urban-management', 'environment'],
    opensAt: '2026-12-07T00:00:00.000Z',
    closesAt: '2027-01-04T00:00:00.000Z',
    targetDepartmentIds: [],
    questionnaire,
    responsePolicy: 'any',
    stations: [{ id: 'community-centre', name: '东城社区中心' }],
    ...over,
  };
}

export function campaign(over: Partial<Campaign> = {}): Campaign {
  const { questionnaire: q, ...fields } = draft();
  return {
    orgId: 'demo',
    id: 'golden-ideas',
    ...fields,
    questionnaire: q!,
    state: 'draft',
    history: [],
    createdAt: '2026-12-01T00:00:00.000Z',
    createdBy: '王组织',
    updatedAt: '2026-12-01T00:00:00.000Z',
    version: 1,
    ...over,
  };
}
