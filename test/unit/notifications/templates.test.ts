import { describe, expect, it } from 'vitest';
import { notificationTemplates, fillTemplate } from '../../../shared/domain/notifications/templates';
import { renderNotification } from '../../../shared/domain/notifications/render';
import type { NotificationEvent } from '../../../shared/ports';
import { request } from './fakes';

const base = 'https://jianyi.example';
const params = {
  title: '公交站台加装遮阳棚',
  trackingCode: 'JY-7K2M',
  dueDate: '2026-05-20',
  staffUrl: `${base}/#/staff/s/s1`,
  trackUrl: `${base}/#/track?code=JY-7K2M`,
  answerUrl: `${base}/#/answer?code=JY-7K2M`,
  rateUrl: `${base}/#/rate?code=JY-7K2M`,
  checkpoint: 'half',
  days: 3,
  reason: '需要现场勘查',
  question: '请提供具体站台名称',
  approved: 'yes',
  error: 'States.TaskFailed',
  instruction: '本周内办结',
  leadDepartmentName: '交通运输局',
  leadDepartmentNameEn: 'Transport Bureau',
  departmentName: '住房和城乡建设局',
  departmentNameEn: 'Housing and Urban-Rural Development Bureau',
  periodText: '2026年第48周',
  periodTextEn: 'week 2026-W48',
  from: '2026-11-23',
  to: '2026-11-29',
  revision: 1,
  bulletinsUrl: `${base}/#/staff/bulletins`,
  code: '123456',
  minutes: 10,
};
/** Events about no one suggestion (a bulletin for the supervisors) carry no tracking code. */
const aboutNoSuggestion = new Set<NotificationEvent>(['bulletinReady', 'phoneCode']);
const events = Object.keys(notificationTemplates) as NotificationEvent[];

describe('notification templates', () => {
  it('cover every event of the NotificationEvent union', () => {
    expect(events.sort()).toEqual(
      ['assigned', 'cohandlerOpinion', 'cohandlingAssigned', 'escalation', 'extensionDecided', 'extensionRequested', 'infoRequest', 'overdue', 'progressNote', 'receipt', 'reminder', 'reopened', 'reply', 'workflowFailure', 'adoption', 'adoptionProgress', 'topicSpike', 'bulletinReady', 'phoneCode'].sort(),
    );
  });

  for (const event of events) {
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`${event} renders in ${locale} with every placeholder filled`, () => {
        const { subject, body } = fillTemplate(event, locale, params);
        expect(subject.length).toBeGreaterThan(0);
        if (!aboutNoSuggestion.has(event)) expect(body).toContain('JY-7K2M');
        expect(`${subject} ${body}`).not.toMatch(/[{}]/);
        if (locale === 'zh-CN') expect(body).toMatch(/[\u4e00-\u9fff]/);
        else expect(`${notificationTemplates[event].en.subject} ${notificationTemplates[event].en.body}`).not.toMatch(/[\u4e00-\u9fff]/);
      });
    }
  }

  it('links the citizen to the answer page for an info request and to the rating page for a reply', () => {
    expect(fillTemplate('infoRequest', 'zh-CN', params).body).toContain(`${base}/#/answer?code=JY-7K2M`);
    expect(fillTemplate('infoRequest', 'en', params).body).toContain('请提供具体站台名称');
    expect(fillTemplate('reply', 'en', params).body).toContain(`${base}/#/rate?code=JY-7K2M`);
    expect(fillTemplate('reply', 'zh-CN', params).body).toContain(`${base}/#/rate?code=JY-7K2M`);
  });

  it('names the lead department to a co-handler and the co-handling department to the lead', () => {
    expect(fillTemplate('cohandlingAssigned', 'zh-CN', params).body).toContain('由交通运输局主办');
    expect(fillTemplate('cohandlingAssigned', 'en', params).body).toContain('led by Transport Bureau');
    expect(fillTemplate('cohandlerOpinion', 'zh-CN', params).body).toContain('协办部门住房和城乡建设局已提出协办意见');
    expect(fillTemplate('cohandlerOpinion', 'en', params).body).toContain('Housing and Urban-Rural Development Bureau');
  });

  it('names each reminder checkpoint', () => {
    const texts = ['half', 'eightyPercent', 'oneDayLeft'].map((checkpoint) => fillTemplate('reminder', 'zh-CN', { ...params, checkpoint }).body);
    expect(texts[0]).toContain('已过半');
    expect(texts[1]).toContain('80%');
    expect(texts[2]).toContain('1 个工作日');
    expect(fillTemplate('reminder', 'en', { ...params, checkpoint: 'oneDayLeft' }).body).toContain('one working day is left');
  });

  it('says whether an extension was approved, and how many days an item is overdue', () => {
    expect(fillTemplate('extensionDecided', 'zh-CN', { ...params, approved: 'no' }).body).toContain('未获批准');
    expect(fillTemplate('extensionDecided', 'en', params).body).toContain('approved');
    expect(fillTemplate('overdue', 'zh-CN', { ...params, days: 4 }).body).toContain('4 天');
    expect(fillTemplate('overdue', 'en', { ...params, days: 0 }).body).not.toContain('day(s)');
  });

  it('leaves a missing param out rather than showing the placeholder', () => {
    expect(fillTemplate('receipt', 'en', { trackingCode: 'JY-1' }).body).not.toContain('{');
  });

  it('puts the subject in front of an SMS and keeps it apart for an email', () => {
    const sms = renderNotification(request());
    expect(sms).toMatchObject({ channel: 'sms', to: '13800138000' });
    expect(sms.body.startsWith('【建议征集】已收到您的建议 ')).toBe(true);
    const email = renderNotification(request({ channel: 'email', to: 'a@example.com', locale: 'en' }));
    expect(email).toMatchObject({ channel: 'email', subject: 'We received your suggestion' });
  });
});
