/**
 * Every kind of bad input gets a JSON error naming the problem — and nothing is written on any of them.
 */
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, validSubmission, type TestStack } from './harness';

let t: TestStack;
let before: string[];
let urbanSuggestionId: string;

beforeAll(async () => {
  t = await startTestStack({ seed: true, resume: false });
  const dispatcher = await t.token('dispatcher');
  const queue = await t.api('/api/staff/suggestions?departmentId=urban-mgmt&limit=1', { token: dispatcher });
  urbanSuggestionId = queue.body.items[0].id;
  before = await t.settle();
});
afterAll(async () => t?.stop());

async function expectNothingWritten(): Promise<void> {
  // Rate-limit counters are the lookup's own bookkeeping, not data; everything else must be untouched.
  expect((await t.snapshot()).filter((k) => !k.startsWith('RATE#'))).toEqual(before.filter((k) => !k.startsWith('RATE#')));
}

describe('bad input on intake', () => {
  it('malformed JSON → 400', async () => {
    const r = await t.api('/api/suggestions', { method: 'POST', body: '{"title": ', headers: { 'content-type': 'application/json' }, lang: 'en' });
    expect(r.status).toBe(400);
    expect(r.body.error).toEqual({ code: 'malformed_json', message: 'The request body is not valid JSON' });
    await expectNothingWritten();
  });

  it('wrong types → 400 naming each field', async () => {
    const r = await t.api('/api/suggestions', { method: 'POST', json: { ...validSubmission, title: 7, contact: { phone: 138, consent: 'yes' } } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.fields).toMatchObject({ title: '标题：类型应为string', 'contact.phone': '手机号：类型应为string', 'contact.consent': '同意联系：类型应为boolean' });
    await expectNothingWritten();
  });

  it('missing fields → 400 naming each as required', async () => {
    const r = await t.api('/api/suggestions', { method: 'POST', json: { title: '只有标题' }, lang: 'en' });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual({ content: 'Suggestion: required', category: 'Category: required', channel: 'Channel: required' });
    await expectNothingWritten();
  });

  it('content over 5,000 characters → 400 naming the limit', async () => {
    const r = await t.api('/api/suggestions', { method: 'POST', json: { ...validSubmission, content: '议'.repeat(5001) } });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual({ content: '建议内容：最多 5000 个字' });
    await expectNothingWritten();
  });

  it('oversize body → 413', async () => {
    const r = await t.api('/api/suggestions', { method: 'POST', json: { ...validSubmission, content: 'x'.repeat(200_000) }, lang: 'en' });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload_too_large');
    const huge = await t.api('/api/suggestions', { method: 'POST', body: 'x'.repeat(11 * 1024 * 1024), headers: { 'content-type': 'application/json' } });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    await expectNothingWritten();
  });

  it('unknown route → 404, wrong method → 405', async () => {
    const missing = await t.api('/api/nothing-here', { lang: 'en' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 'route_not_found', message: 'No such endpoint: /api/nothing-here' });
    const wrong = await t.api('/api/suggestions', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(wrong.body.error.code).toBe('method_not_allowed');
    await expectNothingWritten();
  });
});

describe('bad credentials on staff routes', () => {
  // API Gateway's JWT authorizer answers these before any function runs (emulated locally, as on AWS):
  // 401, a JSON body, and WWW-Authenticate naming the problem. The handlers verify the token again themselves.
  function expectAuthorizerRefusal(r: { status: number; headers: Headers; body: any }, problem: RegExp): void {
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ message: 'Unauthorized' });
    expect(r.headers.get('www-authenticate')).toMatch(problem);
  }

  it('missing token → 401', async () => {
    expectAuthorizerRefusal(await t.api('/api/staff/suggestions', { lang: 'en' }), /error_description="the token is missing"/);
  });

  it('expired and forged tokens → 401', async () => {
    const real = await t.token('dispatcher');
    const [header, payload, signature] = real.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const kid = JSON.parse(Buffer.from(header!, 'base64url').toString()).kid;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admin'] })).toString('base64url')}.${signature}`;
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(other.privateKey);
    for (const token of [tampered, forged, 'not-a-jwt']) {
      expectAuthorizerRefusal(await t.api('/api/staff/suggestions', { token }), /error="invalid_token" error_description="the token is invalid"/);
    }
    // Signed with the real key, only its expiry is wrong.
    const expired = await t.token('dispatcher', { expiresAt: Math.floor(Date.now() / 1000) - 60 });
    expectAuthorizerRefusal(await t.api('/api/staff/suggestions', { token: expired }), /error_description="the token has expired"/);
  });

  it('wrong role → 403', async () => {
    const viewer = await t.token('viewer');
    const r = await t.api(`/api/staff/suggestions/${urbanSuggestionId}/contact-reveal`, { method: 'POST', token: viewer, lang: 'en' });
    expect(r.status).toBe(403);
    expect(r.body.error).toEqual({ code: 'forbidden', message: 'Your role (viewer) may not do this' });
    const audit = await t.api('/api/staff/audit', { token: viewer });
    expect(audit.status).toBe(403);
    await expectNothingWritten();
  });

  it('wrong department → 403', async () => {
    const transport = await t.token('handler-transport');
    const detail = await t.api(`/api/staff/suggestions/${urbanSuggestionId}`, { token: transport });
    expect(detail.status).toBe(403);
    expect(detail.body.error.message).toBe('该建议不属于您所在的部门');
    const queue = await t.api('/api/staff/suggestions?departmentId=urban-mgmt', { token: transport });
    expect(queue.status).toBe(403);
    await expectNothingWritten();
  });

  it('bad filters → 400 naming the field', async () => {
    const dispatcher = await t.token('dispatcher');
    const r = await t.api('/api/staff/suggestions?status=flying&from=yesterday&limit=1000', { token: dispatcher, lang: 'en' });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.fields).sort()).toEqual(['from', 'limit', 'status']);
    const cursor = await t.api('/api/staff/suggestions?cursor=eyJwayI6Ik9SRyNvdGhlciJ9', { token: dispatcher });
    expect(cursor.status).toBe(400);
    expect(Object.keys(cursor.body.error.fields)).toEqual(['cursor']);
  });
});
