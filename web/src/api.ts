/**
 * The one fetch wrapper every call to the server goes through — JSON in and out, Accept-Language in the UI's
 * language (so server messages match the page), the staff token when asked, and one error type carrying the
 * server's code, message and per-field messages — and the citizen pages' calls. The staff console's calls are in
 * staff-api.ts and sign-in.ts, which load with the console.
 */
import type {
  ApiError,
  CitizenView,
  InfoAnswerRequest,
  OutboxMessage,
  PublicCampaign,
  RatingRequest,
  SiteConfig,
  SubmitRequest,
  SubmitResponse,
} from '../../shared/http/api-types';
import type { PublicCampaignsResponse, ResponseReceipt, ResponseRequest } from './campaign-types';
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

/**
 * What a page says when one of its requests failed: the server's (or the network's) words, and nothing for a 401,
 * which has already sent the person to sign-in. Anything but a RequestError is a bug, and is thrown on.
 */
export function failureMessage(caught: unknown): string | undefined {
  if (!(caught instanceof RequestError)) throw caught;
  return caught.status === 401 ? undefined : caught.message;
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

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
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

// Local runtime only

export async function getOutbox(): Promise<OutboxMessage[]> {
  // The contract names the item type only; accept a bare array or a {messages} / {items} envelope.
  const payload = await request<OutboxMessage[] | { messages?: OutboxMessage[]; items?: OutboxMessage[] }>(
    '/api/local/outbox',
  );
  const messages = Array.isArray(payload) ? payload : (payload.messages ?? payload.items ?? []);
  return [...messages].sort((a, b) => b.at.localeCompare(a.at));
}

// Campaigns (专题征集): the public pages' calls (docs/campaigns.md).

/** Open and upcoming campaigns, then published ones. */
export async function getPublicCampaigns(): Promise<PublicCampaign[]> {
  return (await request<PublicCampaignsResponse>('/api/campaigns')).campaigns;
}

export function getPublicCampaign(id: string): Promise<PublicCampaign> {
  return request(`/api/campaigns/${encodeURIComponent(id)}`);
}

/** A response, sent with its own id: a retry with the same id is answered with the first receipt, counted once. */
export function submitResponse(campaignId: string, body: ResponseRequest): Promise<ResponseReceipt> {
  return request(`/api/campaigns/${encodeURIComponent(campaignId)}/responses`, { method: 'POST', body });
}

/** Asks for an SMS code to the phone (the one-response-per-phone policy). */
export async function requestPhoneCode(campaignId: string, phone: string): Promise<void> {
  await request<unknown>(`/api/campaigns/${encodeURIComponent(campaignId)}/phone-codes`, { method: 'POST', body: { phone } });
}

/** Records that a poster's QR code opened the page. */
export async function recordScan(campaignId: string, visitId: string, stationId?: string): Promise<void> {
  await request<unknown>(`/api/campaigns/${encodeURIComponent(campaignId)}/scans`, { method: 'POST', body: { visitId, ...(stationId ? { stationId } : {}) } });
}
