/**
 * The HTTP API's JWT authorizer, emulated: API Gateway checks the token before the function runs (issuer,
 * audience or client_id, expiry, signature against the issuer's keys) and answers 401 itself. Locally the issuer
 * is the dev identity provider, whose keys are at `<issuer>/.well-known/jwks.json` as Cognito's are.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { LocalRoute } from './cdk-template';

export type AuthorizerOutcome =
  | { readonly ok: true; readonly context: { jwt: { claims: Record<string, string>; scopes: string[] | null } } }
  | { readonly ok: false; readonly statusCode: 401 | 403; readonly body: { message: string }; readonly headers: Record<string, string> };

/** API Gateway hands claims to the function as strings; arrays become `[a b]` (as `cognito:groups` arrives). */
export function stringifyClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    claims[name] = Array.isArray(value) ? `[${value.map(String).join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return claims;
}

const unauthorized = (description: string): AuthorizerOutcome => ({
  ok: false,
  statusCode: 401,
  body: { message: 'Unauthorized' },
  headers: { 'www-authenticate': `Bearer scope="" error="invalid_token" error_description="${description}"` },
});

export function createJwtAuthorizer(): (route: LocalRoute, headers: Readonly<Record<string, string>>) => Promise<AuthorizerOutcome> {
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const keysOf = (issuer: string) => {
    let keys = keySets.get(issuer);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(`${issuer.replace(/\/$/, '')}/.well-known/jwks.json`));
      keySets.set(issuer, keys);
    }
    return keys;
  };

  return async (route, headers) => {
    const config = route.jwtAuthorizer;
    if (!config) return { ok: true, context: { jwt: { claims: {}, scopes: null } } };
    // Identity sources are `$request.header.<Name>`; the value may carry a `Bearer ` prefix.
    const source = config.identitySource[0] ?? '$request.header.Authorization';
    const headerName = source.replace(/^\$request\.header\./i, '').toLowerCase();
    const raw = headers[headerName];
    if (!raw) return unauthorized('the token is missing');
    const token = raw.replace(/^Bearer\s+/i, '').trim();

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keysOf(config.issuer), { issuer: config.issuer, clockTolerance: 5 }));
    } catch (error) {
      // API Gateway's own wording; an expired token is told apart (the signature was checked first).
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      return unauthorized(expired ? 'the token has expired' : 'the token is invalid');
    }
    // API Gateway accepts a token whose `aud` or, failing that, `client_id` is one of the configured audiences.
    const audiences = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : undefined;
    const accepted = audiences.length ? audiences.some((aud) => config.audience.includes(aud)) : clientId !== undefined && config.audience.includes(clientId);
    if (!accepted) return unauthorized('the token does not have a valid audience');

    const scopeClaim = typeof payload.scope === 'string' ? payload.scope : typeof payload.scp === 'string' ? payload.scp : undefined;
    const scopes = scopeClaim ? scopeClaim.split(' ').filter(Boolean) : null;
    if (route.authorizationScopes?.length && !route.authorizationScopes.some((scope) => scopes?.includes(scope))) {
      return { ok: false, statusCode: 403, body: { message: 'Forbidden' }, headers: {} };
    }
    return { ok: true, context: { jwt: { claims: stringifyClaims(payload), scopes } } };
  };
}
