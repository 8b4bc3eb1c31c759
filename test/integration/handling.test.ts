/**
 * The handling lifecycle through the API, as staff and the citizen would drive it: screening, assignment, sign,
 * information request (clock paused), extension, reply, rating, reopen, second dissatisfied rating → 督办.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoFailedNotifications } from '../../shared/aws/dynamo-failed-notifications';
import { failedNotificationRecord } from '../../shared/domain/notifications/failed';
import { eventually, openCampaign, startTestStack, submitForScreening, validSubmission, type TestStack } from './harness';

let t: TestStack;
let tokens: Record<string, string>;
let id: string;
let code: string;
let pin: string;

beforeAll(async () => {
  t = await startTestStack({ seed: true });
  tokens = Object.fromEntries(
    await Promise.all(['dispatcher', 'handler-transport', 'handler-urban', 'supervisor', 'viewer', 'admin'].map(async (u) => [u, await t.token(u)])),
  );
  ({ id, code, pin } = await submitForScreening(t, tokens.dispatcher!, { ...validSubmission, contact: { phone: '13812345678', consent: true } }));
});
afterAll(async () => t?.stop());

const act = (who: string, action: string, json: unknown = {}) =>
  t.api(`/api/staff/suggestions/${id}/${action}`, { method: 'POST', token: tokens[who], json, lang: 'en' });
const citizen = (path: string, json: unknown) =>
  t.api(`/api/suggestions/${code}/${path}`, { method: 'POST', json, headers: { 'x-tracking-pin': pin }, lang: 'en' });

describe('handling a suggestion', () => {
  it('offers each role exactly its actions', async () => {
    const d = await t.api(`/api/staff/suggestions/${id}`, { token: tokens.dispatcher });
    expect(d.body.availableActions).toEqual(['screen']);
    const v = await t.api(`/api/staff/suggestions/${id}`, { token: tokens.viewer });
    expect(v.body.availableActions).toEqual([]);
  });

  it('refuses a handler action before assignment (403) and bad screening input (400)', async () => {
    expect((await act('viewer', 'screen', { decision: 'reject', reason: 'x' })).status).toBe(403);
    const bad = await act('dispatcher', 'screen', { decision: 'assign', category: 'traffic', tier: 'deadline', leadDepartmentId: 'nowhere' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ leadDepartmentId: 'Lead department: no such department' });
  });

  it('assigns, and the lead department signs; others are refused', async () => {
    const assigned = await act('dispatcher', 'screen', { decision: 'assign', category: 'traffic', tier: 'deadline', leadDepartmentId: 'transport', cohandlerDepartmentIds: ['urban-mgmt'] });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', leadDepartmentId: 'transport', tier: 'deadline', cohandlerDepartmentIds: ['urban-mgmt'] });
    const again = await act('dispatcher', 'screen', { decision: 'reject', reason: 'late' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('A suggestion in status "assigned" does not allow "screen"');
    const cohandler = await act('handler-urban', 'sign');
    expect(cohandler.status).toBe(403);

    // Two clicks at once: exactly one wins, the other is told it moved on.
    const [a, b] = await Promise.all([act('handler-transport', 'sign'), act('handler-transport', 'sign')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const signed = a.status === 200 ? a.body : b.body;
    expect(signed.status).toBe('signed');
    expect(new Date(signed.dueAt).getTime()).toBeGreaterThan(Date.now() + 10 * 86_400_000);
    expect(signed.availableActions).toEqual(['reply', 'requestInfo', 'requestExtension', 'progressNote', 'sendBack']);
  });

  it('pauses the clock for an information request and moves the deadline when answered', async () => {
    const before = (await t.api(`/api/staff/suggestions/${id}`, { token: tokens.dispatcher })).body.dueAt;
    const asked = await act('handler-transport', 'requestInfo', { question: '请提供具体站台名称' });
    expect(asked.body.status).toBe('infoRequested');
    const view = await t.api(`/api/suggestions/${code}`, { headers: { 'x-tracking-pin': pin } });
    expect(view.body.infoRequest.question).toBe('请提供具体站台名称');
    const wrongPin = await t.api(`/api/suggestions/${code}/info-answer`, { method: 'POST', json: { answer: 'x' }, headers: { 'x-tracking-pin': pin === '000000' ? '111111' : '000000' } });
    expect(wrongPin.status).toBe(404);
    const answered = await citizen('info-answer', { answer: '人民路与解放路口站' });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('signed');
    const after = (await t.api(`/api/staff/suggestions/${id}`, { token: tokens.dispatcher })).body;
    expect(after.infoRequest.answer).toBe('人民路与解放路口站');
    expect(new Date(after.dueAt).getTime()).toBeGreaterThanOrEqual(new Date(before).getTime());
  });

  it('moves the deadline when a dispatcher approves an extension', async () => {
    const before = (await t.api(`/api/staff/suggestions/${id}`, { token: tokens.dispatcher })).body.dueAt;
    const requested = await act('handler-transport', 'requestExtension', { workingDays: 5, reason: '需协调公交公司' });
    expect(requested.body.pendingExtension).toMatchObject({ workingDays: 5 });
    expect((await act('handler-transport', 'decideExtension', { approve: true })).status).toBe(403);
    const approved = await act('dispatcher', 'decideExtension', { approve: true });
    expect(approved.status).toBe(200);
    expect(approved.body.pendingExtension).toBeUndefined();
    const days = (new Date(approved.body.dueAt).getTime() - new Date(before).getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(5);
  });

  it('replies; a dissatisfied citizen reopens it once, the second time it goes to the supervisor', async () => {
    const replied = await act('handler-transport', 'reply', { text: '已协调公交公司加装遮阳棚。', adopted: true });
    expect(replied.body.status).toBe('replied');
    const view = await t.api(`/api/suggestions/${code}`, { headers: { 'x-tracking-pin': pin } });
    expect(view.body).toMatchObject({ canRate: true, reply: { text: '已协调公交公司加装遮阳棚。' } });
    const badRating = await citizen('rating', { rating: 'meh' });
    expect(badRating.status).toBe(400);
    // Both questions are asked: how satisfied, and whether the problem was solved.
    const unanswered = await citizen('rating', { rating: 'satisfied' });
    expect(unanswered.status).toBe(400);
    expect(Object.keys(unanswered.body.error.fields)).toEqual(['resolution']);
    const reopened = await citizen('rating', { rating: 'dissatisfied', resolution: 'no', comment: '还没装' });
    expect(reopened.body.status).toBe('reopened');
    expect((await act('handler-transport', 'sign')).body.status).toBe('signed');
    expect((await act('handler-transport', 'reply', { text: '已安装完毕。' })).body.status).toBe('replied');
    const closed = await citizen('rating', { rating: 'dissatisfied', resolution: 'partly' });
    expect(closed.body.status).toBe('closed');
    const detail = await t.api(`/api/staff/suggestions/${id}`, { token: tokens.dispatcher });
    expect(detail.body.rating).toMatchObject({ rating: 'dissatisfied', resolution: 'partly' });
    const board = await t.api('/api/staff/escalations', { token: tokens.supervisor });
    const record = board.body.escalations.find((e: { suggestionId: string }) => e.suggestionId === id);
    expect(record).toMatchObject({ reason: 'dissatisfiedTwice', status: 'closed', trackingCode: code });
    const citizenView = await t.api(`/api/suggestions/${code}`, { headers: { 'x-tracking-pin': pin } });
    expect(citizenView.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submit', 'beginScreening', 'assign', 'sign', 'requestInfo', 'answerInfo', 'reply', 'reopen', 'sign', 'reply', 'rate',
    ]);
  });

  it('tells the citizen about the reply and the information request', async () => {
    const outbox = await eventually(async () => {
      const o = await t.api('/api/local/outbox');
      const mine = o.body.messages.filter((m: { suggestionId: string; to: string }) => m.suggestionId === id && m.to === '13812345678');
      return mine.length >= 4 ? mine : undefined;
    });
    expect(new Set(outbox.map((m: { event: string }) => m.event))).toEqual(new Set(['receipt', 'infoRequest', 'reply']));
  });

  it('lets a supervisor instruct on a 督办 record, and keeps reply templates', async () => {
    const tpl = await t.api('/api/staff/reply-templates', { method: 'POST', token: tokens['handler-transport'], json: { title: '已采纳', text: '感谢您的建议，已采纳。' } });
    expect(tpl.status).toBe(201);
    const list = await t.api('/api/staff/reply-templates', { token: tokens.dispatcher });
    expect(list.body.templates.map((x: { title: string }) => x.title)).toContain('已采纳');
    const calendar = await t.api('/api/staff/calendar-overrides', { method: 'PUT', token: tokens.admin, json: { overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] } });
    expect(calendar.status).toBe(200);
    expect(calendar.body.officialYears).toContain(2026);
    const forbidden = await t.api('/api/staff/calendar-overrides', { method: 'PUT', token: tokens.dispatcher, json: { overrides: [] } });
    expect(forbidden.status).toBe(403);
  });

  it("keeps the organisation's time limits (admin), validated", async () => {
    const saved = await t.api('/api/staff/time-limits', { method: 'PUT', token: tokens.admin, json: { limits: { screening: { amount: 2, unit: 'workingDays' }, tiers: { deadline: { amount: 10, unit: 'workingDays' } } } } });
    expect(saved.status).toBe(200);
    expect(saved.body.effective.screening).toEqual({ amount: 2, unit: 'workingDays' });
    expect(saved.body.effective.tiers.immediate).toEqual({ amount: 3, unit: 'workingDays' });
    const bad = await t.api('/api/staff/time-limits', { method: 'PUT', token: tokens.admin, json: { limits: { sign: { amount: 0, unit: 'workingDays' } } }, lang: 'en' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['limits.sign.amount']);
    expect((await t.api('/api/staff/time-limits', { method: 'PUT', token: tokens.dispatcher, json: { limits: {} } })).status).toBe(403);
  });

  it('lists failed notifications for admins only', async () => {
    const list = await t.api('/api/staff/notifications/failed', { token: tokens.admin });
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body.items)).toBe(true);
    expect((await t.api('/api/staff/notifications/failed', { token: tokens.dispatcher })).status).toBe(403);
    expect((await t.api('/api/staff/notifications/failed/nope/retry', { method: 'POST', token: tokens.admin })).status).toBe(404);
  });

  it('masks failed notifications’ recipients; an admin reveals one, audited; others are refused', async () => {
    const failed = new DynamoFailedNotifications(t.stack.documents, t.stack.tableName);
    const record = failedNotificationRecord(
      { idempotencyKey: `${id}#reply#email#li.si@example.org#1`, event: 'reply', suggestionId: id, orgId: 'demo', channel: 'email', to: 'li.si@example.org', locale: 'zh-CN', params: { title: '加装遮阳棚', trackingCode: code, rateUrl: 'http://127.0.0.1/#/rate' } },
      5,
      'Email address is not verified: li.si@example.org',
      new Date(),
    );
    await failed.put(record);
    const path = `/api/staff/notifications/failed/${record.id}`;

    const list = await t.api('/api/staff/notifications/failed', { token: tokens.admin });
    const listed = list.body.items.find((i: { id: string }) => i.id === record.id);
    expect(listed).toMatchObject({ to: 'l***@example.org', lastError: 'Email address is not verified: l***@example.org' });
    expect(JSON.stringify(list.body)).not.toContain('li.si@');

    const refused = await t.api(`${path}/recipient-reveal`, { method: 'POST', token: tokens.dispatcher, lang: 'en' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await t.api('/api/staff/notifications/failed/nope/recipient-reveal', { method: 'POST', token: tokens.admin })).status).toBe(404);

    const revealed = await t.api(`${path}/recipient-reveal`, { method: 'POST', token: tokens.admin });
    expect([revealed.status, revealed.body]).toEqual([200, { id: record.id, to: 'li.si@example.org' }]);
    const audit = await t.api('/api/staff/audit?limit=200', { token: tokens.admin });
    const reveals = audit.body.entries.filter((e: { action: string }) => e.action === 'revealRecipient');
    expect(reveals).toEqual([expect.objectContaining({ actor: { id: 'admin', role: 'admin' }, target: id, detail: `reply email (failed notification ${record.id})` })]);
    expect(JSON.stringify(audit.body)).not.toContain('li.si@');

    // The retry's answer (what the page confirms) is masked too.
    const retried = await t.api(`${path}/retry`, { method: 'POST', token: tokens.admin });
    expect([retried.status, retried.body.to]).toEqual([202, 'l***@example.org']);
  });

  it("keeps a campaign's own time limits (admin or organizer) and applies them to its suggestions", async () => {
    const path = '/api/staff/campaigns/xiance-2026/time-limits';
    const before = await t.api(path, { token: tokens.dispatcher });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ campaignId: 'xiance-2026', overrides: {} });
    // What the campaign inherits is the organisation's (set above: screening 2 working days).
    expect(before.body.inherited.screening).toEqual({ amount: 2, unit: 'workingDays' });

    const organizer = await t.token('organizer');
    expect((await t.api('/api/staff/time-limits', { token: organizer })).status).toBe(200);
    expect((await t.api('/api/staff/time-limits', { method: 'PUT', token: organizer, json: { limits: {} } })).status).toBe(403);
    const saved = await t.api(path, { method: 'PUT', token: organizer, json: { limits: { screening: { amount: 5, unit: 'workingDays' } } } });
    expect(saved.status).toBe(200);
    expect(saved.body.effective.screening).toEqual({ amount: 5, unit: 'workingDays' });
    expect(saved.body.effective.tiers.deadline).toEqual({ amount: 10, unit: 'workingDays' });
    expect((await t.api(path, { method: 'PUT', token: tokens.dispatcher, json: { limits: {} } })).status).toBe(403);
    const bad = await t.api(path, { method: 'PUT', token: organizer, json: { limits: { reminders: { half: 2 } } }, lang: 'en' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['limits.reminders.half']);
    const badId = await t.api('/api/staff/campaigns/Not%20An%20Id/time-limits', { token: organizer, lang: 'en' });
    expect(badId.status).toBe(400);
    expect(Object.keys(badId.body.error.fields)).toEqual(['campaignId']);

    await openCampaign(t, 'xiance-2026'); // its time limits were set before the campaign itself: both kept
    const plain = await t.api('/api/suggestions', { method: 'POST', json: validSubmission });
    const campaign = await t.api('/api/suggestions', { method: 'POST', json: { ...validSubmission, campaignId: 'xiance-2026' } });
    const days = (new Date(campaign.body.dueAt).getTime() - new Date(plain.body.dueAt).getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(3);
    const audit = await t.api('/api/staff/audit?limit=200', { token: tokens.admin });
    expect(audit.body.entries).toContainEqual(expect.objectContaining({ action: 'saveCampaignTimeLimits', target: 'xiance-2026', actor: { id: 'organizer', role: 'organizer' } }));
  });

  it('writes to the citizen in the language they submitted in', async () => {
    const item = await submitForScreening(
      t,
      tokens.dispatcher!,
      { ...validSubmission, title: 'Shade for the bus stop', contact: { email: 'visitor@example.com', consent: true } },
      'en',
    );
    const on = (action: string, who: string, json: unknown = {}) => t.api(`/api/staff/suggestions/${item.id}/${action}`, { method: 'POST', token: tokens[who], json });
    expect((await on('screen', 'dispatcher', { decision: 'assign', category: 'traffic', tier: 'immediate', leadDepartmentId: 'transport' })).status).toBe(200);
    expect((await on('sign', 'handler-transport')).status).toBe(200);
    expect((await on('requestInfo', 'handler-transport', { question: '请提供具体站台名称' })).status).toBe(200);
    const messages = await eventually(async () => {
      const o = await t.api('/api/local/outbox');
      const mine = o.body.messages.filter((m: { to: string }) => m.to === 'visitor@example.com');
      return mine.some((m: { event: string }) => m.event === 'infoRequest') ? mine : undefined;
    });
    const info = messages.find((m: { event: string }) => m.event === 'infoRequest');
    expect(info.subject).toBe('Please tell us more about your suggestion');
    expect(messages.find((m: { event: string }) => m.event === 'receipt').subject).toBe('We received your suggestion');
  });
});

describe('a progress note (阶段性进展)', () => {
  it('is posted by the lead department while handling, shown to the citizen, and told them by SMS and email', async () => {
    const item = await submitForScreening(t, tokens.dispatcher!, { ...validSubmission, title: '老旧小区加装电梯', contact: { phone: '13900001111', email: 'study@example.com', consent: true } });
    const on = (who: string, action: string, json: unknown = {}) =>
      t.api(`/api/staff/suggestions/${item.id}/${action}`, { method: 'POST', token: tokens[who], json, lang: 'en' });
    expect((await on('dispatcher', 'screen', { decision: 'assign', category: 'traffic', tier: 'study', leadDepartmentId: 'transport', cohandlerDepartmentIds: ['urban-mgmt'] })).status).toBe(200);
    // Not before the department has signed for it.
    expect((await on('handler-transport', 'progressNote', { text: '已开始调研' })).status).toBe(409);
    const signed = await on('handler-transport', 'sign');
    expect(signed.body.availableActions).toContain('progressNote');
    const cohandlerView = await t.api(`/api/staff/suggestions/${item.id}`, { token: tokens['handler-urban'] });
    expect(cohandlerView.body.availableActions).not.toContain('progressNote');

    expect((await on('handler-urban', 'progressNote', { text: '协办部门不能填报' })).status).toBe(403);
    expect((await on('dispatcher', 'progressNote', { text: '调度员不能填报' })).status).toBe(403);
    const empty = await on('handler-transport', 'progressNote', { text: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual({ text: 'Text: required' });

    const note = '已完成现场勘查，正在与住建部门论证加装方案。';
    const posted = await on('handler-transport', 'progressNote', { text: note });
    expect(posted.status).toBe(200);
    expect(posted.body.status).toBe('signed');
    expect(posted.body.timeline.at(-1)).toMatchObject({ action: 'progressNote', visibility: 'public', note, actor: { departmentId: 'transport' } });

    const view = await t.api(`/api/suggestions/${item.code}`, { headers: { 'x-tracking-pin': item.pin } });
    expect(view.body.timeline.at(-1)).toMatchObject({ action: 'progressNote', status: 'signed', note });

    const told = await eventually(async () => {
      const o = await t.api('/api/local/outbox');
      const mine = o.body.messages.filter((m: { suggestionId: string; event: string }) => m.suggestionId === item.id && m.event === 'progressNote');
      return mine.length >= 2 ? mine : undefined;
    });
    expect(told.map((m: { to: string }) => m.to).sort()).toEqual(['13900001111', 'study@example.com']);
    for (const m of told) {
      expect(m.body).toContain(`/#/track?code=${item.code}`);
      // The note itself is read with the tracking code and PIN, never sent in the clear.
      expect(m.body).not.toContain(note);
    }

    // While the citizen is asked for more, there is nothing to report.
    expect((await on('handler-transport', 'requestInfo', { question: '请补充小区名称' })).status).toBe(200);
    expect((await on('handler-transport', 'progressNote', { text: '再次填报' })).status).toBe(409);
  });
});
