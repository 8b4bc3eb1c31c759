/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): our categories as services, our suggestions as service
 * requests, in the spec's JSON and XML. Pure: the handler reads and writes, this says what the spec's fields are.
 * Contact details never appear here (a GET of requests is public to any key holder).
 */
import { categories, categoryNames, type Category } from '../intake/categories';
import type { Suggestion, SuggestionStatus } from '../suggestion/suggestion';

export type Open311Format = 'json' | 'xml';

/** closed, rejected, merged are closed to a 311 client; every other state of the lifecycle is open. */
export function open311Status(status: SuggestionStatus): 'open' | 'closed' {
  return status === 'closed' || status === 'rejected' || status === 'merged' ? 'closed' : 'open';
}

/** W3C datetime with the offset, in Beijing time (+08:00): 2026-12-01T20:15:00+08:00. */
export function w3cDatetime(iso: string): string {
  const beijing = new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19);
  return `${beijing}+08:00`;
}

/** A W3C datetime as the spec's filters take it (with an offset or Z); undefined when it is not one. */
export function parseW3cDatetime(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export function open311Services(locale: 'zh-CN' | 'en'): Open311Service[] {
  return categories.map((code) => ({
    service_code: code,
    service_name: categoryNames[code][locale],
    description: `${categoryNames[code]['zh-CN']} / ${categoryNames[code].en}`,
    // Our services take no extra attributes: each definition is an empty list of them.
    metadata: false,
    type: 'realtime',
    keywords: [code, categoryNames[code]['zh-CN'], categoryNames[code].en].join(', '),
    group: '人民建议征集',
  }));
}

export function isServiceCode(code: string): code is Category {
  return (categories as readonly string[]).includes(code);
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: { variable: boolean; code: string; datatype: string; required: boolean; datatype_description: string; order: number; description: string; values?: { key: string; name: string }[] }[];
}

export function open311ServiceDefinition(code: Category): Open311ServiceDefinition {
  return { service_code: code, attributes: [] };
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string;
  address_id: string;
  zipcode: string;
  lat: number | '';
  long: number | '';
  media_url: string;
}

export const serviceNotice = '您的建议已收到，我们将在规定时限内受理。';

/** A suggestion as a service request: the tracking code is its id (a string, as the spec wants). */
export function open311Request(s: Suggestion, departmentName: (id: string) => string | undefined, locale: 'zh-CN' | 'en' = 'zh-CN'): Open311Request {
  const status = open311Status(s.status);
  return {
    service_request_id: s.trackingCode,
    status,
    status_notes: s.reply?.text ?? '',
    service_name: isServiceCode(s.category) ? categoryNames[s.category][locale] : s.category,
    service_code: s.category,
    description: s.content,
    agency_responsible: (s.leadDepartmentId && departmentName(s.leadDepartmentId)) || '',
    service_notice: serviceNotice,
    requested_datetime: w3cDatetime(s.submittedAt),
    updated_datetime: w3cDatetime(s.updatedAt),
    expected_datetime: status === 'open' && s.dueAt ? w3cDatetime(s.dueAt) : '',
    address: s.location?.address ?? '',
    address_id: '',
    zipcode: '',
    lat: s.location?.lat ?? '',
    long: s.location?.long ?? '',
    media_url: '',
  };
}

/** The title our queue shows for an Open311 request, which has only a description: its first 30 characters. */
export function titleFromDescription(description: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return chars.length <= 30 ? text : `${chars.slice(0, 30).join('')}…`;
}

export interface Open311Error {
  code: number;
  description: string;
}

// --- Serialisation -------------------------------------------------------------------------------------------

/** The XML element each list's items take, by the list's own element name (per the spec's examples). */
const itemElement: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  service_requests: 'request',
  errors: 'error',
};

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

function element(name: string, value: unknown): string {
  if (Array.isArray(value)) {
    const child = itemElement[name] ?? 'item';
    return `<${name}>${value.map((v) => element(child, v)).join('')}</${name}>`;
  }
  if (value && typeof value === 'object') {
    return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  }
  if (value === '' || value === undefined || value === null) return `<${name}/>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** The spec's XML document: a list under its root (services, service_requests, errors) or one object (discovery). */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}`;
}

export const contentTypes: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The body of an answer in the format asked for: JSON as the value, XML under the root the spec names. */
export function serialise(format: Open311Format, root: string, value: unknown): string {
  return format === 'json' ? JSON.stringify(value) : toXml(root, value);
}

export function serialiseErrors(format: Open311Format, errors: Open311Error[]): string {
  return serialise(format, 'errors', errors);
}
