/**
 * Every call the web app makes to the server. One fetch wrapper: JSON in and out, Accept-Language in the UI's
 * language (so server messages match the page), the staff token when asked, and one error type carrying the
 * server's code, message and per-field messages.
 */
import type {
  ActionResponse,
  ApiError,
  AuditResponse,
  CalendarOverridesResponse,
  CalendarScheduleRequest,
  CalendarSchedulePreview,
  CampaignTimeLimitsResponse,
  TimeLimitsResponse,
  CitizenView,
  ContactRevealResponse,
  DepartmentsResponse,
  SaveDepartmentRequest,
  SaveStaffRequest,
  SaveStaffResponse,
  StaffListResponse,
  DevLoginChallenge,
  DevLoginResponse,
  EscalationsResponse,
  FailedNotificationsResponse,
  InfoAnswerRequest,
  OutboxMessage,
  ParkedWorkflowsResponse,
  ResumeParkedResponse,
  QueueResponse,
  QueueStats,
  RatingRequest,
  RecipientRevealResponse,
  ReplyTemplate,
  ReplyTemplatesResponse,
  StaffActionName,
  StaffActionRequest,
  SiteConfig,
  StaffMe,
  StaffSuggestionDetail,
  SubmitRequest,
  SubmitResponse,
} from '../../shared/http/api-types';
import { cognitoIdpOrigin } from '../../shared/http/cognito-endpoint';
import type { TimeLimitOverrides } from '../../shared/domain/deadlines/time-limits';
import { currentLocale, t } from './i18n';
import { clearSession, readToken } from './session';

export class RequestError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field path (e.g. "contact.phone") → localised rule text. */
    readonly fields?: Record<string, string>,
    /** The server's Retry-After (seconds), when it asked to be called again later (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** Called when a staff call comes back 401: the session is gone, the app shows the sign-in page. */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  headers?: Record<string, string>;
  staff?: boolean;
}

