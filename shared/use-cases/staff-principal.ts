/**
 * Who may do what. The token proves who a person is; their stored staff profile says in which organisation, role
 * and department they act, and whether the account is still active. Claims in the token are never used for a
 * decision: a token whose groups or custom attributes disagree with the profile gets the profile's scope, and a
 * token of someone without a profile is refused (403).
 *
 * Each container remembers the profile read for a token for 60 s, so a busy handler costs two reads a minute; a
 * role change applies at the next sign-in (a new token is read afresh) and within a minute for sessions already
 * open, and a disabled account is refused within a minute even though its token is valid for an hour.
 */
import { ForbiddenError, UnauthorizedError } from '../domain/errors';
import type { StaffIdentity, StaffPrincipal } from '../domain/staff/principal';
import type { StaffProfile } from '../domain/staff/staff';
import type { Directory } from '../ports';

const ttlMs = 60_000;
/** A container serves a few hundred staff at most; past this many tokens, expired answers are dropped. */
const maxRemembered = 1000;

function forgetExpired(seen: Map<string, { at: number }>, at: number): void {
  for (const [key, hit] of seen) if (at - hit.at >= ttlMs) seen.delete(key);
}

export function principalOf(profile: StaffProfile): StaffPrincipal {
  return {
    username: profile.username,
    name: profile.name,
    role: profile.role,
    orgId: profile.orgId,
    ...(profile.role === 'handler' && profile.departmentId ? { departmentId: profile.departmentId } : {}),
  };
}

export function createPrincipalResolver(directory: Required<Pick<Directory, 'staffAccount'>>, now: () => number = Date.now) {
  const seen = new Map<string, { at: number; profile: Promise<StaffProfile | undefined> }>();
  return async function resolvePrincipal(identity: StaffIdentity): Promise<StaffPrincipal> {
    const key = `${identity.username}#${identity.tokenId ?? ''}`;
    let hit = seen.get(key);
    if (!hit || now() - hit.at >= ttlMs) {
      if (seen.size >= maxRemembered) forgetExpired(seen, now());
      const profile = directory.staffAccount(identity.username);
      hit = { at: now(), profile };
      seen.set(key, hit);
      // A failed read is not remembered: the next request asks again.
      profile.catch(() => seen.delete(key));
    }
    const profile = await hit.profile;
    if (!profile) throw new ForbiddenError('error.noStaffProfile');
    if (profile.active === false) throw new UnauthorizedError('error.accountDisabled');
    return principalOf(profile);
  };
}
