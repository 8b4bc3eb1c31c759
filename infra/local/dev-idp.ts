/**
 * The local dev identity provider: stands in for Cognito so the staff console works with no AWS account.
 * It issues RS256 ID tokens with Cognito's claim names (cognito:username, cognito:groups, custom:department,
 * custom:org, token_use=id) and publishes its key at <issuer>/.well-known/jwks.json — the same place Cognito
 * does — so the handlers verify both with the same code (shared/http/jwt.ts).
 * The signing key persists in the data folder so tokens survive a restart.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { negotiateLocale, translate, type Locale } from '../../shared/domain/i18n/messages';
import { passwordMinLength, passwordProblem } from '../../shared/domain/staff/password-policy';
import { DevLoginAccounts } from '../../shared/aws/dev-login-accounts';
import { claimNames } from '../../shared/domain/staff/principal';
import type { DevLoginChallenge, DevLoginResponse, StaffProfile } from '../../shared/http/api-types';
import { keys } from '../../shared/model/table';
import { verifyPassword } from '../../shared/aws/dev-password';

export interface DevIdpOptions {
  dataDir: string;
  issuer: string;
  audience: string;
  tableName: string;
  dynamodb: DynamoDBDocumentClient;
  tokenLifetimeSeconds?: number;
}

interface KeyFile {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function loadOrCreateKey(dataDir: string): Promise<KeyFile> {
  const file = join(dataDir, 'dev-idp-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const key: KeyFile = { kid: `dev-${Date.now().toString(36)}`, privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}

async function readJson(req: IncomingMessage, limit = 16 * 1024): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The API's error shape for one field, in the caller's language. */
function fieldError(locale: Locale, field: string, rule: 'passwordWrong' | 'passwordTooShort' | 'passwordKinds') {
  const message = translate(locale, `rule.${rule}`, { min: passwordMinLength });
  return { error: { code: 'validation_failed', message, fields: { [field]: message } } };
}

export interface DevIdp {
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
  /**
   * Issues a token for a known user without a password (tests and benchmarks); `expiresAt` in epoch seconds.
   * `claims` are signed over the profile's (tests of tokens that disagree with the stored profile, or of a person
   * with no profile at all: then they are the token's only claims).
   */
  issueToken(username: string, options?: { expiresAt?: number; claims?: Record<string, unknown> }): Promise<string>;
}

