/**
 * Whether a signed-in person's account is still active. A token stays valid for its hour after an admin disables
 * the account; this check closes that window to about a minute: each container remembers the answer per person for
 * 60 s, so a busy handler costs one read a minute. A person without a profile (the first admin, set up by hand)
 * is not refused.
 */
import { UnauthorizedError } from '../domain/errors';
import type { StaffPrincipal } from '../domain/staff/principal';
import type { Directory } from '../ports';

const ttlMs = 60_000;

export function createAccountCheck(directory: Required<Pick<Directory, 'staffMember'>>, now: () => number = Date.now) {
  const seen = new Map<string, { at: number; active: Promise<boolean> }>();
  return async function requireActiveAccount(principal: StaffPrincipal): Promise<void> {
    const key = `${principal.orgId}#${principal.username}`;
    let hit = seen.get(key);
    if (!hit || now() - hit.at >= ttlMs) {
      const active = directory.staffMember(principal.orgId, principal.username).then((p) => p?.active !== false);
      hit = { at: now(), active };
      seen.set(key, hit);
      active.catch(() => seen.delete(key));
    }
    if (!(await hit.active)) throw new UnauthorizedError('error.accountDisabled');
  };
}
