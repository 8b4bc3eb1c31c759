/**
 * Open311 GeoReport v2 over our intake and suggestions. Each function answers the spec's body (or throws a domain
 * error the handler writes in the spec's error shape). Primary course of POST requests:
 *  1. api_key is an integration key with scope submit (403 otherwise, as the spec says for a bad key);
 *  2. service_code is required and must be a service (400 / 404); one location is required (400);
 *  3. the description becomes the content and its first 30 characters the title; contact fields the contact;
 *  4. the one intake files it under the integration's channel; the answer is [{service_request_id, ...}].
 */
import { DomainError, NotFoundError } from '../../domain/errors';
import type { Integration } from '../../domain/integration/integration';
import {
  isServiceCode,
  open311Request,
  open311ServiceDefinition,
  open311Services,
  open311Status,
  parseW3cDatetime,
  serviceNotice,
  titleFromDescription,
  type Open311Request,
} from '../../domain/open311/georeport';
import type { Suggestion } from '../../domain/suggestion/suggestion';
import { normaliseTrackingCode } from '../../domain/suggestion/tracking-code';
import type { Locale } from '../../domain/i18n/messages';
import type { SuggestionStore } from '../../ports';
import type { RecentRequests } from '../../ports/integrations';
import type { SubmitDeps } from '../submit-suggestion';
import { submitThroughIntegration } from './integration-suggestions';

/** A spec error: its HTTP status is its code, its description in plain words. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly description: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(description);
  }
}

export function discovery(baseUrl: string) {
  return {
    changeset: '2026-12-01T00:00:00+08:00',
    contact: '人民建议征集办公室',
    key_service: `${baseUrl}/#/staff/integrations`,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${baseUrl}/open311/v2`,
        changeset: '2026-12-01T00:00:00+08:00',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

export { open311Services as services };

export function serviceDefinition(code: string) {
  if (!isServiceCode(code)) throw new Open311Error(404, `service_code ${code} not found`);
  return open311ServiceDefinition(code);
}

type Form = URLSearchParams;

function locationOf(form: Form) {
  const lat = form.get('lat');
  const long = form.get('long');
  const address = form.get('address_string') ?? form.get('address_id') ?? undefined;
  const hasPoint = lat !== null && long !== null && lat !== '' && long !== '';
  if (!hasPoint && !address) throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
  if (hasPoint && (!Number.isFinite(Number(lat)) || !Number.isFinite(Number(long)))) throw new Open311Error(400, 'lat and long must be numbers');
  return { ...(address ? { address } : {}), ...(hasPoint ? { lat: Number(lat), long: Number(long) } : {}) };
}

function contactOf(form: Form) {
  const name = [form.get('last_name'), form.get('first_name')].filter(Boolean).join('') || undefined;
  const phone = form.get('phone') || undefined;
  const email = form.get('email') || undefined;
  if (!phone && !email) return undefined;
  // Giving a phone or email to a 311 app is asking to be answered on it.
  return { ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}), consent: true };
}

export async function postRequest(deps: SubmitDeps, integration: Integration, form: Form, locale: Locale): Promise<{ service_request_id: string; service_notice: string; account_id: string }[]> {
  const code = form.get('service_code');
  if (!code) throw new Open311Error(400, 'service_code is required');
  if (!isServiceCode(code)) throw new Open311Error(404, `service_code ${code} not found`);
  const location = locationOf(form);
  const description = (form.get('description') ?? '').trim();
  if (!description) throw new Open311Error(400, 'description is required');
  const contact = contactOf(form);
  const deviceOrAccount = form.get('account_id') || form.get('device_id') || undefined;
  try {
    const result = await submitThroughIntegration(deps, integration, {
      body: { title: titleFromDescription(description), content: description, category: code, location, ...(contact ? { contact } : {}) },
      locale,
      ...(deviceOrAccount ? { note: `Open311 ${form.get('account_id') ? 'account_id' : 'device_id'} ${deviceOrAccount}` } : {}),
    });
    return [{ service_request_id: String(result.body.trackingCode), service_notice: serviceNotice, account_id: form.get('account_id') ?? '' }];
  } catch (error) {
    if (error instanceof DomainError && error.status === 400) {
      const fields = Object.entries(error.fields ?? {}).map(([f, p]) => `${f}: ${p.rule}`);
      throw new Open311Error(400, fields.length ? fields.join('; ') : error.messageKey);
    }
    throw error;
  }
}

export interface Open311ReadDeps {
  store: Pick<SuggestionStore, 'getByTrackingCode'>;
  recent: RecentRequests;
  departmentName: (id: string) => Promise<string | undefined>;
  now: () => Date;
}

async function asRequests(deps: Open311ReadDeps, suggestions: Suggestion[]): Promise<Open311Request[]> {
  const names = new Map<string, string | undefined>();
  for (const s of suggestions) if (s.leadDepartmentId && !names.has(s.leadDepartmentId)) names.set(s.leadDepartmentId, await deps.departmentName(s.leadDepartmentId));
  return suggestions.map((s) => open311Request(s, (id) => names.get(id)));
}

async function byCode(deps: Open311ReadDeps, orgId: string, id: string): Promise<Suggestion | undefined> {
  const code = normaliseTrackingCode(id);
  const s = code ? await deps.store.getByTrackingCode(code) : undefined;
  return s && s.orgId === orgId && s.channel === 'open311' ? s : undefined;
}

export async function getRequest(deps: Open311ReadDeps, orgId: string, id: string): Promise<Open311Request[]> {
  const s = await byCode(deps, orgId, id);
  if (!s) throw new Open311Error(404, `service_request_id ${id} not found`);
  return asRequests(deps, [s]);
}

const maxResults = 1000;
const defaultWindowMs = 90 * 24 * 3600_000;

export async function getRequests(deps: Open311ReadDeps, orgId: string, query: URLSearchParams): Promise<Open311Request[]> {
  const ids = query.get('service_request_id');
  if (ids) {
    const found = await Promise.all(ids.split(',').map((id) => id.trim()).filter(Boolean).slice(0, maxResults).map((id) => byCode(deps, orgId, id)));
    return asRequests(deps, found.filter((s): s is Suggestion => !!s));
  }
  const parse = (name: string) => {
    const text = query.get(name);
    if (!text) return undefined;
    const at = parseW3cDatetime(text);
    if (!at) throw new Open311Error(400, `${name} must be a W3C datetime`);
    return at;
  };
  const end = parse('end_date') ?? deps.now();
  const start = parse('start_date') ?? new Date(end.getTime() - defaultWindowMs);
  const status = query.get('status');
  const statuses = status ? status.split(',').map((s) => s.trim()) : [];
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open or closed');
  const codes = (query.get('service_code') ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  const rows = await deps.recent.changedSince(orgId, start, maxResults * 2);
  const matching = rows
    .filter((s) => {
      const at = Date.parse(s.submittedAt);
      return at >= start.getTime() && at <= end.getTime();
    })
    .filter((s) => !codes.length || codes.includes(s.category))
    .filter((s) => !statuses.length || statuses.includes(open311Status(s.status)))
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
    .slice(0, maxResults);
  return asRequests(deps, matching);
}

export { NotFoundError };
