/** The adoption record's rules (adoption records, issue 10 point 4): links, dates, corrections, updates, views. */
import { describe, expect, it } from 'vitest';
import {
  addAdoptionUpdate,
  changesTerms,
  correctAdoption,
  dayProblem,
  isAdopted,
  isCalendarDay,
  isHttpsUrl,
  recordAdoption,
} from '../../../shared/domain/suggestion/adoption';
import { canTransition, lifecycle } from '../../../shared/domain/suggestion/lifecycle';
import { statuses } from '../../../shared/domain/suggestion/suggestion';
import { citizenAdoption } from '../../../shared/domain/suggestion/views-adoption';

const terms = { outcome: '已加装遮阳棚', adoptedOn: '2026-11-06', departmentId: 'transport', departmentName: '交通运输局', departmentNameEn: 'Transport Bureau' };

describe('evidence links', () => {
  it('takes https URLs with a host', () => {
    expect(isHttpsUrl('https://www.gov.cn/zhengce/2026-11/06/content_1.htm')).toBe(true);
    expect(isHttpsUrl('HTTPS://example.org/a?b=c#d')).toBe(true);
  });
  it.each(['http://example.org/', 'javascript:alert(1)', 'ftp://example.org/', 'https://', 'https:///path', '//example.org', 'example.org', 'https://user:pw@example.org/', 'data:text/html,x', ' https://example.org', 'https://exa mple.org/', 'https:\\\\example.org'])(
    'refuses %s',
    (value) => expect(isHttpsUrl(value)).toBe(false),
  );
});

describe('dates', () => {
  it('knows a real day from a string that looks like one', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-2-3')).toBe(false);
    expect(isCalendarDay('2026-11-06T00:00')).toBe(false);
  });

  it('refuses a day after today in the office (UTC+8), and one before the day it follows', () => {
    // 2026-11-06 20:00 UTC is already 2026-11-07 in the office.
    const now = new Date('2026-11-06T20:00:00Z');
    expect(dayProblem('2026-11-07', now, '2026-11-01')).toBeUndefined();
    expect(dayProblem('2026-11-08', now, '2026-11-01')).toEqual({ rule: 'notInFuture', params: { today: '2026-11-07' } });
    expect(dayProblem('2026-10-31', now, '2026-11-01')).toEqual({ rule: 'tooEarly', params: { day: '2026-11-01' } });
    expect(dayProblem('2026-11-01', now, '2026-11-01')).toBeUndefined();
  });
});

describe('the record', () => {
  const record = recordAdoption({ ...terms, evidenceUrl: 'https://example.org/a' }, '2026-11-06T02:00:00.000Z', '征集办 李静');

  it('starts with no updates and no corrections', () => {
    expect(record).toMatchObject({ ...terms, evidenceUrl: 'https://example.org/a', recordedBy: '征集办 李静', updates: [], corrections: [] });
    expect(recordAdoption({ ...terms, evidenceUrl: '' }, 'x', 'y')).not.toHaveProperty('evidenceUrl');
  });

  it('is corrected with the terms it had kept, updates untouched; a correction that changes nothing is told apart', () => {
    const withUpdate = addAdoptionUpdate(record, { text: '已完工', date: '2026-11-10', at: 'u', by: 'h' });
    expect(changesTerms(withUpdate, { ...terms, evidenceUrl: 'https://example.org/a' })).toBe(false);
    expect(changesTerms(withUpdate, terms)).toBe(true);
    const fixed = correctAdoption(withUpdate, { ...terms, departmentId: 'urban-mgmt', departmentName: '城市管理局', departmentNameEn: 'Urban Management Bureau' }, { at: 'c', by: 'd', reason: '部门选错' });
    expect(fixed).toMatchObject({ departmentId: 'urban-mgmt', recordedBy: '征集办 李静', updates: withUpdate.updates });
    expect(fixed).not.toHaveProperty('evidenceUrl');
    expect(fixed.corrections).toEqual([{ at: 'c', by: 'd', reason: '部门选错', before: { ...terms, evidenceUrl: 'https://example.org/a' } }]);
  });

  it('appends updates in order', () => {
    const two = addAdoptionUpdate(addAdoptionUpdate(record, { text: '一', date: '2026-11-07', at: '1', by: 'a' }), { text: '二', date: '2026-11-08', evidenceUrl: 'https://example.org/b', at: '2', by: 'a' });
    expect(two.updates.map((u) => u.text)).toEqual(['一', '二']);
    expect(record.updates).toEqual([]);
  });

  it('shows the citizen what was done and the updates, never who typed them or why it was corrected', () => {
    const shown = citizenAdoption(correctAdoption(addAdoptionUpdate(record, { text: '已完工', date: '2026-11-10', at: 'u', by: '赵强' }), terms, { at: 'c', by: '李静', reason: '内部原因' }));
    const { departmentId: _id, ...publicTerms } = terms;
    expect(shown).toEqual({ ...publicTerms, updates: [{ text: '已完工', date: '2026-11-10' }] });
    expect(JSON.stringify(shown)).not.toMatch(/赵强|李静|内部原因/);
  });

  it('counts as adopted by the record or by the older reply flag', () => {
    expect(isAdopted({ adoption: record })).toBe(true);
    expect(isAdopted({ reply: { adopted: true } })).toBe(true);
    expect(isAdopted({ reply: {} })).toBe(false);
  });
});

describe('the lifecycle of adoption', () => {
  const staff = (role: string) => ({ type: 'staff' as const, id: role, role });
  it('records an adoption only once answered: replied or closed, never while open, reopened, rejected or merged', () => {
    expect(statuses.filter((s) => canTransition(s, 'adopt', staff('dispatcher')))).toEqual(['replied', 'closed']);
    expect(statuses.filter((s) => canTransition(s, 'adoptionProgress', staff('handler')))).toEqual(['replied', 'reopened', 'closed']);
  });
  it('lets the office, the supervisor and the handler adopt; only the office and the supervisor mark the case library', () => {
    for (const role of ['admin', 'dispatcher', 'supervisor', 'handler']) expect(canTransition('closed', 'adopt', staff(role))).toBe(true);
    for (const role of ['viewer', 'organizer']) expect(canTransition('closed', 'adopt', staff(role))).toBe(false);
    expect(canTransition('closed', 'featureIdea', staff('handler'))).toBe(false);
    expect(canTransition('closed', 'featureIdea', staff('supervisor'))).toBe(true);
  });
  it('shows the citizen the adoption and its progress, not corrections or the case-library mark', () => {
    expect([lifecycle.adopt, lifecycle.adoptionProgress].map((r) => r.visibility)).toEqual(['public', 'public']);
    expect([lifecycle.correctAdoption, lifecycle.featureIdea, lifecycle.unfeatureIdea].map((r) => r.visibility)).toEqual(['internal', 'internal', 'internal']);
  });
});
