/**
 * Staff cannot widen their own access: the token proves who they are, the stored profile says what they may do.
 * A token whose groups and custom attributes claim more (another role, organisation or department — what a user
 * could write to a mutable custom attribute) gets exactly the profile's scope; a token for a person without a
 * profile gets 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, submitForScreening, type TestStack } from './harness';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ seed: true });
});
afterAll(async () => t?.stop());

const widened = { 'cognito:groups': ['admin'], 'custom:org': 'other-org', 'custom:department': 'urban-mgmt' };

describe('authorization comes from the stored profile', () => {
  it('a handler whose token claims admin, another organisation and another department acts as the handler it is', async () => {
    const token = await t.token('handler-transport', { claims: widened });
    const me = await t.api('/api/staff/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'handler-transport', role: 'handler', orgId: 'demo', departmentId: 'transport' });

    // Admin-only pages stay closed.
    expect((await t.api('/api/staff/people', { token })).status).toBe(403);
    expect((await t.api('/api/staff/audit', { token })).status).toBe(403);
    // The claimed department's queue stays closed; its own is open.
    expect((await t.api('/api/staff/suggestions?departmentId=urban-mgmt', { token })).status).toBe(403);
    const own = await t.api('/api/staff/suggestions?limit=100', { token });
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((i: { leadDepartmentId?: string }) => i.leadDepartmentId === 'transport')).toBe(true);
  });

  it('a viewer whose token claims the dispatcher group cannot screen', async () => {
    const dispatcher = await t.token('dispatcher');
    const { id } = await submitForScreening(t, dispatcher);
    const viewer = await t.token('viewer', { claims: { 'cognito:groups': ['dispatcher'] } });
    const r = await t.api(`/api/staff/suggestions/${id}/screen`, { method: 'POST', token: viewer, json: { decision: 'reject', reason: '重复' } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
  });

  it('an admin whose token names another organisation still sees only its own', async () => {
    const token = await t.token('admin', { claims: { 'custom:org': 'other-org' } });
    const me = await t.api('/api/staff/me', { token });
    expect(me.body).toMatchObject({ username: 'admin', role: 'admin', orgId: 'demo' });
  });

  it('a validly signed token for someone with no staff profile is refused with 403 on every staff route', async () => {
    const token = await t.token('ghost', { claims: { 'cognito:groups': ['admin'], 'custom:org': 'demo', name: '无档案' } });
    for (const path of ['/api/staff/me', '/api/staff/suggestions', '/api/staff/people', '/api/staff/audit']) {
      const r = await t.api(path, { token });
      expect(r.status, path).toBe(403);
      expect(r.body.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('管理员') });
    }
  });
});
