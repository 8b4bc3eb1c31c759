/**
 * The admin's view of notifications that exhausted their retries, and the way to send them again once the
 * provider is back. (The messages themselves also sit in the dead-letter queue for 14 days.)
 * Recipients are contact details: every answer shows them masked, and an admin who needs one (to check a number
 * with the gateway, say) reveals it, audited BEFORE answering — as a suggestion's contact is revealed.
 */
import { NotFoundError } from '../domain/errors';
import { failedNotificationView, type FailedNotification } from '../domain/notifications/failed';
import { auditRecord } from '../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../domain/staff/principal';
import type { AuditLog, Clock, FailedNotificationStore, NotificationQueue } from '../ports';

export interface FailedNotificationsResponse {
  items: FailedNotification[];
}

/** POST /api/staff/notifications/failed/{id}/recipient-reveal (admin) — the recipient in clear; the reveal is audited. */
export interface RecipientRevealResponse {
  id: string;
  to: string;
}


export interface FailedNotificationsDeps {
  failed: FailedNotificationStore;
  notifications: NotificationQueue;
  audit: AuditLog;
  clock: Clock;
}

const listLimit = 500;

/** Newest failure first, recipients masked; the stored request stays server-side. */
export async function listFailedNotifications(deps: Pick<FailedNotificationsDeps, 'failed'>, principal: StaffPrincipal): Promise<FailedNotificationsResponse> {
  requireRole(principal, ['admin']);
  const records = await deps.failed.list(principal.orgId, listLimit);
  const items: FailedNotification[] = records.map(failedNotificationView).sort((a, b) => b.failedAt.localeCompare(a.failedAt));
  return { items };
}

/** The record in the admin's own organisation (another's is as good as none). */
async function load(deps: Pick<FailedNotificationsDeps, 'failed'>, principal: StaffPrincipal, id: string) {
  const record = await deps.failed.get(principal.orgId, id);
  if (!record) throw new NotFoundError('error.failedNotificationNotFound');
  return record;
}

/**
 * Shows one failed notification's recipient in clear.
 * Primary course: admins only; the record must exist (404 otherwise); the reveal is audited (naming the
 * suggestion, or the record when it has none, and never the recipient itself), then the recipient is answered.
 */
export async function revealFailedRecipient(
  deps: Pick<FailedNotificationsDeps, 'failed' | 'audit' | 'clock'>,
  principal: StaffPrincipal,
  id: string,
): Promise<RecipientRevealResponse> {
  requireRole(principal, ['admin']);
  const record = await load(deps, principal, id);
  await deps.audit.record(auditRecord(principal, deps.clock.now().toISOString(), 'revealRecipient', record.suggestionId ?? id, `${record.event} ${record.channel} (failed notification ${id})`));
  return { id, to: record.to };
}

/**
 * Sends a failed notification again.
 * Primary course:
 *  1. admins only; the record must exist (404 otherwise);
 *  2. re-enqueue the original request — its idempotency key is unchanged, and the ledger released it on failure,
 *     so it is delivered once (and not at all if it went out meanwhile);
 *  3. delete the record with the audit record of the retry, in one transaction. Enqueued first, deleted second: a crash in between leaves a record
 *     that a second retry resolves, never a lost notification.
 * Answers the record as the list shows it, recipient masked.
 */
export async function retryFailedNotification(deps: FailedNotificationsDeps, principal: StaffPrincipal, id: string): Promise<FailedNotification> {
  requireRole(principal, ['admin']);
  const record = await load(deps, principal, id);
  await deps.notifications.enqueue([record.request]);
  await deps.failed.delete(
    principal.orgId,
    id,
    auditRecord(principal, deps.clock.now().toISOString(), 'retryNotification', record.suggestionId ?? id, `${record.event} ${record.channel} after ${record.attempts} attempts`),
  );
  return failedNotificationView(record);
}
