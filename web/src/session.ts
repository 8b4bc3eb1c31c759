/**
 * The staff session: the id token lives in sessionStorage (gone when the tab closes, never shared between
 * tabs) with its expiry, so an expired token sends the person to sign-in before a request fails.
 */
import type { StaffMe } from '../../shared/http/api-types';

const tokenKey = 'jianyi.staff.token';

interface StoredToken {
  idToken: string;
  expiresAt: number;
}

function read(): StoredToken | undefined {
  try {
    const raw = sessionStorage.getItem(tokenKey);
    return raw ? (JSON.parse(raw) as StoredToken) : undefined;
  } catch {
    return undefined;
  }
}

export function saveToken(idToken: string, expiresInSeconds: number): void {
  const stored: StoredToken = { idToken, expiresAt: Date.now() + expiresInSeconds * 1000 };
  sessionStorage.setItem(tokenKey, JSON.stringify(stored));
  cachedMe = undefined;
}

/** The token if present and not expired (with a minute's margin for clock skew and slow requests). */
export function readToken(): string | undefined {
  const stored = read();
  if (!stored || stored.expiresAt - 60_000 < Date.now()) return undefined;
  return stored.idToken;
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(tokenKey);
  } catch {
    // Nothing stored.
  }
  cachedMe = undefined;
}

let cachedMe: StaffMe | undefined;
/** GET /api/staff/me is asked once per sign-in; pages share the answer. */
export function rememberMe(me: StaffMe): void {
  cachedMe = me;
}
export function knownMe(): StaffMe | undefined {
  return cachedMe;
}
