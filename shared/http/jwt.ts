/**
 * Verifies staff ID tokens. Cognito and the local dev identity provider issue tokens with the same claims and
 * publish their keys at `<issuer>/.well-known/jwks.json`, so one verification path serves both.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { UnauthorizedError } from '../domain/errors';
import { claimNames, staffRoles, type StaffPrincipal } from '../domain/staff/principal';
import type { StaffRole } from './api-types';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Defaults to the issuer's JWKS endpoint. */
  keys?: JWTVerifyGetKey;
}

export function principalFromClaims(claims: JWTPayload): StaffPrincipal {
  const groups = claims[claimNames.groups];
  const role = (Array.isArray(groups) ? groups : []).find((g): g is StaffRole => staffRoles.includes(g as StaffRole));
  const username = claims[claimNames.username];
  const orgId = claims[claimNames.org];
  if (!role || typeof username !== 'string' || typeof orgId !== 'string') throw new UnauthorizedError('error.tokenInvalid');
  const department = claims[claimNames.department];
  const name = claims[claimNames.name];
  return {
    username,
    name: typeof name === 'string' ? name : username,
    role,
    orgId,
    ...(typeof department === 'string' && department ? { departmentId: department } : {}),
  };
}

export function createTokenVerifier(options: TokenVerifierOptions) {
  const keys = options.keys ?? createRemoteJWKSet(new URL(`${options.issuer.replace(/\/$/, '')}/.well-known/jwks.json`));
  return async function verify(authorization: string | undefined): Promise<StaffPrincipal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new UnauthorizedError('error.tokenMissing');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1]!, keys, { issuer: options.issuer, audience: options.audience, algorithms: ['RS256'] }));
    } catch (error) {
      throw new UnauthorizedError('error.tokenInvalid', undefined);
    }
    // Access tokens carry no audience/groups in the same shape; only ID tokens are accepted.
    if (payload.token_use !== 'id') throw new UnauthorizedError('error.tokenInvalid');
    return principalFromClaims(payload);
  };
}
