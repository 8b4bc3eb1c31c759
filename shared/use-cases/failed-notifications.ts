/**
 * The admin's view of notifications that exhausted their retries, and the way to send them again once the
 * provider is back. (The messages themselves also sit in the dead-letter queue for 14 days.)
 */
import { NotFoundError } from '../domain/errors';
import type { FailedNotificationStore } from '../domain/notifications/failed';
import { auditRecord } from '../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../domain/staff/principal';
import type { FailedNotification, FailedNotificationsResponse } from '../http/api-types';
import type { AuditLog, Clock, NotificationQueue } from '../ports';

export type { FailedNotificationStore } from '../domain/notifications/failed';

export interface FailedNotificationsDeps {
  failed: FailedNotificationStore;
  notifications: NotificationQueue;
  audit: AuditLog;
  clock: Clock;
}

const listLimit = 500;

/** Newest failure first; the stored request stays server-side. */
export async function listFailedNotifications(deps: Pick<FailedNotificationsDeps, 'failed'>, principal: StaffPrincipal): Promise<FailedNotificationsResponse> {
  requireRole(principal, ['admin']);
  const records = await deps.failed.list(principal.orgId, listLimit);
  const items: FailedNotification[] = records
    .map(({ request: _request, orgId: _orgId, ...item }) => item)
    .sort((a, b) => b.failedAt.localeCompare(a.failedAt));
  return { items };
}

/**
 * Sends a failed notification again.
 * Primary course:
 *  1. admins only; the record must exist (404 otherwise);
 *  2. re-enqueue the original request — its idempotency key is unchanged, and the ledger released it on failure,
 *     so it is delivered once (and not at all if it went out meanwhile);
 *  3. delete the record with the audit record of the retry, in one transaction. Enqueued first, deleted second: a crash in between leaves a record
 *     that a second retry resolves, never a lost notification.
 */
export async function retryFailedNotification(deps: FailedNotificationsDeps, principal: StaffPrincipal, id: string): Promise<FailedNotification> {
  requireRole(principal, ['admin']);
  const record = await deps.failed.get(principal.orgId, id);
  if (!record) throw new NotFoundError('error.failedNotificationNotFound');
  await deps.notifications.enqueue([record.request]);
  await deps.failed.delete(
    principal.orgId,
    id,
    auditRecord(principal, deps.clock.now().toISOString(), 'retryNotification', record.suggestionId ?? id, `${record.event} ${record.channel} after ${record.attempts} attempts`),
  );
  const { request: _request, orgId: _orgId, ...item } = record;
  return item;
}
