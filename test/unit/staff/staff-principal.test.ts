import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError } from '../../../shared/domain/errors';
import type { StaffProfile } from '../../../shared/http/api-types';
import { createPrincipalResolver } from '../../../shared/use-cases/staff-principal';

function directory(profiles: Record<string, StaffProfile | undefined>) {
  const reads: string[] = [];
  return {
    reads,
    staffAccount: async (username: string) => {
      reads.push(username);
      return profiles[username];
    },
  };
}

describe('the principal behind a staff token', () => {
  it('is the stored profile: organisation, role and department come from it, never from the token', async () => {
    const dir = directory({ 'liu.yang': { username: 'liu.yang', name: '刘洋', role: 'handler', orgId: 'demo', departmentId: 'water', email: 'l@example.org' } });
    await expect(createPrincipalResolver(dir)({ username: 'liu.yang' })).resolves.toEqual({
      username: 'liu.yang',
      name: '刘洋',
      role: 'handler',
      orgId: 'demo',
      departmentId: 'water',
    });
  });

  it('refuses a person without a profile (403) and a disabled account (401)', async () => {
    const dir = directory({ 'liu.yang': { username: 'liu.yang', name: '刘洋', role: 'handler', orgId: 'demo', active: false } });
    const resolve = createPrincipalResolver(dir);
    await expect(resolve({ username: 'liu.yang' })).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(resolve({ username: 'liu.yang' })).rejects.toMatchObject({ status: 401, messageKey: 'error.accountDisabled' });
    await expect(resolve({ username: 'first.admin' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resolve({ username: 'first.admin' })).rejects.toMatchObject({ status: 403, messageKey: 'error.noStaffProfile' });
  });

  it('reads each token\'s person at most once a minute per container, so a role change applies within a minute', async () => {
    let now = 0;
    const profiles: Record<string, StaffProfile> = { 'liu.yang': { username: 'liu.yang', name: '刘洋', role: 'handler', orgId: 'demo', departmentId: 'water' } };
    const dir = directory(profiles);
    const resolve = createPrincipalResolver(dir, () => now);
    await resolve({ username: 'liu.yang' });
    now = 59_000;
    profiles['liu.yang'] = { username: 'liu.yang', name: '刘洋', role: 'dispatcher', orgId: 'demo' };
    expect((await resolve({ username: 'liu.yang' })).role).toBe('handler'); // still the remembered profile
    expect(dir.reads).toHaveLength(1);
    now = 60_000;
    expect(await resolve({ username: 'liu.yang' })).toEqual({ username: 'liu.yang', name: '刘洋', role: 'dispatcher', orgId: 'demo' });
    expect(dir.reads).toHaveLength(2);
    // A new sign-in (another token) reads the profile afresh at once.
    profiles['liu.yang'] = { username: 'liu.yang', name: '刘洋', role: 'viewer', orgId: 'demo' };
    expect((await resolve({ username: 'liu.yang', tokenId: 'second-sign-in' })).role).toBe('viewer');
  });

  it('does not remember a failed read', async () => {
    let fail = true;
    const resolve = createPrincipalResolver({
      staffAccount: async () => {
        if (fail) throw new Error('throttled');
        return { username: 'a', name: 'A', role: 'viewer', orgId: 'demo' };
      },
    });
    await expect(resolve({ username: 'a' })).rejects.toThrow('throttled');
    fail = false;
    await expect(resolve({ username: 'a' })).resolves.toMatchObject({ role: 'viewer' });
  });
});