function isApiError(value: unknown): value is ApiError {
  const error = (value as ApiError | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.message === 'string';
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.staff) {
    const token = readToken();
    if (token) headers.Authorization = `Bearer ${token}`;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new RequestError(0, 'network', t('net.error'));
  }

  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;

  if (options.staff && response.status === 401) {
    clearSession();
    onUnauthorized();
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  if (isApiError(payload)) {
    throw new RequestError(response.status, payload.error.code, payload.error.message, payload.error.fields, retryAfterSeconds);
  }
  throw new RequestError(response.status, 'unexpected', t('net.unexpected', { status: response.status }), undefined, retryAfterSeconds);
}

let config: Promise<SiteConfig> | undefined;
/** GET /config.json, once per page load. */
export function getConfig(): Promise<SiteConfig> {
  config ??= request<SiteConfig>('/config.json').catch((error: unknown) => {
    config = undefined;
    throw error;
  });
  return config;
}

// Citizens

export function submitSuggestion(body: SubmitRequest, idempotencyKey: string): Promise<SubmitResponse> {
  return request('/api/suggestions', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function trackSuggestion(trackingCode: string, pin: string): Promise<CitizenView> {
  return request(`/api/suggestions/${encodeURIComponent(trackingCode)}`, { headers: { 'x-tracking-pin': pin } });
}

// Staff sign-in: the local identity provider, or Cognito's USER_PASSWORD_AUTH in AWS.

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

// Staff

export function getMe(): Promise<StaffMe> {
  return request('/api/staff/me', { staff: true });
}

export function getDepartments(): Promise<DepartmentsResponse> {
  return request('/api/staff/departments', { staff: true });
}

/** The counters, or undefined before the stats job has first run (the server then answers `{}`). */
export async function getStats(): Promise<QueueStats | undefined> {
  const stats = await request<Partial<QueueStats>>('/api/staff/stats', { staff: true });
  return stats.computedAt && stats.byStatus ? (stats as QueueStats) : undefined;
}

export interface QueueFilters {
  status?: string;
  departmentId?: string;
  /** 'cohandler': the suggestions the department co-handles rather than leads. */
  role?: string;
  category?: string;
  from?: string;
  to?: string;
}

export function getQueue(filters: QueueFilters, cursor?: string, limit = 25): Promise<QueueResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return request(`/api/staff/suggestions?${params}`, { staff: true });
}

export function getStaffSuggestion(id: string): Promise<StaffSuggestionDetail> {
  return request(`/api/staff/suggestions/${encodeURIComponent(id)}`, { staff: true });
}

export function revealContact(id: string): Promise<ContactRevealResponse> {
  return request(`/api/staff/suggestions/${encodeURIComponent(id)}/contact-reveal`, {
    method: 'POST',
    body: {},
    staff: true,
  });
}

// Citizen actions (tracking code + PIN). The contract leaves the 200 body open: a CitizenView when the server
// sends one, otherwise undefined and the page looks the suggestion up again.

function asCitizenView(payload: unknown): CitizenView | undefined {
  return payload && typeof payload === 'object' && 'trackingCode' in payload && 'timeline' in payload
    ? (payload as CitizenView)
    : undefined;
}

export async function answerInfoRequest(trackingCode: string, pin: string, body: InfoAnswerRequest): Promise<CitizenView | undefined> {
  const payload = await request<unknown>(`/api/suggestions/${encodeURIComponent(trackingCode)}/info-answer`, {
    method: 'POST',
    body,
    headers: { 'x-tracking-pin': pin },
  });
  return asCitizenView(payload);
}

export async function rateReply(trackingCode: string, pin: string, body: RatingRequest): Promise<CitizenView | undefined> {
  const payload = await request<unknown>(`/api/suggestions/${encodeURIComponent(trackingCode)}/rating`, {
    method: 'POST',
    body,
    headers: { 'x-tracking-pin': pin },
  });
  return asCitizenView(payload);
}

// Staff actions on one suggestion: each answers the updated detail (200) or 409 when it has moved on.

/** The body of each action, by its name (the same name as the server's action table and route). */
export type StaffActionBodies = { [N in StaffActionName]: StaffActionRequest<N> };
export type StaffAction = StaffActionName;

export function staffAction<A extends StaffAction>(id: string, action: A, body: StaffActionBodies[A]): Promise<ActionResponse> {
  return request(`/api/staff/suggestions/${encodeURIComponent(id)}/${action}`, { method: 'POST', body, staff: true });
}

export async function getReplyTemplates(): Promise<ReplyTemplate[]> {
  const response = await request<ReplyTemplatesResponse>('/api/staff/reply-templates', { staff: true });
  return response.templates ?? [];
}

/** POST /api/staff/reply-templates; the contract does not fix the answer, so accept the template or a bare 201. */
export async function saveReplyTemplate(title: string, text: string): Promise<ReplyTemplate | undefined> {
  const payload = await request<unknown>('/api/staff/reply-templates', { method: 'POST', body: { title, text }, staff: true });
  const template = (payload as { template?: ReplyTemplate } | undefined)?.template ?? payload;
  return template && typeof template === 'object' && 'id' in template && 'text' in template ? (template as ReplyTemplate) : undefined;
}

export function getEscalations(): Promise<EscalationsResponse> {
  return request('/api/staff/escalations', { staff: true });
}

export function getFailedNotifications(): Promise<FailedNotificationsResponse> {
  return request('/api/staff/notifications/failed', { staff: true });
}

/** The recipient in clear, for one failed notification; the server audits the reveal before answering. */
export function revealRecipient(id: string): Promise<RecipientRevealResponse> {
  return request(`/api/staff/notifications/failed/${encodeURIComponent(id)}/recipient-reveal`, { method: 'POST', body: {}, staff: true });
}

export function getParkedWorkflows(): Promise<ParkedWorkflowsResponse> {
  return request('/api/staff/workflows/parked', { staff: true });
}

/** Resumes every parked workflow of the organisation, each as by its own resume action (audited). */
export function resumeAllParkedWorkflows(): Promise<ResumeParkedResponse> {
  return request('/api/staff/workflows/resume-parked', { method: 'POST', body: {}, staff: true });
}

export async function retryNotification(id: string): Promise<void> {
  await request<unknown>(`/api/staff/notifications/failed/${encodeURIComponent(id)}/retry`, { method: 'POST', body: {}, staff: true });
}

export function getTimeLimits(): Promise<TimeLimitsResponse> {
  return request('/api/staff/time-limits', { staff: true });
}

export function putTimeLimits(limits: TimeLimitOverrides): Promise<TimeLimitsResponse> {
  return request('/api/staff/time-limits', { method: 'PUT', body: { limits }, staff: true });
}

export function getCampaignTimeLimits(campaignId: string): Promise<CampaignTimeLimitsResponse> {
  return request(`/api/staff/campaigns/${encodeURIComponent(campaignId)}/time-limits`, { staff: true });
}

export function putCampaignTimeLimits(campaignId: string, limits: TimeLimitOverrides): Promise<CampaignTimeLimitsResponse> {
  return request(`/api/staff/campaigns/${encodeURIComponent(campaignId)}/time-limits`, { method: 'PUT', body: { limits }, staff: true });
}

export function getAudit(day: string, cursor?: string): Promise<AuditResponse> {
  const params = new URLSearchParams({ day, limit: '100' });
  if (cursor) params.set('cursor', cursor);
  return request(`/api/staff/audit?${params}`, { staff: true });
}

export function getStaffList(): Promise<StaffListResponse> {
  return request('/api/staff/people', { staff: true });
}

export function putStaffMember(username: string, body: SaveStaffRequest): Promise<SaveStaffResponse> {
  return request(`/api/staff/people/${encodeURIComponent(username)}`, { method: 'PUT', body, staff: true });
}

export function putDepartment(id: string, body: SaveDepartmentRequest): Promise<DepartmentsResponse> {
  return request(`/api/staff/departments/${encodeURIComponent(id)}`, { method: 'PUT', body, staff: true });
}

export function getCalendarOverrides(): Promise<CalendarOverridesResponse> {
  return request('/api/staff/calendar-overrides', { staff: true });
}

export async function putCalendarOverrides(
  overrides: CalendarOverridesResponse['overrides'],
): Promise<CalendarOverridesResponse | undefined> {
  const payload = await request<Partial<CalendarOverridesResponse> | undefined>('/api/staff/calendar-overrides', {
    method: 'PUT',
    body: { overrides },
    staff: true,
  });
  return payload && Array.isArray(payload.overrides) && Array.isArray(payload.officialYears)
    ? (payload as CalendarOverridesResponse)
    : undefined;
}

/** A published holiday schedule: what importing it would save (nothing is written). */
export function previewCalendarSchedule(body: CalendarScheduleRequest): Promise<CalendarSchedulePreview> {
  return request('/api/staff/calendar-overrides/preview', { method: 'POST', body, staff: true });
}

/** Saves the schedule for its year (replacing that year's overrides); the year then counts as covered. */
export function importCalendarSchedule(body: CalendarScheduleRequest): Promise<CalendarOverridesResponse> {
  return request('/api/staff/calendar-overrides/import', { method: 'POST', body, staff: true });
}

// Local runtime only

export async function getOutbox(): Promise<OutboxMessage[]> {
  // The contract names the item type only; accept a bare array or a {messages} / {items} envelope.
  const payload = await request<OutboxMessage[] | { messages?: OutboxMessage[]; items?: OutboxMessage[] }>(
    '/api/local/outbox',
  );
  const messages = Array.isArray(payload) ? payload : (payload.messages ?? payload.items ?? []);
  return [...messages].sort((a, b) => b.at.localeCompare(a.at));
}
