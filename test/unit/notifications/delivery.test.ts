import { describe, expect, it } from 'vitest';
import { notBefore, retryDelaySeconds } from '../../../shared/domain/notifications/delivery';
import { failedNotificationId } from '../../../shared/domain/notifications/failed';
import { handleNotificationBatch, handleNotificationMessage } from '../../../shared/use-cases/deliver-notification';
import { notifierDeps, received, request } from './fakes';

describe('retry backoff', () => {
  it('doubles from 30 s per failed receive and stops at 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });
});

describe('quiet hours', () => {
  it('holds an SMS from 22:00 to 08:00 Shanghai time and lets email go at any time', () => {
    const at = (iso: string) => new Date(iso);
    expect(notBefore(request(), at('2026-05-06T14:00:00Z'))?.toISOString()).toBe('2026-05-07T00:00:00.000Z'); // 22:00 → 08:00
    expect(notBefore(request(), at('2026-05-06T19:30:00Z'))?.toISOString()).toBe('2026-05-07T00:00:00.000Z'); // 03:30 → 08:00
    expect(notBefore(request(), at('2026-05-06T13:59:59Z'))).toBeUndefined(); // 21:59:59
    expect(notBefore(request(), at('2026-05-07T00:00:00Z'))).toBeUndefined(); // 08:00
    expect(notBefore(request({ channel: 'email', to: 'a@example.com' }), at('2026-05-06T16:00:00Z'))).toBeUndefined();
  });

  it('applies other quiet hours when given, including ones that wrap midnight differently', () => {
    const at = (iso: string) => new Date(iso);
    const evening = { from: '20:00', to: '09:00' };
    // 21:00 Shanghai: the default lets it go, 20:00–09:00 holds it until 09:00 next morning.
    expect(notBefore(request(), at('2026-05-06T13:00:00Z'))).toBeUndefined();
    expect(notBefore(request(), at('2026-05-06T13:00:00Z'), evening)?.toISOString()).toBe('2026-05-07T01:00:00.000Z');
    // 08:30: past the default's end, still inside 20:00–09:00.
    expect(notBefore(request(), at('2026-05-07T00:30:00Z'))).toBeUndefined();
    expect(notBefore(request(), at('2026-05-07T00:30:00Z'), evening)?.toISOString()).toBe('2026-05-07T01:00:00.000Z');
    // A lunchtime rule that does not wrap midnight.
    expect(notBefore(request(), at('2026-05-06T04:30:00Z'), { from: '12:00', to: '14:00' })?.toISOString()).toBe('2026-05-06T06:00:00.000Z');
    expect(notBefore(request({ channel: 'email', to: 'a@example.com' }), at('2026-05-06T13:00:00Z'), evening)).toBeUndefined();
  });

  it('asks for the quiet hours of the message\'s own organisation and campaign, only for an SMS', async () => {
    const asked: unknown[] = [];
    const { deps, retries, provider, clock } = notifierDeps({
      smsQuietHours: async (m) => (asked.push([m.orgId, m.campaignId]), m.orgId === 'night-owls' ? { from: '20:00', to: '09:00' } : { from: '22:00', to: '08:00' }),
    });
    clock.set('2026-05-06T13:00:00Z'); // 21:00 in Shanghai
    expect((await handleNotificationMessage(deps, received(request({ orgId: 'demo' }), 1, 'a'))).outcome).toBe('sent');
    const owl = request({ orgId: 'night-owls', campaignId: 'xiance', idempotencyKey: 's2#receipt#sms#13800138000#0', suggestionId: 's2' });
    expect((await handleNotificationMessage(deps, received(owl, 1, 'b'))).outcome).toBe('deferred');
    expect(retries.requeued[0]!.message).toMatchObject({ orgId: 'night-owls', deliverAfter: '2026-05-07T01:00:00.000Z' });
    await handleNotificationMessage(deps, received(request({ channel: 'email', to: 'a@example.com', idempotencyKey: 's1#receipt#email#a@example.com#0' }), 1, 'c'));
    expect(asked).toEqual([['demo', undefined], ['night-owls', 'xiance']]);
    expect(provider.sent).toHaveLength(2);
  });

  it('keeps a message on the queue when its quiet hours cannot be read (it is tried again, never sent early)', async () => {
    const { deps, provider } = notifierDeps({ smsQuietHours: async () => Promise.reject(new Error('table unavailable')) });
    expect(await handleNotificationBatch(deps, [received(request())])).toEqual({ keep: ['m1'], outcomes: ['retry'] });
    expect(provider.sent).toHaveLength(0);
  });

  it('defers a quiet-hours SMS as a fresh delayed copy carrying deliverAfter, without failing the message', async () => {
    const { deps, retries, provider, clock } = notifierDeps();
    clock.set('2026-05-06T15:00:00Z'); // 23:00 in Shanghai
    const result = await handleNotificationMessage(deps, received(request(), 2));
    expect(result).toEqual({ outcome: 'deferred', keep: false });
    expect(provider.sent).toHaveLength(0);
    expect(retries.visibility).toHaveLength(0);
    expect(retries.requeued).toEqual([
      { message: { ...request(), deliverAfter: '2026-05-07T00:00:00.000Z', priorAttempts: 1 }, delaySeconds: 900 },
    ]);
  });

  it('hops until deliverAfter, the last hop just long enough, then delivers once', async () => {
    const { deps, retries, provider, clock } = notifierDeps();
    const deferred = { ...request(), deliverAfter: '2026-05-07T00:00:00.000Z' };
    clock.set('2026-05-06T23:50:00Z'); // 07:50
    expect((await handleNotificationMessage(deps, received(deferred))).outcome).toBe('deferred');
    expect(retries.requeued[0]!.delaySeconds).toBe(600);
    clock.set('2026-05-07T00:00:01Z');
    expect((await handleNotificationMessage(deps, received(deferred))).outcome).toBe('sent');
    expect(provider.sent).toHaveLength(1);
  });

  it('sends email during quiet hours', async () => {
    const { deps, provider, clock } = notifierDeps();
    clock.set('2026-05-06T15:00:00Z');
    const email = request({ channel: 'email', to: 'a@example.com', idempotencyKey: 's1#receipt#email#a@example.com#0' });
    expect(await handleNotificationMessage(deps, received(email))).toEqual({ outcome: 'sent', keep: false });
    expect(provider.sent[0]!.message.subject).toBe('【建议征集】已收到您的建议');
  });

  it('with the outbox (annotate), writes a quiet-hours SMS at once, stamped with when it would go', async () => {
    const { deps, provider, retries, clock } = notifierDeps({ quietHours: 'annotate' });
    clock.set('2026-05-06T15:00:00Z');
    expect((await handleNotificationMessage(deps, received(request()))).outcome).toBe('sent');
    expect(retries.requeued).toHaveLength(0);
    expect((provider.sent[0]!.request as { deliverAfter?: string }).deliverAfter).toBe('2026-05-07T00:00:00.000Z');
  });
});

describe('retries, idempotency and failed notifications', () => {
  it('keeps a failed message with backoff and releases the claim so the retry can send it', async () => {
    const { deps, ledger, retries, provider } = notifierDeps();
    provider.down = true;
    for (const count of [1, 2, 3]) {
      expect(await handleNotificationMessage(deps, received(request(), count))).toEqual({ outcome: 'retry', keep: true });
    }
    expect(retries.visibility.map((v) => v.seconds)).toEqual([30, 60, 120]);
    expect(retries.visibility[2]!.receiptHandle).toBe('rh-m1-3');
    expect(ledger.states.size).toBe(0);
  });

  it('loses nothing while the provider is down and delivers exactly once when it recovers', async () => {
    const { deps, provider, failed } = notifierDeps();
    provider.down = true;
    await handleNotificationMessage(deps, received(request(), 1));
    await handleNotificationMessage(deps, received(request(), 2));
    provider.down = false;
    expect((await handleNotificationMessage(deps, received(request(), 3))).outcome).toBe('sent');
    // The same message delivered again (a lost delete, a duplicate enqueue) sends nothing more.
    expect((await handleNotificationMessage(deps, received(request(), 4))).outcome).toBe('duplicate');
    expect((await handleNotificationMessage(deps, received(request(), 1, 'copy'))).outcome).toBe('duplicate');
    expect(provider.sent).toHaveLength(1);
    expect(failed.records.size).toBe(0);
  });

  it('keys idempotency on suggestion, event, recipient and checkpoint: another checkpoint is another message', async () => {
    const { deps, provider } = notifierDeps();
    const half = request({ event: 'reminder', idempotencyKey: 's1#reminder#sms#13800138000#half@2026-05-01', params: { checkpoint: 'half' } });
    const eighty = { ...half, idempotencyKey: 's1#reminder#sms#13800138000#eightyPercent@2026-05-04', params: { checkpoint: 'eightyPercent' } };
    await handleNotificationBatch(deps, [received(half, 1, 'a'), received(half, 1, 'b'), received(eighty, 1, 'c')]);
    expect(provider.sent.map((s) => s.request.idempotencyKey).sort()).toEqual([half.idempotencyKey, eighty.idempotencyKey].sort());
  });

  it('on the last receive, records the failure for the admin and leaves the message for the DLQ', async () => {
    const { deps, provider, failed, retries, clock } = notifierDeps();
    provider.down = true;
    const result = await handleNotificationMessage(deps, received({ ...request(), priorAttempts: 1 }, 5));
    expect(result).toEqual({ outcome: 'failed', keep: true });
    expect(retries.visibility.map((v) => v.seconds)).toEqual([480]); // then SQS moves it to the DLQ
    const record = failed.records.get(failedNotificationId(request().idempotencyKey));
    expect(record).toEqual({
      id: failedNotificationId(request().idempotencyKey),
      orgId: 'demo',
      failedAt: clock.now().toISOString(),
      event: 'receipt',
      channel: 'sms',
      to: '13800138000',
      suggestionId: 's1',
      attempts: 6,
      lastError: 'provider unavailable (503)',
      request: request(),
    });
  });

  it('reports only the failed messages of a batch', async () => {
    const { deps, provider } = notifierDeps();
    const failing = { ...provider, send: async (_m: unknown, r: { suggestionId?: string }) => { if (r.suggestionId === 'bad') throw new Error('no'); } };
    const { keep } = await handleNotificationBatch({ ...deps, provider: failing }, [
      received(request(), 1, 'ok'),
      received(request({ suggestionId: 'bad', idempotencyKey: 'bad#receipt#sms#1#0' }), 1, 'ko'),
      { messageId: 'junk', receiptHandle: 'rh', body: 'not json', receiveCount: 1 },
    ]);
    expect(keep.sort()).toEqual(['junk', 'ko']);
  });
});
