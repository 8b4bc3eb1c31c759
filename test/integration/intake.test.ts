import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestStack, validSubmission, type TestStack } from './harness';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ seed: false });
});
afterAll(async () => t?.stop());

describe('citizen intake and tracking', () => {
  it('answers health', async () => {
    const r = await t.api('/api/health');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
  });

  it('accepts a suggestion, starts its workflow and sends a receipt', async () => {
    const r = await t.api('/api/suggestions', {
      method: 'POST',
      json: { ...validSubmission, location: { address: '人民路 1 号' }, contact: { name: '张三', phone: '13812345678', email: 'z@example.com', consent: true } },
    });
    expect(r.status).toBe(201);
    expect(r.body.trackingCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(r.body.pin).toMatch(/^\d{6}$/);
    expect(r.body).toMatchObject({ status: 'submitted', receiptSent: true });
    expect(new Date(r.body.dueAt).getTime()).toBeGreaterThan(Date.now());

    // The workflow moves it into screening (a public timeline step the citizen sees).
    const view = await eventually(async () => {
      const v = await t.api(`/api/suggestions/${r.body.trackingCode}`, { headers: { 'x-tracking-pin': r.body.pin } });
      return v.body.status === 'screening' ? v : undefined;
    });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ trackingCode: r.body.trackingCode, title: validSubmission.title, status: 'screening' });
    expect(view.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'beginScreening']);
    expect(JSON.stringify(view.body)).not.toContain('13812345678');

    // One receipt per channel given, in the outbox.
    const outbox = await eventually(async () => {
      const o = await t.api('/api/local/outbox');
      const mine = o.body.messages.filter((m: { body: string }) => m.body.includes(r.body.trackingCode));
      return mine.length === 2 ? mine : undefined;
    });
    expect(outbox.map((m: { channel: string }) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(outbox.find((m: { channel: string }) => m.channel === 'sms').to).toBe('13812345678');
  });

  it('replays the same receipt for a retried Idempotency-Key and writes nothing new', async () => {
    const headers = { 'idempotency-key': 'retry-test-0001' };
    const first = await t.api('/api/suggestions', { method: 'POST', json: validSubmission, headers });
    expect(first.status).toBe(201);
    const before = await t.snapshot();
    const again = await t.api('/api/suggestions', { method: 'POST', json: validSubmission, headers });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const after = await t.snapshot();
    // Same suggestions, tracking codes and idempotency records as before the retry (the first one's workflow may
    // still be adding its own timeline entries, so those are not compared).
    const created = (keys: string[]) => keys.filter((k) => / (SUG|TRACK|IDEM) /.test(k)).map((k) => k.replace(/ v\d*$/, ''));
    expect(created(after)).toEqual(created(before));

    const reused = await t.api('/api/suggestions', { method: 'POST', json: { ...validSubmission, title: '另一条' }, headers, lang: 'en' });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');

    const badKey = await t.api('/api/suggestions', { method: 'POST', json: validSubmission, headers: { 'idempotency-key': 'x' } });
    expect(badKey.status).toBe(400);
    expect(Object.keys(badKey.body.error.fields)).toEqual(['Idempotency-Key']);
  });

  it('answers a wrong PIN exactly like an unknown code', async () => {
    const r = await t.api('/api/suggestions', { method: 'POST', json: validSubmission });
    const wrongPin = r.body.pin === '000000' ? '111111' : '000000';
    const a = await t.api(`/api/suggestions/${r.body.trackingCode}`, { headers: { 'x-tracking-pin': wrongPin } });
    const b = await t.api('/api/suggestions/ZZZZZZZZ', { headers: { 'x-tracking-pin': wrongPin } });
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(a.body).toEqual(b.body);
    const lower = await t.api(`/api/suggestions/${r.body.trackingCode.toLowerCase()}`, { headers: { 'x-tracking-pin': r.body.pin } });
    expect(lower.status).toBe(200);
  });

  it('names malformed codes and PINs', async () => {
    const r = await t.api('/api/suggestions/ab', { lang: 'en' });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual({ trackingCode: 'Tracking code: the tracking code is 8 letters or digits', pin: 'PIN: required' });
  });

  it('rate-limits lookups of one code', async () => {
    const r = await t.api('/api/suggestions', { method: 'POST', json: validSubmission });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await t.api(`/api/suggestions/${r.body.trackingCode}`, { headers: { 'x-tracking-pin': '999999' } })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    const limited = await t.api(`/api/suggestions/${r.body.trackingCode}`, { headers: { 'x-tracking-pin': r.body.pin } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error.message).toMatch(/查询过于频繁/);
  });
});
