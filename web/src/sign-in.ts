/**
 * Staff sign-in and passwords: the local identity provider when running locally, Cognito's USER_PASSWORD_AUTH in
 * AWS (which site it is comes from /config.json).
 */
import type { DevLoginChallenge, DevLoginResponse, SiteConfig } from '../../shared/http/api-types';
import { cognitoIdpOrigin } from '../../shared/http/cognito-endpoint';
import { getConfig, request, RequestError } from './api';
import { t } from './i18n';

/** One call of Cognito's JSON API (no SDK in the browser: two operations do not justify its weight). */
async function cognito<T>(region: string, operation: string, body: unknown): Promise<{ ok: boolean; payload: T & { __type?: string } }> {
  let response: Response;
  try {
    response = await fetch(`${cognitoIdpOrigin(region)}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify(body),
    });
  } catch {
    throw new RequestError(0, 'network', t('net.error'));
  }
  return { ok: response.ok, payload: (await response.json().catch(() => ({}))) as T & { __type?: string } };
}

type CognitoAuth = {
  AuthenticationResult?: { IdToken?: string; AccessToken?: string; ExpiresIn?: number };
  ChallengeName?: string;
  Session?: string;
};

/** Tokens, a new-password challenge (a one-time password an admin set), or undefined for wrong credentials. */
async function cognitoSignIn(site: Extract<SiteConfig, { mode: 'aws' }>, username: string, password: string) {
  const { ok, payload } = await cognito<CognitoAuth>(site.region, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: site.userPoolClientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  const result = payload.AuthenticationResult;
  if (ok && result?.IdToken && result.AccessToken) return { idToken: result.IdToken, accessToken: result.AccessToken, expiresIn: result.ExpiresIn ?? 3600 };
  if (ok && payload.ChallengeName === 'NEW_PASSWORD_REQUIRED' && payload.Session) return { challenge: 'NEW_PASSWORD_REQUIRED' as const, session: payload.Session };
  // NotAuthorizedException / UserNotFoundException both mean wrong credentials to the person signing in.
  return undefined;
}

export type SignInResult = DevLoginResponse | DevLoginChallenge;

export async function signIn(username: string, password: string): Promise<SignInResult> {
  const site = await getConfig();
  if (site.mode === 'local') {
    return request<SignInResult>(`${site.idp}/login`, { method: 'POST', body: { username, password } });
  }
  const outcome = await cognitoSignIn(site, username, password);
  if (!outcome) throw new RequestError(401, 'login_failed', t('error.loginFailed'));
  return 'challenge' in outcome ? outcome : { idToken: outcome.idToken, expiresIn: outcome.expiresIn };
}

/** Answers the first sign-in's challenge with the person's own password; a weak one is a field error. */
export async function completeNewPassword(username: string, session: string, newPassword: string): Promise<DevLoginResponse> {
  const site = await getConfig();
  if (site.mode === 'local') {
    return request<DevLoginResponse>(`${site.idp}/new-password`, { method: 'POST', body: { username, session, newPassword } });
  }
  const { ok, payload } = await cognito<CognitoAuth>(site.region, 'RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ClientId: site.userPoolClientId,
    Session: session,
    ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
  });
  const result = payload.AuthenticationResult;
  if (ok && result?.IdToken) return { idToken: result.IdToken, expiresIn: result.ExpiresIn ?? 3600 };
  const weak = t('rule.passwordKinds');
  if (payload.__type === 'InvalidPasswordException') throw new RequestError(400, 'validation_failed', weak, { newPassword: weak });
  // The session expired (a few minutes): start again from the password.
  throw new RequestError(401, payload.__type ?? 'login_failed', t('error.loginFailed'));
}

/**
 * Changes a staff member's own password: the local identity provider's, or Cognito's ChangePassword with an
 * access token got by signing in with the current password (the page keeps no access token otherwise).
 * A wrong current password is a field error on `password`, a weak new one on `newPassword`.
 */
export async function changePassword(username: string, password: string, newPassword: string): Promise<void> {
  const site = await getConfig();
  if (site.mode === 'local') {
    await request(`${site.idp}/change-password`, { method: 'POST', body: { username, password, newPassword } });
    return;
  }
  const tokens = await cognitoSignIn(site, username, password);
  const wrong = t('rule.passwordWrong');
  if (!tokens || 'challenge' in tokens) throw new RequestError(400, 'validation_failed', wrong, { password: wrong });
  const { ok, payload } = await cognito<object>(site.region, 'ChangePassword', { AccessToken: tokens.accessToken, PreviousPassword: password, ProposedPassword: newPassword });
  if (ok) return;
  const weak = t('rule.passwordKinds');
  if (payload.__type === 'InvalidPasswordException') throw new RequestError(400, 'validation_failed', weak, { newPassword: weak });
  throw new RequestError(400, payload.__type ?? 'change_failed', t('net.error'));
}
