/**
 * The real workflow (synthesized definition, bundled functions) on a fast clock: one day passes per second, so
 * deadlines, escalation, the rating window and the auto-close happen within a test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, openCampaign, startTestStack, submitForScreening, validSubmission, type TestStack } from './harness';

const dayPerSecond = 86_400;
let t: TestStack;
let dispatcher: string;
let handler: string;

beforeAll(async () => {
  t = await startTestStack({ seed: true, timeScale: dayPerSecond });
  dispatcher = await t.token('dispatcher');
  handler = await t.token('handler-transport');
});
afterAll(async () => t?.stop());

const submitAndFind = () => submitForScreening(t, dispatcher, { ...validSubmission, contact: { email: 'citizen@example.com', consent: true } });

/**
 * A staff action as a person takes it on this clock: a day passes each second, so the workflow's own checkpoint
 * (an escalation, a reminder) may save the same suggestion a moment earlier. The product answers 409
 * concurrent_update and the person sends again; any other answer is returned as it is.
 */
async function act(id: string, who: string, action: string, json: unknown = {}) {
  for (let attempt = 1; ; attempt++) {
    const response = await t.api(`/api/staff/suggestions/${id}/${action}`, { method: 'POST', token: who, json });
    if (response.status !== 409 || response.body?.error?.code !== 'concurrent_update' || attempt === 5) return response;
  }
}

const timeline = async (id: string) => (await t.api(`/api/staff/suggestions/${id}`, { token: dispatcher })).body;

describe('the workflow on a fast clock', () => {
  it('escalates a screening deadline nobody met and then reminds daily', { timeout: 60_000 }, async () => {
    const { id } = await submitAndFind();
    const detail = await eventually(async () => {
      const d = await timeline(id);
      const reminders = d.timeline.filter((e: { action: string; note?: string }) => e.action === 'remind' && e.note?.startsWith('overdue day'));
      return d.timeline.some((e: { action: string }) => e.action === 'escalate') && reminders.length >= 1 ? d : undefined;
    }, 30_000);
    expect(detail.timeline.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(1);
    const board = await t.api('/api/staff/escalations', { token: await t.token('supervisor') });
    expect(board.body.escalations.some((e: { suggestionId: string; reason: string }) => e.suggestionId === id && e.reason === 'overdue')).toBe(true);
  });

  it('closes a replied suggestion as unrated when the rating window ends', async () => {
    const { id, code, pin } = await submitAndFind();
    expect((await act(id, dispatcher, 'screen', { decision: 'assign', category: 'traffic', tier: 'immediate', leadDepartmentId: 'transport' })).status).toBe(200);
    expect((await act(id, handler, 'sign')).status).toBe(200);
    const replied = await act(id, handler, 'reply', { text: '已处理。' });
    expect(replied.body.status).toBe('replied');
    const closed = await eventually(async () => {
      const d = await timeline(id);
      return d.status === 'closed' ? d : undefined;
    }, 30_000);
    const last = closed.timeline.at(-1);
    expect(last).toMatchObject({ action: 'autoClose', note: 'unrated', actor: { type: 'system' } });
    const citizen = await t.api(`/api/suggestions/${code}`, { headers: { 'x-tracking-pin': pin } });
    expect(citizen.body).toMatchObject({ status: 'closed', canRate: false });
  });

  it('sends a misrouted suggestion back to screening, and rejects and merges at screening', async () => {
    const first = await submitAndFind();
    await act(first.id, dispatcher, 'screen', { decision: 'assign', category: 'traffic', tier: 'deadline', leadDepartmentId: 'transport' });
    const back = await act(first.id, handler, 'sendBack', { reason: '应由城管局办理' });
    expect(back.body).toMatchObject({ status: 'screening' });
    expect(back.body.leadDepartmentId).toBeUndefined();
    const second = await submitAndFind();
    const merged = await act(second.id, dispatcher, 'screen', { decision: 'merge', masterTrackingCode: first.code });
    expect(merged.body.status).toBe('merged');
    const rejected = await act(first.id, dispatcher, 'screen', { decision: 'reject', reason: '不属于受理范围' });
    expect(rejected.body.status).toBe('rejected');
    // Finished suggestions end their workflow.
    const executions = await eventually(async () => {
      const d = await t.stack.stepFunctions.describeExecution(t.stack.stepFunctions.executionArn(t.stack.stateMachineArn!, second.id));
      return d?.status === 'SUCCEEDED' ? d : undefined;
    }, 15_000);
    expect(executions.status).toBe('SUCCEEDED');
  });

  it("reminds the lead department (not the co-handler) that a study-tier progress note is due, on the campaign's interval", { timeout: 60_000 }, async () => {
    // A campaign of its own: no container has its limits cached, so every function reads these.
    const campaignId = `notes-${Date.now().toString(36)}`;
    const limits = await t.api(`/api/staff/campaigns/${campaignId}/time-limits`, {
      method: 'PUT',
      token: await t.token('admin'),
      json: { limits: { tiers: { study: { amount: 8, unit: 'calendarDays' } }, studyProgressNoteEvery: { amount: 2, unit: 'calendarDays' } } },
    });
    expect(limits.status).toBe(200);
    await openCampaign(t, campaignId);
    const { id } = await submitForScreening(t, dispatcher, { ...validSubmission, campaignId, contact: { email: 'study@example.com', consent: true } });
    expect((await act(id, dispatcher, 'screen', { decision: 'assign', category: 'traffic', tier: 'study', leadDepartmentId: 'transport', cohandlerDepartmentIds: ['urban-mgmt'] })).status).toBe(200);
    expect((await act(id, handler, 'sign')).status).toBe(200);

    const reminded = await eventually(async () => {
      const d = await timeline(id);
      return d.timeline.some((e: { action: string; note?: string }) => e.action === 'remind' && e.note === 'progressNote') ? d : undefined;
    }, 30_000);
    expect(reminded.status).toBe('signed');
    const reminders = await eventually(async () => {
      const o = await t.api('/api/local/outbox');
      const mine = o.body.messages.filter((m: { suggestionId: string; event: string; body: string }) => m.suggestionId === id && m.event === 'reminder' && m.body.includes('阶段性办理进展'));
      return mine.length >= 2 ? mine : undefined;
    });
    expect(new Set(reminders.map((m: { to: string }) => m.to))).toEqual(new Set(['transport@demo.jianyi.local', '13800000002']));

    // The handler posts it; the citizen sees it on the track page.
    const posted = await act(id, handler, 'progressNote', { text: '已完成第一阶段调研。' });
    expect(posted.status).toBe(200);
    expect(posted.body.timeline.some((e: { action: string; visibility: string }) => e.action === 'progressNote' && e.visibility === 'public')).toBe(true);
  });
});
