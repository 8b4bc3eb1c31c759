import { generateKeyPair, SignJWT, createLocalJWKSet, exportJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../../shared/domain/errors';
import { createTokenVerifier } from '../../../shared/http/jwt';

const issuer = 'http://127.0.0.1:9/idp';
const audience = 'jianyi-local';
let sign: (claims: Record<string, unknown>, opts?: { exp?: string; iss?: string; aud?: string }) => Promise<string>;
let verify: ReturnType<typeof createTokenVerifier>;
let forge: (claims: Record<string, unknown>) => Promise<string>;

const claims = { 'cognito:username': 'dispatcher', 'cognito:groups': ['dispatcher'], 'custom:org': 'demo', name: '李静', token_use: 'id' };

beforeAll(async () => {
  const real = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(real.publicKey)), kid: 'k1', alg: 'RS256' };
  verify = createTokenVerifier({ issuer, audience, keys: createLocalJWKSet({ keys: [jwk] }) });
  const build = (key: CryptoKey, c: Record<string, unknown>, o: { exp?: string; iss?: string; aud?: string } = {}) =>
    new SignJWT(c)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(o.iss ?? issuer)
      .setAudience(o.aud ?? audience)
      .setIssuedAt()
      .setExpirationTime(o.exp ?? '1h')
      .sign(key);
  sign = (c, o) => build(real.privateKey, c, o);
  forge = (c) => build(other.privateKey, c);
});

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UnauthorizedError);
    return (error as UnauthorizedError).messageKey;
  }
  throw new Error('expected rejection');
}

describe('staff token verification', () => {
  it('takes only the username from the claims: role, organisation and department are the stored profile\'s', async () => {
    const identity = await verify(`Bearer ${await sign({ ...claims, 'custom:department': 'transport', 'cognito:groups': ['admin'], 'custom:org': 'other' })}`);
    expect(identity).toEqual({ username: 'dispatcher', tokenId: expect.any(String) });
  });

  it('refuses a missing, expired, forged, foreign or access token', async () => {
    expect(await reason(verify(undefined))).toBe('error.tokenMissing');
    expect(await reason(verify('Basic abc'))).toBe('error.tokenMissing');
    expect(await reason(verify(`Bearer ${await sign(claims, { exp: '-1m' })}`))).toBe('error.tokenInvalid');
    expect(await reason(verify(`Bearer ${await forge(claims)}`))).toBe('error.tokenInvalid');
    expect(await reason(verify(`Bearer ${await sign(claims, { iss: 'https://evil.example' })}`))).toBe('error.tokenInvalid');
    expect(await reason(verify(`Bearer ${await sign(claims, { aud: 'other-app' })}`))).toBe('error.tokenInvalid');
    expect(await reason(verify(`Bearer ${await sign({ ...claims, token_use: 'access' })}`))).toBe('error.tokenInvalid');
    expect(await reason(verify(`Bearer ${await sign({ ...claims, 'cognito:username': undefined })}`))).toBe('error.tokenInvalid');
    expect(await reason(verify(`Bearer ${await sign({ ...claims, 'cognito:username': 'a b/../c' })}`))).toBe('error.tokenInvalid');
  });
});
