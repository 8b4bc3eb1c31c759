/**
 * Verifies staff ID tokens. Cognito and the local dev identity provider issue tokens with the same claims and
 * publish their keys at `<issuer>/.well-known/jwks.json`, so one verification path serves both.
 *
 * A token proves WHO someone is — its signed, non-editable username — and nothing else: organisation, role and
 * department come from the stored staff profile (shared/use-cases/staff-principal.ts). Group and custom-attribute
 * claims may be stale (a role changed since sign-in) or, for custom attributes, written by the user themself.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { UnauthorizedError } from '../domain/errors';
import { claimNames, type StaffIdentity } from '../domain/staff/principal';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Defaults to the issuer's JWKS endpoint. */
  keys?: JWTVerifyGetKey;
}

/** Cognito usernames as this project creates them (directory-entries.ts), with room for Cognito's own ids. */
const usernamePattern = /^[A-Za-z0-9._@+-]{1,128}$/;

export function identityFromClaims(claims: JWTPayload): StaffIdentity {
  const username = claims[claimNames.username];
  if (typeof username !== 'string' || !usernamePattern.test(username)) throw new UnauthorizedError('error.tokenInvalid');
  const tokenId = typeof claims.jti === 'string' ? claims.jti : typeof claims.iat === 'number' ? String(claims.iat) : undefined;
  return { username, ...(tokenId ? { tokenId } : {}) };
}

export function createTokenVerifier(options: TokenVerifierOptions) {
  const keys = options.keys ?? createRemoteJWKSet(new URL(`${options.issuer.replace(/\/$/, '')}/.well-known/jwks.json`));
  return async function verify(authorization: string | undefined): Promise<StaffIdentity> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new UnauthorizedError('error.tokenMissing');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1]!, keys, { issuer: options.issuer, audience: options.audience, algorithms: ['RS256'] }));
    } catch {
      throw new UnauthorizedError('error.tokenInvalid', undefined);
    }
    // Access tokens carry no audience in the same shape; only ID tokens are accepted.
    if (payload.token_use !== 'id') throw new UnauthorizedError('error.tokenInvalid');
    return identityFromClaims(payload);
  };
}
