/**
 * A notification that exhausted its retries, kept for an admin to see and retry. The id is derived from the
 * idempotency key, so the last attempt recorded twice (a redelivered batch) is one record, not two.
 */
import { createHash } from 'node:crypto';
import type { NotificationRequest } from './notification';
import { maskEmail, maskPhone } from '../masking';

/** A failed notification as admins see it: the recipient masked (138****8000), the last error. */
export interface FailedNotification {
  id: string;
  failedAt: string;
  event: string;
  channel: 'sms' | 'email';
  /** The recipient, masked in every answer (138****8000); POST …/{id}/recipient-reveal shows it, audited. */
  to: string;
  suggestionId?: string;
  attempts: number;
  lastError: string;
}

export interface FailedNotificationRecord extends FailedNotification {
  /** The organisation whose admins see and retry it (its suggestion's). */
  orgId: string;
  /** The original request, re-enqueued as it was on retry. */
  request: NotificationRequest;
}


export function failedNotificationId(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
}

export function failedNotificationRecord(
  request: NotificationRequest,
  attempts: number,
  lastError: string,
  failedAt: Date,
): FailedNotificationRecord {
  return {
    id: failedNotificationId(request.idempotencyKey),
    orgId: request.orgId,
    failedAt: failedAt.toISOString(),
    event: request.event,
    channel: request.channel,
    to: request.to,
    suggestionId: request.suggestionId,
    attempts,
    lastError: lastError.slice(0, 1000),
    request,
  };
}

/** A recipient as staff see it until an admin reveals it: 138****8000, z***@example.com. */
export function maskRecipient(channel: FailedNotification['channel'], to: string): string {
  return channel === 'email' ? maskEmail(to) : maskPhone(to);
}

/**
 * What the admin's page shows of a record: the recipient masked — also where the provider's error quotes it, as
 * SES and SMS gateways do — and never the stored request, which holds it in clear.
 */
export function failedNotificationView(record: FailedNotificationRecord): FailedNotification {
  const { request: _request, orgId: _orgId, ...item } = record;
  const to = maskRecipient(record.channel, record.to);
  const lastError = record.to ? record.lastError.split(record.to).join(to) : record.lastError;
  return { ...item, to, lastError };
}
