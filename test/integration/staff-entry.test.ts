/**
 * 代录 (issue 12): a staff member enters a citizen's suggestion from the hotline or offline. The suggestion records
 * who entered it and from where, its first timeline entry is the staff member's, the entry is audited in the same
 * transaction, and the receipt carries a PIN — derived by the notifier from the key the request names, so it is
 * the PIN that opens the tracking page, and it is nowhere in the table but the local outbox's copy of the SMS.
 */
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/model/table';
import { eventually, startTestStack, type TestStack } from './harness';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ seedWorkflows: 'new' });
});
afterAll(async () => t?.stop());

const call = {
  channel: 'hotline',
  place: '12345 来电 #A-0001',
  title: '路口红绿灯时间太短',
  content: '人民路与解放路路口行人绿灯只有十五秒，老人过不去马路，建议延长。',
  category: 'traffic',
  contact: { name: '张先生', phone: '13912340001', consent: true },
};

async function allItems(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.stack.documents.send(new ScanCommand({ TableName: t.stack.tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function idOf(code: string): Promise<string> {
  const { Item } = await t.stack.documents.send(new GetCommand({ TableName: t.stack.tableName, Key: keys.trackingCode(code) }));
  return String(Item?.suggestionId);
}

type OutboxMessage = { suggestionId: string; event: string; to: string; body: string };
const outbox = async () => (await t.api('/api/local/outbox')).body.messages as OutboxMessage[];

describe('staff entry (代录)', () => {
  it('creates the suggestion with its source, a staff timeline entry, an audit record and a receipt carrying the PIN that opens tracking', async () => {
    const operator = await t.token('operator');
    const key = `entry-${Date.now()}-a`;
    const receivedAt = new Date(Date.now() - 10 * 60_000).toISOString();
    const first = await t.api('/api/staff/entries', { method: 'POST', token: operator, json: { ...call, receivedAt }, headers: { 'idempotency-key': key } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.trackingCode).toMatch(/\w/);
    expect(first.body.pin).toMatch(/^\d{6}$/);
    expect(first.body.receiptSent).toBe(true);
    expect(first.body.submittedAt).toBe(receivedAt);
    expect(first.body.dueAt).toBeTruthy();

    // A double click: the same key answers the same receipt (and PIN) and creates nothing more.
    const again = await t.api('/api/staff/entries', { method: 'POST', token: operator, json: { ...call, receivedAt }, headers: { 'idempotency-key': key } });
    expect(again.status).toBe(200);
    expect(again.body.trackingCode).toBe(first.body.trackingCode);
    expect(again.body.pin).toBe(first.body.pin);

    const id = await idOf(first.body.trackingCode);
    const dispatcher = await t.token('dispatcher');
    const detail = await t.api(`/api/staff/suggestions/${id}`, { token: dispatcher });
    expect(detail.status).toBe(200);
    expect(detail.body.channel).toBe('hotline');
    expect(detail.body.source).toMatchObject({ enteredBy: { id: 'operator', name: '热线接线员 陈晨' }, place: '12345 来电 #A-0001' });
    const submit = detail.body.timeline.find((e: { action: string }) => e.action === 'submit');
    expect(submit.actor).toMatchObject({ type: 'staff', id: 'operator' });
    expect(submit.note).toContain('热线接线员 陈晨');

    // Audited in the create transaction.
    const audits = (await allItems()).filter((i) => i.type === 'audit' && i.action === 'enterSuggestion');
    expect(audits).toHaveLength(1);
    expect(audits[0]!.target).toBe(`suggestion:${id}`);

    // The receipt is rendered with the PIN the operator read out, and that PIN opens tracking.
    const receipt = await eventually(async () => (await outbox()).find((m) => m.suggestionId === id && m.event === 'receipt'));
    expect(receipt.to).toBe('13912340001');
    expect(receipt.body).toContain(`查询码 ${first.body.trackingCode}`);
    expect(receipt.body).toContain(`查询密码 ${first.body.pin}`);
    const track = await t.api(`/api/suggestions/${first.body.trackingCode}`, { headers: { 'x-tracking-pin': first.body.pin } });
    expect(track.status).toBe(200);
    // The citizen's view says staff entered it, not who.
    expect(JSON.stringify(track.body)).not.toContain('陈晨');
    expect(track.body.timeline[0]).toMatchObject({ action: 'submit', enteredByStaff: true });

    // The PIN is at rest nowhere but the local outbox's copy of the SMS (on AWS the SMS leaves for the provider).
    await t.settle(800);
    for (const item of await allItems()) {
      if (item.type === 'outbox') continue;
      expect(JSON.stringify(item), `${item.pk} ${item.sk} holds the PIN`).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${first.body.pin}(?![0-9A-Za-z])`));
    }
  });

  it('takes offline entries naming their kind, in English too', async () => {
    const admin = await t.token('admin');
    const r = await t.api('/api/staff/entries', {
      method: 'POST',
      token: admin,
      lang: 'en',
      json: { ...call, channel: 'offline', offlineKind: 'box', place: '人民广场意见箱', contact: { phone: '13912340002', consent: true } },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = await idOf(r.body.trackingCode);
    const receipt = await eventually(async () => (await outbox()).find((m) => m.suggestionId === id && m.event === 'receipt'));
    expect(receipt.body).toContain(`PIN ${r.body.pin}`);
  });

  it('is refused to a handler (403) and to a citizen without a token (401)', async () => {
    const handler = await t.token('handler-transport');
    expect((await t.api('/api/staff/entries', { method: 'POST', token: handler, json: call })).status).toBe(403);
    expect((await t.api('/api/staff/entries', { method: 'POST', json: call })).status).toBe(401);
  });

  it('answers bad input with 400 naming the field', async () => {
    const operator = await t.token('operator');
    const post = (json: unknown) => t.api('/api/staff/entries', { method: 'POST', token: operator, json });
    const offline = await post({ ...call, channel: 'offline' });
    expect(offline.status).toBe(400);
    expect(offline.body.error.fields.offlineKind).toBeTruthy();
    const web = await post({ ...call, channel: 'web' });
    expect(web.status).toBe(400);
    expect(web.body.error.fields.channel).toBeTruthy();
    const future = await post({ ...call, receivedAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(future.status).toBe(400);
    expect(future.body.error.fields.receivedAt).toBeTruthy();
    const noTitle = await post({ ...call, title: '' });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.fields.title).toBeTruthy();
    const noConsent = await post({ ...call, contact: { phone: '13912340003', consent: false } });
    expect(noConsent.status).toBe(400);
    expect(JSON.stringify(noConsent.body.error.fields)).toContain('consent');
  });
});