export async function createDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  const key = await loadOrCreateKey(options.dataDir);
  const privateKey = await importJWK(key.privateJwk, 'RS256');
  const publicKey = await importJWK(key.publicJwk, 'RS256');
  const lifetime = options.tokenLifetimeSeconds ?? 3600;

  async function profileOf(username: string): Promise<{ profile: StaffProfile; passwordHash: string; mustChange: boolean } | undefined> {
    const { Item: login } = await options.dynamodb.send(new GetCommand({ TableName: options.tableName, Key: keys.devLogin(username) }));
    if (!login) return undefined;
    const { Item: profile } = await options.dynamodb.send(
      new GetCommand({ TableName: options.tableName, Key: keys.staffProfile(String(login.orgId), username) }),
    );
    // A disabled account (someone who left) is as good as none: no sign-in, no password change.
    if (!profile || login.disabled === true) return undefined;
    return { profile: profile as unknown as StaffProfile, passwordHash: String(login.passwordHash), mustChange: login.mustChange === true };
  }

  function profileClaims(profile: StaffProfile): Record<string, unknown> {
    return {
      [claimNames.username]: profile.username,
      [claimNames.groups]: [profile.role],
      [claimNames.org]: profile.orgId,
      ...(profile.departmentId ? { [claimNames.department]: profile.departmentId } : {}),
      [claimNames.name]: profile.name,
      ...(profile.email ? { email: profile.email } : {}),
    };
  }

  async function sign(claims: Record<string, unknown>, expiresAt?: number): Promise<string> {
    return new SignJWT({ ...claims, token_use: 'id', auth_time: Math.floor(Date.now() / 1000) })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setSubject(`local-${String(claims[claimNames.username])}`)
      .setIssuedAt()
      // Cognito's ID tokens carry a unique jti too.
      .setJti(randomUUID())
      .setExpirationTime(expiresAt ?? `${lifetime}s`)
      .sign(privateKey);
  }

  const accounts = new DevLoginAccounts(options.dynamodb, options.tableName);
  const loginFailed = (locale: Locale) => ({ error: { code: 'login_failed', message: translate(locale, 'error.loginFailed') } });

  /** A short-lived proof that this person has just given their one-time password (Cognito's challenge Session). */
  async function challengeSession(username: string): Promise<string> {
    return new SignJWT({ purpose: 'new-password' })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer(options.issuer)
      .setSubject(username)
      .setExpirationTime('5m')
      .sign(privateKey);
  }
  async function sessionUser(session: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(session, publicKey, { issuer: options.issuer });
      return payload.purpose === 'new-password' ? payload.sub : undefined;
    } catch {
      return undefined;
    }
  }

  type Answer = [number, unknown];
  const idpActions: Record<string, (text: (name: string) => string, locale: Locale) => Promise<Answer>> = {
    /** Cognito's USER_PASSWORD_AUTH: a token, or NEW_PASSWORD_REQUIRED for a one-time password. */
    '/idp/login': async (text, locale) => {
      const username = text('username').trim();
      const found = username && text('password') ? await profileOf(username) : undefined;
      if (!found || !verifyPassword(text('password'), found.passwordHash)) return [401, loginFailed(locale)];
      if (found.mustChange) {
        const challenge: DevLoginChallenge = { challenge: 'NEW_PASSWORD_REQUIRED', session: await challengeSession(username) };
        return [200, challenge];
      }
      const response: DevLoginResponse = { idToken: await sign(profileClaims(found.profile)), expiresIn: lifetime };
      return [200, response];
    },
    /** Cognito's RespondToAuthChallenge(NEW_PASSWORD_REQUIRED): the person's own password, then a token. */
    '/idp/new-password': async (text, locale) => {
      const username = await sessionUser(text('session'));
      const found = username && username === text('username').trim() ? await profileOf(username) : undefined;
      if (!found) return [401, loginFailed(locale)];
      const problem = passwordProblem(text('newPassword'));
      if (problem) return [400, fieldError(locale, 'newPassword', problem)];
      await accounts.setOwnPassword(found.profile.username, text('newPassword'));
      const response: DevLoginResponse = { idToken: await sign(profileClaims(found.profile)), expiresIn: lifetime };
      return [200, response];
    },
    /** Cognito's ChangePassword: the current password proves who it is; the policy is the pool's. */
    '/idp/change-password': async (text, locale) => {
      const username = text('username').trim();
      const found = username && text('password') ? await profileOf(username) : undefined;
      if (!found || !verifyPassword(text('password'), found.passwordHash)) return [400, fieldError(locale, 'password', 'passwordWrong')];
      const problem = passwordProblem(text('newPassword'));
      if (problem) return [400, fieldError(locale, 'newPassword', problem)];
      await accounts.setOwnPassword(username, text('newPassword'));
      return [200, { changed: true }];
    },
  };

  return {
    async issueToken(username, tokenOptions) {
      const found = await profileOf(username);
      if (!found && !tokenOptions?.claims) throw new Error(`no demo user ${username}`);
      const base = found ? profileClaims(found.profile) : { [claimNames.username]: username };
      return sign({ ...base, ...tokenOptions?.claims }, tokenOptions?.expiresAt);
    },
    async handle(req, res, path) {
      if (path === '/idp/.well-known/jwks.json' && req.method === 'GET') {
        send(res, 200, { keys: [{ ...key.publicJwk, kid: key.kid, alg: 'RS256', use: 'sig' }] });
        return true;
      }
      const locale = negotiateLocale(req.headers['accept-language']);
      if (!Object.hasOwn(idpActions, path)) return false;
      const action = idpActions[path]!;
      if (req.method !== 'POST') {
        send(res, 405, { error: { code: 'method_not_allowed', message: translate(locale, 'error.methodNotAllowed', { path, method: req.method ?? '', allowed: 'POST' }) } });
        return true;
      }
      const body = (await readJson(req)) as Record<string, unknown> | undefined;
      const text = (name: string) => (typeof body?.[name] === 'string' ? (body[name] as string) : '');
      const [status, answer] = await action(text, locale);
      send(res, status, answer);
      return true;
    },
  };
}
