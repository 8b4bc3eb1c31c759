/**
 * Maps any error to the API's error body in the caller's language. Domain errors keep their status and say
 * which field broke which rule; anything unexpected becomes a generic 500 — the details go to the log, never
 * to the client.
 */
import { isTransientError } from '../aws/transient-errors';
import { BusyError, DomainError, type FieldProblems } from '../domain/errors';
import { describeField, ruleText, translate, type Locale } from '../domain/i18n/messages';
import type { ApiError } from './api-types';
import { log } from '../observability/log';

export function localiseFields(locale: Locale, fields: FieldProblems): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, problem] of Object.entries(fields)) {
    out[field] = `${describeField(locale, field)}：${ruleText(locale, problem)}`.replace('：', locale === 'en' ? ': ' : '：');
  }
  return out;
}

export function errorBody(locale: Locale, error: DomainError): ApiError {
  return {
    error: {
      code: error.code,
      message: translate(locale, error.messageKey, error.params),
      ...(error.fields ? { fields: localiseFields(locale, error.fields) } : {}),
    },
  };
}

export function toErrorResponse(locale: Locale, error: unknown, requestId?: string): { status: number; body: ApiError; headers: Record<string, string> } {
  // Throttling, a dependency's timeout, a dropped connection: a 503 to come back to, not a 500.
  if (!(error instanceof DomainError) && isTransientError(error)) {
    log.warn('transient failure; answered 503', { requestId, error: error instanceof Error ? { name: error.name, message: error.message } : String(error) });
    error = new BusyError(2, { cause: error });
  }
  if (error instanceof DomainError) {
    const headers: Record<string, string> = {};
    if ((error.status === 429 || error.status === 503) && error.params?.seconds) headers['retry-after'] = String(error.params.seconds);
    if (error.status === 401) headers['www-authenticate'] = 'Bearer';
    if (error.status === 405 && error.params?.allowed) headers.allow = String(error.params.allowed);
    return { status: error.status, body: errorBody(locale, error), headers };
  }
  log.error('unhandled error', { requestId, error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) });
  return { status: 500, body: { error: { code: 'internal', message: translate(locale, 'error.internal') } }, headers: {} };
}
