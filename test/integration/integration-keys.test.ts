/**
 * An integration key's life through the real handlers on DynamoDB Local: an admin creates one (the key and the
 * webhook secret are in that answer only; the table holds the key's HMAC, never the key), audited with it; the
 * key submits under the integration's channel and follows only its own suggestions; use sets lastUsedAt; the
 * per-key rate limit answers 429 with Retry-After; a missing scope is 403; a revoked key is refused; only admins
 * manage integrations.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/model/table';
import { demoIntegrationKey } from '../../infra/local/seed-integrations';
import { startTestStack, validSubmission, type TestStack } from './harness';

let t: TestStack;
let admin: string;
let dispatcher: string;

beforeAll(async () => {
  t = await startTestStack();
  [admin, dispatcher] = await Promise.all([t.token('admin'), t.token('dispatcher')]);
}, 180_000);
afterAll(async () => t?.stop());

const submission = { title: validSubmission.title, content: validSubmission.content, category: validSubmission.category };

async function create(json: Record<string, unknown>) {
  const created = await t.api('/api/staff/integrations', { method: 'POST', token: admin, json });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { integration: { id: string; version: number; state: string; channel: string }; key: string; webhookSecret: string };
}

describe('an integration key', () => {
  it('is shown once, stored hashed, used (lastUsedAt), scoped, rate-limited and revoked', async () => {
    const { integration, key, webhookSecret } = await create({ name: '市民小程序', channel: 'miniapp', scopes: ['submit', 'status'], ratePerMinute: 5 });
    expect(key).toMatch(new RegExp(`^jy_${integration.id}_[A-Za-z0-9_-]{43}$`));
    expect(webhookSecret.length).toBeGreaterThanOrEqual(32);
    expect(integration).toMatchObject({ state: 'active', channel: 'miniapp', version: 1 });

    // Only the hash is at rest, and the list never shows the key again.
    const credential = (await t.stack.documents.send(new GetCommand({ TableName: t.stack.tableName, Key: keys.integrationKey(integration.id) }))).Item!;
    expect(credential.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(credential)).not.toContain(key.split('_')[2]);
    const listed = await t.api('/api/staff/integrations', { token: admin });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect(JSON.stringify(listed.body)).not.toContain(webhookSecret);
    expect(listed.body.integrations.find((i: { id: string }) => i.id === integration.id).lastUsedAt).toBeUndefined();

    // Submitting: the channel is the integration's whatever the body says; the caller's record id keys it.
    const submitted = await t.api('/api/integrations/v1/suggestions', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      json: { ...submission, channel: 'web', recordId: 'mp-0001' },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const code = submitted.body.trackingCode as string;
    const again = await t.api('/api/integrations/v1/suggestions', { method: 'POST', headers: { 'x-api-key': key }, json: { ...submission, recordId: 'mp-0001' } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ trackingCode: code, alreadyReceived: true });

    const status = await t.api(`/api/integrations/v1/suggestions/${code}`, { headers: { 'x-api-key': key } });
    expect(status.status, JSON.stringify(status.body)).toBe(200);
    expect(status.body.trackingCode).toBe(code);
    expect(JSON.stringify(status.body)).not.toContain('contact');

    const stored = (await t.stack.documents.send(new GetCommand({ TableName: t.stack.tableName, Key: keys.integration('demo', integration.id) }))).Item;
    const afterUse = await t.api('/api/staff/integrations', { token: admin });
    const used = afterUse.body.integrations.find((i: { id: string }) => i.id === integration.id);
    expect(used.lastUsedAt ?? stored?.lastUsedAt).toBeTruthy();

    // The fifth request this minute is the last allowed; the next is 429 with Retry-After.
    let limited: Awaited<ReturnType<TestStack['api']>> | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const r = await t.api(`/api/integrations/v1/suggestions/${code}`, { headers: { 'x-api-key': key } });
      if (r.status === 429) limited = r;
      else expect(r.status).toBe(200);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);

    // Revoked: refused from the next request on; the revocation is audited.
    const revoked = await t.api(`/api/staff/integrations/${integration.id}/revoke`, { method: 'POST', token: admin });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ state: 'revoked', version: 2 });
    const refused = await t.api('/api/integrations/v1/suggestions', { method: 'POST', headers: { 'x-api-key': key }, json: submission });
    expect(refused.status).toBe(403);
  });

  it('the seeded demo mini-program key submits under channel miniapp', async () => {
    const r = await t.api('/api/integrations/v1/suggestions', { method: 'POST', headers: { authorization: `Bearer ${demoIntegrationKey}` }, json: submission });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const status = await t.api(`/api/integrations/v1/suggestions/${r.body.trackingCode}`, { headers: { 'x-api-key': demoIntegrationKey } });
    expect(status.status).toBe(200);
  });

  it('refuses a missing, malformed or forged key (401) and a missing scope (403)', async () => {
    const { integration, key } = await create({ name: '城市 App（只读）', channel: 'miniapp', scopes: ['status'] });
    expect((await t.api('/api/integrations/v1/suggestions', { method: 'POST', json: submission })).status).toBe(401);
    expect((await t.api('/api/integrations/v1/suggestions', { method: 'POST', headers: { 'x-api-key': 'nonsense' }, json: submission })).status).toBe(401);
    const forged = `jy_${integration.id}_${'A'.repeat(43)}`;
    expect((await t.api('/api/integrations/v1/suggestions', { method: 'POST', headers: { 'x-api-key': forged }, json: submission })).status).toBe(401);
    const noScope = await t.api('/api/integrations/v1/suggestions', { method: 'POST', headers: { 'x-api-key': key }, json: submission });
    expect(noScope.status).toBe(403);
    // Another integration's suggestion, or none: 404 alike.
    expect((await t.api('/api/integrations/v1/suggestions/ABCDEFGH', { headers: { 'x-api-key': key } })).status).toBe(404);
  });

  it('is managed by admins only, edited on its version, with field errors and audit', async () => {
    const forbidden = await t.api('/api/staff/integrations', { method: 'POST', token: dispatcher, json: { name: 'x', channel: 'miniapp' } });
    expect(forbidden.status).toBe(403);
    const bad = await t.api('/api/staff/integrations', { method: 'POST', token: admin, lang: 'en', json: { name: '', channel: 'web', webhook: { url: 'http://example.com/hook' } } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['channel', 'name', 'webhook.url']);
    expect(bad.body.error.fields['webhook.url']).toBe('Webhook URL: must be an https URL (plain http only to this machine)');

    const { integration } = await create({ name: '12345 热线', channel: 'hotline' });
    const edited = await t.api(`/api/staff/integrations/${integration.id}`, {
      method: 'PUT',
      token: admin,
      json: { version: 1, name: '12345 热线系统', ratePerMinute: 120, webhook: { url: 'https://hotline.example.gov.cn/jianyi' } },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ name: '12345 热线系统', ratePerMinute: 120, version: 2, webhook: { url: 'https://hotline.example.gov.cn/jianyi' } });
    const stale = await t.api(`/api/staff/integrations/${integration.id}`, { method: 'PUT', token: admin, json: { version: 1, name: '旧' } });
    expect(stale.status).toBe(409);

    const audit = await t.api('/api/staff/audit', { token: admin });
    const actions = JSON.stringify(audit.body);
    expect(actions).toContain('createIntegration');
    expect(actions).toContain('updateIntegration');
  });
});
