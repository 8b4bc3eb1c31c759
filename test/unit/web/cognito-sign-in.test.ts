/**
 * The web app's sign-in against Cognito's JSON API (the AWS path, which no local run exercises): what it sends,
 * and how it reads tokens, the first sign-in's NEW_PASSWORD_REQUIRED challenge and Cognito's errors. fetch is
 * a recording fake standing in for /config.json and cognito-idp.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Call = { url: string; target?: string; body?: Record<string, unknown> };
let calls: Call[];
let answers: Record<string, { status: number; body: unknown }>;

beforeEach(() => {
  vi.resetModules();
  calls = [];
  answers = {};
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const target = headers['X-Amz-Target']?.split('.').pop();
    calls.push({ url, ...(target ? { target } : {}), ...(init.body ? { body: JSON.parse(String(init.body)) } : {}) });
    const answer =
      url === '/config.json'
        ? { status: 200, body: { mode: 'aws', region: 'cn-north-1', userPoolId: 'pool', userPoolClientId: 'client-1' } }
        : (answers[target ?? ''] ?? { status: 500, body: {} });
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
});
afterEach(() => vi.unstubAllGlobals());

const api = () => import('../../../web/src/sign-in');

describe('sign-in against Cognito (AWS)', () => {
  it('signs in with USER_PASSWORD_AUTH and keeps the id token', async () => {
    answers.InitiateAuth = { status: 200, body: { AuthenticationResult: { IdToken: 'id-1', AccessToken: 'access-1', ExpiresIn: 3600 } } };
    expect(await (await api()).signIn('liu.yang', 'Liu#Yang2026ok')).toEqual({ idToken: 'id-1', expiresIn: 3600 });
    const cognito = calls.find((c) => c.target === 'InitiateAuth')!;
    expect(cognito.url).toBe('https://cognito-idp.cn-north-1.amazonaws.com/');
    expect(cognito.body).toEqual({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client-1', AuthParameters: { USERNAME: 'liu.yang', PASSWORD: 'Liu#Yang2026ok' } });
  });

  it('passes the first sign-in’s challenge on, and answers it with the person’s own password', async () => {
    answers.InitiateAuth = { status: 200, body: { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'session-1' } };
    const web = await api();
    expect(await web.signIn('liu.yang', 'Initial#Pass123')).toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: 'session-1' });
    answers.RespondToAuthChallenge = { status: 200, body: { AuthenticationResult: { IdToken: 'id-2', AccessToken: 'a', ExpiresIn: 3600 } } };
    expect(await web.completeNewPassword('liu.yang', 'session-1', 'Liu#Yang2026ok')).toEqual({ idToken: 'id-2', expiresIn: 3600 });
    expect(calls.find((c) => c.target === 'RespondToAuthChallenge')!.body).toEqual({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ClientId: 'client-1',
      Session: 'session-1',
      ChallengeResponses: { USERNAME: 'liu.yang', NEW_PASSWORD: 'Liu#Yang2026ok' },
    });
  });

  it('turns wrong credentials into a 401 and a weak new password into a field error', async () => {
    answers.InitiateAuth = { status: 400, body: { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' } };
    const web = await api();
    await expect(web.signIn('liu.yang', 'nope')).rejects.toMatchObject({ status: 401 });
    answers.RespondToAuthChallenge = { status: 400, body: { __type: 'InvalidPasswordException' } };
    await expect(web.completeNewPassword('liu.yang', 's', 'weak')).rejects.toMatchObject({ status: 400, fields: { newPassword: expect.any(String) } });
  });

  it('changes a password with an access token from signing in with the current one', async () => {
    answers.InitiateAuth = { status: 200, body: { AuthenticationResult: { IdToken: 'id', AccessToken: 'access-9', ExpiresIn: 3600 } } };
    answers.ChangePassword = { status: 200, body: {} };
    await (await api()).changePassword('liu.yang', 'Old#Password12', 'New#Password12');
    expect(calls.find((c) => c.target === 'ChangePassword')!.body).toEqual({ AccessToken: 'access-9', PreviousPassword: 'Old#Password12', ProposedPassword: 'New#Password12' });
  });

  it('says the current password is wrong as a field error, without calling ChangePassword', async () => {
    answers.InitiateAuth = { status: 400, body: { __type: 'NotAuthorizedException' } };
    await expect((await api()).changePassword('liu.yang', 'wrong', 'New#Password12')).rejects.toMatchObject({ status: 400, fields: { password: expect.any(String) } });
    expect(calls.some((c) => c.target === 'ChangePassword')).toBe(false);
  });
});
