/**
 * Co-handling (协办) through the API: the co-handling department is told of the assignment, finds the suggestion
 * in its own queue, gives its opinion (an internal timeline entry naming the department, the lead department is
 * told), and is refused the lead department's actions; the lead department may not give a co-handler's opinion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestStack, submitForScreening, validSubmission, type TestStack } from './harness';

let t: TestStack;
let tokens: Record<string, string>;
let id: string;
let code: string;
let pin: string;

beforeAll(async () => {
  t = await startTestStack({ seed: true });
  tokens = Object.fromEntries(
    await Promise.all(['dispatcher', 'handler-transport', 'handler-urban', 'viewer', 'admin'].map(async (u) => [u, await t.token(u)])),
  );
  ({ id, code, pin } = await submitForScreening(t, tokens.dispatcher!, { ...validSubmission, title: '人民路公交站台协办测试' }));
});
afterAll(async () => t?.stop());

const act = (who: string, action: string, json: unknown = {}) =>
  t.api(`/api/staff/suggestions/${id}/${action}`, { method: 'POST', token: tokens[who], json, lang: 'en' });
const outboxFor = (to: string, event: string) =>
  eventually(async () => {
    const o = await t.api('/api/local/outbox');
    return o.body.messages.find((m: { suggestionId: string; to: string; event: string }) => m.suggestionId === id && m.to === to && m.event === event);
  });

describe('co-handling', () => {
  it('tells the co-handling department of the assignment, naming the lead department', async () => {
    const assigned = await act('dispatcher', 'screen', {
      decision: 'assign',
      category: 'traffic',
      tier: 'deadline',
      leadDepartmentId: 'transport',
      cohandlerDepartmentIds: ['urban-mgmt'],
    });
    expect(assigned.status).toBe(200);
    const mail = await outboxFor('urban@demo.jianyi.local', 'cohandlingAssigned');
    expect(mail.body).toContain('由交通运输局主办');
    // The lead department gets the ordinary assignment notice, not the co-handler's.
    expect((await outboxFor('transport@demo.jianyi.local', 'assigned')).body).toContain('请于');
  });

  it("lists it in the co-handling department's co-handler queue, not in its lead queue", async () => {
    const lead = await t.api('/api/staff/suggestions?limit=100', { token: tokens['handler-urban'] });
    expect(lead.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const cohandled = await t.api('/api/staff/suggestions?role=cohandler&limit=100', { token: tokens['handler-urban'] });
    expect(cohandled.status).toBe(200);
    expect(cohandled.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const leadQueue = await t.api('/api/staff/suggestions?role=cohandler&limit=100', { token: tokens['handler-transport'] });
    expect(leadQueue.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const bad = await t.api('/api/staff/suggestions?role=helper', { token: tokens['handler-urban'], lang: 'en' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['role']);
  });

  it('offers the co-handler only its opinion, and the lead department not the opinion', async () => {
    const cohandler = await t.api(`/api/staff/suggestions/${id}`, { token: tokens['handler-urban'] });
    expect(cohandler.body.availableActions).toEqual(['cohandlerOpinion']);
    const lead = await t.api(`/api/staff/suggestions/${id}`, { token: tokens['handler-transport'] });
    expect(lead.body.availableActions).not.toContain('cohandlerOpinion');
    expect((await act('handler-transport', 'cohandlerOpinion', { text: '本部门意见' })).status).toBe(403);
    expect((await act('viewer', 'cohandlerOpinion', { text: '路过' })).status).toBe(403);
    expect((await act('dispatcher', 'cohandlerOpinion', { text: '路过' })).status).toBe(403);
    expect((await act('handler-urban', 'reply', { text: '代为答复' })).status).toBe(403);
  });

  it('refuses an empty or oversize opinion, naming the field, and writes nothing', async () => {
    const before = (await t.api(`/api/staff/suggestions/${id}`, { token: tokens.dispatcher })).body.timeline.length;
    const empty = await act('handler-urban', 'cohandlerOpinion', { text: '  ' });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.error.fields)).toEqual(['text']);
    const long = await act('handler-urban', 'cohandlerOpinion', { text: '长'.repeat(2001) });
    expect(long.status).toBe(400);
    const after = (await t.api(`/api/staff/suggestions/${id}`, { token: tokens.dispatcher })).body.timeline.length;
    expect(after).toBe(before);
  });

  it('records the opinion as an internal entry naming the department, and tells the lead department', async () => {
    const given = await act('handler-urban', 'cohandlerOpinion', { text: '城管局可配合清理站台周边占道。' });
    expect(given.status).toBe(200);
    expect(given.body.status).toBe('assigned');
    const entry = given.body.timeline.at(-1);
    expect(entry).toMatchObject({ action: 'cohandlerOpinion', visibility: 'internal', note: '城管局可配合清理站台周边占道。', actor: { id: 'handler-urban', departmentId: 'urban-mgmt' } });
    const notice = await outboxFor('transport@demo.jianyi.local', 'cohandlerOpinion');
    expect(notice.body).toContain('城市管理局');
    // Internal: the citizen's timeline does not show it; the audit log does.
    const citizenView = await t.api(`/api/suggestions/${code}`, { headers: { 'x-tracking-pin': pin } });
    expect(citizenView.body.timeline.map((e: { action: string }) => e.action)).not.toContain('cohandlerOpinion');
    const audit = await t.api('/api/staff/audit?limit=200', { token: tokens.admin });
    expect(audit.body.entries).toContainEqual(expect.objectContaining({ action: 'cohandlerOpinion', target: id, actor: expect.objectContaining({ id: 'handler-urban' }) }));
  });

  it('keeps offering the opinion while it is handled, and not after the reply', async () => {
    expect((await act('handler-transport', 'sign')).status).toBe(200);
    expect((await act('handler-urban', 'cohandlerOpinion', { text: '已清理完毕。' })).status).toBe(200);
    const replied = await act('handler-transport', 'reply', { text: '已加装遮阳棚，城管局已清理占道。' });
    expect(replied.body.status).toBe('replied');
    const late = await act('handler-urban', 'cohandlerOpinion', { text: '补充' });
    expect(late.status).toBe(409);
    const detail = await t.api(`/api/staff/suggestions/${id}`, { token: tokens['handler-urban'] });
    expect(detail.body.availableActions).toEqual([]);
    expect(detail.body.timeline.filter((e: { action: string }) => e.action === 'cohandlerOpinion')).toHaveLength(2);
  });
});
