/**
 * Abuse of public intake: a flood from one address is refused with 429 without slowing other citizens; receipts
 * are capped per phone number (the suggestion is still accepted, the receipt page is told); a filled honeypot is
 * refused by name with nothing written; the viewer address cannot be forged by the client; a request that goes
 * around the edge (straight to the function, as to the execute-api endpoint) is refused.
 * Clients are told apart by their source address: Linux answers on all of 127.0.0.0/8, so each simulated
 * citizen binds its own loopback address.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeLimits } from '../../shared/domain/intake/intake-limits';
import { eventually, startTestStack, validSubmission, type TestStack } from './harness';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ seed: false });
});
afterAll(async () => t?.stop());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  ms: number;
}

/** POST /api/suggestions from a given local address, as a separate client would. */
function submitFrom(localAddress: string, json: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL('/api/suggestions', t.url);
  const payload = JSON.stringify(json);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('public intake under abuse', () => {
  it('refuses a flood from one address with 429 and Retry-After, and other citizens are served as before', async () => {
    const flooder = '127.0.0.2';
    const citizen = '127.0.0.3';
    // The flooder's first minute: what one address may send is accepted, the rest refused.
    const opening: Answer[] = [];
    for (let i = 0; i < 25; i++) opening.push(await submitFrom(flooder, { ...validSubmission, title: `洪水 ${i}` }));
    const accepted = opening.filter((r) => r.status === 201).length;
    // 20 a minute per address (a fixed window that turns over mid-way may let one more minute's worth through).
    expect(accepted).toBeGreaterThanOrEqual(20);
    expect(opening.slice(-3).every((r) => r.status === 429)).toBe(true);
    const refused = opening.find((r) => r.status === 429)!;
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('秒后再试') });
    await t.settle(800);

    const baseline: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await submitFrom(citizen, { ...validSubmission, title: `基线 ${i}` });
      expect(r.status).toBe(201);
      baseline.push(r.ms);
    }
    await t.settle(800);

    // Then the flood proper: 300 more, 12 at a time, each forging another viewer address, which the edge replaces.
    const flood: Answer[] = [];
    let sent = 0;
    const floodDone = Promise.all(
      Array.from({ length: 12 }, async () => {
        while (sent < 300) {
          const n = sent++;
          flood.push(await submitFrom(flooder, { ...validSubmission, title: `洪水 ${n}` }, { 'cloudfront-viewer-address': `198.51.100.${n % 250}:1234` }));
        }
      }),
    );
    // Meanwhile another citizen (a neighbour on another address) submits as many as the baseline did.
    const neighbour = '127.0.0.6';
    const during: Answer[] = [];
    while (during.length < baseline.length && sent < 300) during.push(await submitFrom(neighbour, { ...validSubmission, title: `洪水期间 ${during.length}` }));
    await floodDone;

    // All refused — but for one more minute's worth if the fixed window turned over during the test.
    expect(flood.filter((r) => r.status !== 429).length).toBeLessThanOrEqual(intakeLimits.perAddressMinute.limit);
    expect(flood.filter((r) => r.status !== 429 && r.status !== 201)).toEqual([]);
    // The other citizen was never refused, and not slowed beyond the machine's own noise.
    expect(during.length).toBeGreaterThan(3);
    expect(during.every((r) => r.status === 201)).toBe(true);
    const [before, whileFlooded] = [median(baseline), median(during.map((r) => r.ms))];
    console.log(
      `intake p50 of another citizen: ${before.toFixed(0)} ms before, ${whileFlooded.toFixed(0)} ms during a flood of ${flood.length} ` +
        `from one address (refused in ${median(flood.map((r) => r.ms)).toFixed(0)} ms p50)`,
    );
    expect(whileFlooded).toBeLessThan(Math.max(3 * before, before + 500));
  });

  it('caps receipts per phone number a day: the suggestion is accepted, the receipt withheld and the citizen told', async () => {
    const phone = '13700001111';
    const answers: Answer[] = [];
    for (let i = 0; i < 5; i++) answers.push(await submitFrom('127.0.0.4', { ...validSubmission, title: `回执 ${i}`, contact: { phone, consent: true } }));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(answers.map((a) => a.body.receiptSent)).toEqual([true, true, true, false, false]);
    expect(answers[3]!.body.receiptsWithheld).toEqual(['sms']);
    expect(answers[0]!.body.receiptsWithheld).toBeUndefined();

    const toPhone = await eventually(async () => {
      const messages = (await t.api('/api/local/outbox')).body.messages.filter((m: { to: string }) => m.to === phone);
      return messages.length >= 3 ? messages : undefined;
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await t.api('/api/local/outbox')).body.messages.filter((m: { to: string }) => m.to === phone)).toHaveLength(toPhone.length);
    expect(toPhone).toHaveLength(3);
    // Every one of them is stored and trackable.
    for (const a of answers) expect((await t.api(`/api/suggestions/${a.body.trackingCode}`, { headers: { 'x-tracking-pin': a.body.pin } })).status).toBe(200);
    // The receipt counters do not hold the number readable.
    const counters = (await t.snapshot()).filter((k) => k.startsWith('RATE#receipt#'));
    expect(counters.length).toBeGreaterThan(0);
    expect(counters.some((k) => k.includes(phone) || k.includes(phone.slice(-8)))).toBe(false);
  });

  it('refuses a filled honeypot by name, in the citizen\'s language, and writes nothing', async () => {
    const before = await t.settle(500);
    const r = await submitFrom('127.0.0.5', { ...validSubmission, website: 'http://cheap-pills.example' }, { 'accept-language': 'en' });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual({ website: expect.stringContaining('must be left empty') });
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses a request that went around the edge (no origin secret), whatever it claims', async () => {
    const event = {
      version: '2.0',
      routeKey: 'POST /api/suggestions',
      rawPath: '/api/suggestions',
      rawQueryString: '',
      headers: { 'content-type': 'application/json', 'cloudfront-viewer-address': '203.0.113.1:1', 'x-jianyi-origin': 'guess' },
      body: JSON.stringify(validSubmission),
      isBase64Encoded: false,
      requestContext: { http: { method: 'POST', path: '/api/suggestions', sourceIp: '203.0.113.1' }, routeKey: 'POST /api/suggestions', stage: '$default' },
    };
    const intake = t.stack.app.functions.find((fn) => fn.logicalId.startsWith('PublicSuggestions'))!;
    const outcome = await t.stack.invoke(intake.id, event);
    expect(outcome.ok).toBe(true);
    const result = (outcome as { result: { statusCode: number; body: string } }).result;
    expect(result.statusCode).toBe(403);
    expect(JSON.parse(result.body).error.code).toBe('forbidden');
  });
});
