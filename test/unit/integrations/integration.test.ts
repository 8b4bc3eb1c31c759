/** Integration keys: shape, hash, webhook secret and signature, edits, webhook URL rule. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  editIntegration,
  formatIntegrationKey,
  integrationChannels,
  integrationIdOfKey,
  integrationKeyHash,
  isAllowedWebhookUrl,
  keyMatches,
  lastUsedIsStale,
  newIntegrationSchema,
  revokeIntegration,
  webhookSecretOf,
  webhookSignature,
  type Integration,
} from '../../../shared/domain/integration/integration';

const secret = 's'.repeat(40);
const id = '01jf0000000000000000000000';

describe('an integration key', () => {
  it('names its integration and matches only its own hash', () => {
    const key = formatIntegrationKey(id, new Uint8Array(32).fill(7));
    expect(integrationIdOfKey(key)).toBe(id);
    expect(integrationIdOfKey('jy_short_x')).toBeUndefined();
    const hash = integrationKeyHash(secret, key);
    expect(keyMatches(secret, key, hash)).toBe(true);
    expect(keyMatches(secret, `${key.slice(0, -1)}A`, hash)).toBe(false);
    expect(keyMatches('t'.repeat(40), key, hash)).toBe(false);
  });

  it('derives a stable webhook secret and signs "<timestamp>.<body>"', () => {
    const w = webhookSecretOf(secret, 'demo', id);
    expect(w).toBe(webhookSecretOf(secret, 'demo', id));
    expect(w).not.toBe(webhookSecretOf(secret, 'demo', '01jf0000000000000000000001'));
    expect(webhookSignature(w, '1700000000', '{"a":1}')).toBe(`sha256=${createHmac('sha256', w).update('1700000000.{"a":1}').digest('hex')}`);
  });

  it('takes channels other than the public form and staff-only ones, and https webhooks', () => {
    expect(integrationChannels).toEqual(['miniapp', 'hotline', 'open311']);
    expect(isAllowedWebhookUrl('https://a.example/h')).toBe(true);
    expect(isAllowedWebhookUrl('http://127.0.0.1:3000/h')).toBe(true);
    expect(isAllowedWebhookUrl('http://a.example/h')).toBe(false);
    expect(newIntegrationSchema.parse({ name: 'x', channel: 'miniapp' })).toMatchObject({ scopes: ['submit', 'status'], ratePerMinute: 60 });
  });

  it('edits and revokes on a new version; lastUsedAt is stale after a minute', () => {
    const base: Integration = { orgId: 'demo', id, name: 'a', channel: 'miniapp', scopes: ['submit'], state: 'active', ratePerMinute: 60, webhook: { url: 'https://a.example/h' }, createdAt: 'x', createdBy: 'y', updatedAt: 'x', version: 1 };
    const edited = editIntegration(base, { version: 1, webhook: null, scopes: ['status', 'status'] }, 'z');
    expect(edited).toMatchObject({ version: 2, scopes: ['status'] });
    expect(edited.webhook).toBeUndefined();
    expect(revokeIntegration(base, 'z', 'admin')).toMatchObject({ state: 'revoked', revokedAt: 'z', version: 2 });
    expect(lastUsedIsStale(undefined, new Date())).toBe(true);
    expect(lastUsedIsStale('2026-12-01T00:00:00.000Z', new Date('2026-12-01T00:00:30.000Z'))).toBe(false);
    expect(lastUsedIsStale('2026-12-01T00:00:00.000Z', new Date('2026-12-01T00:01:00.000Z'))).toBe(true);
  });
});
