import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../../shared/domain/errors';
import type { StaffPrincipal } from '../../../shared/domain/staff/principal';
import { requireStaff } from '../../../shared/http/require-staff';
import { apiEvent } from './api-event';
import { middlewareRequest } from './middleware-request';

const principal = { username: 'd1', role: 'dispatcher', orgId: 'demo', name: 'D' } as unknown as StaffPrincipal;

describe('the staff middleware', () => {
  it('puts the staff member the Authorization header names on the context', async () => {
    const seen: Array<string | undefined> = [];
    const request = middlewareRequest(apiEvent('GET', '/x', { headers: { authorization: 'Bearer t' } }));
    await requireStaff(async (authorization) => {
      seen.push(authorization);
      return principal;
    }).before!(request);
    expect(seen).toEqual(['Bearer t']);
    expect(request.context.principal).toBe(principal);
  });

  it('lets the authenticator’s refusal through, with no principal set', async () => {
    const request = middlewareRequest();
    await expect(
      requireStaff(async () => {
        throw new UnauthorizedError('error.tokenMissing');
      }).before!(request),
    ).rejects.toBeInstanceOf(UnauthorizedError);
    expect(request.context.principal).toBeUndefined();
  });
});
