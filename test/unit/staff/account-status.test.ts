import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../../shared/domain/errors';
import type { StaffPrincipal } from '../../../shared/domain/staff/principal';
import type { StaffProfile } from '../../../shared/http/api-types';
import { createAccountCheck } from '../../../shared/use-cases/account-status';

const principal: StaffPrincipal = { username: 'liu.yang', name: '刘洋', role: 'handler', orgId: 'demo', departmentId: 'water' };

function directory(profiles: Record<string, StaffProfile | undefined>) {
  const reads: string[] = [];
  return {
    reads,
    staffMember: async (orgId: string, username: string) => {
      reads.push(`${orgId}#${username}`);
      return profiles[username];
    },
  };
}

describe('the active-account check after the token', () => {
  it('lets an active person and a person without a profile through, refuses a disabled one with 401', async () => {
    const dir = directory({
      'liu.yang': { username: 'liu.yang', name: '刘洋', role: 'handler', orgId: 'demo', active: false },
      'zhang.wei': { username: 'zhang.wei', name: '张伟', role: 'handler', orgId: 'demo' },
    });
    const check = createAccountCheck(dir);
    await expect(check(principal)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(check(principal)).rejects.toMatchObject({ status: 401, messageKey: 'error.accountDisabled' });
    await expect(check({ ...principal, username: 'zhang.wei' })).resolves.toBeUndefined();
    await expect(check({ ...principal, username: 'first.admin' })).resolves.toBeUndefined();
  });

  it('reads each person at most once a minute per container', async () => {
    let now = 0;
    const profiles: Record<string, StaffProfile> = { 'liu.yang': { username: 'liu.yang', name: '刘洋', role: 'handler', orgId: 'demo' } };
    const dir = directory(profiles);
    const check = createAccountCheck(dir, () => now);
    await check(principal);
    now = 59_000;
    profiles['liu.yang'] = { ...profiles['liu.yang']!, active: false };
    await check(principal); // still the remembered answer
    expect(dir.reads).toHaveLength(1);
    now = 60_000;
    await expect(check(principal)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(dir.reads).toHaveLength(2);
  });
});
