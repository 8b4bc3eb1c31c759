/**
 * Delivers queued notifications: quiet hours, idempotency, retries with backoff, and a record for the admin when
 * the retries run out. Nothing is dropped: a message is deleted from the queue only once it is sent, known to be
 * sent already, or handed on as a fresh deferred copy.
 */
import type { QuietHours } from '../domain/deadlines';
import { maxDelaySeconds, notBefore, retryDelaySeconds, secondsUntil, type QueuedNotification } from '../domain/notifications/delivery';
import { failedNotificationRecord } from '../domain/notifications/failed';
import { renderNotification } from '../domain/notifications/render';
import { carriesPin } from '../domain/notifications/receipt-with-pin';
import { keyedPin } from '../domain/suggestion/keyed-pin';
import type { Clock, FailedNotificationStore, Log, NotificationLedger, NotificationProvider, NotificationRequest, NotificationRetryControl } from '../ports';

export interface DeliveryDeps {
  ledger: NotificationLedger;
  provider: NotificationProvider;
  clock: Clock;
  // Issue 12: staff entry and callbacks
  /** The PIN secret: a staff entry's receipt names its PIN's key, and the PIN is derived from it here, at render time. */
  pinSecret?: () => Promise<string>;
}

/**
 * Delivers one notification.
 * Primary course:
 *  1. claim its idempotency key (suggestion, event, recipient, checkpoint) — already sent means done;
 *  2. render it in the recipient's language;
 *  3. hand it to the provider; on success mark it sent, on failure release the claim and rethrow so it is
 *     retried later (and, after repeated failures, recorded for the admin and parked in the DLQ — never dropped).
 */
export async function deliverNotification(deps: DeliveryDeps, request: NotificationRequest): Promise<'sent' | 'duplicate'> {
  const claim = await deps.ledger.claim(request.idempotencyKey, deps.clock.now());
  if (claim === 'alreadySent') return 'duplicate';
  if (claim === 'inProgress') throw new Error(`notification ${request.idempotencyKey} is being sent by another worker`);
  try {
    await deps.provider.send(renderNotification(request, await derivedPin(deps, request)), request);
  } catch (error) {
    await deps.ledger.release(request.idempotencyKey);
    throw error;
  }
  await deps.ledger.markSent(request.idempotencyKey, deps.clock.now());
  return 'sent';
}

/** The PIN a receipt carries, derived from its key (never stored, never queued); nothing for other requests. */
async function derivedPin(deps: Pick<DeliveryDeps, 'pinSecret'>, request: NotificationRequest): Promise<{ pin?: string }> {
  if (!carriesPin(request)) return {};
  if (!deps.pinSecret) throw new Error('a receipt carries a PIN key but the notifier has no PIN secret (PIN_SECRET_ARN / PIN_SECRET_FILE)');
  return { pin: keyedPin(await deps.pinSecret(), request.orgId, String(request.params.pinKey)) };
}

/** One received queue message, as the SQS event source hands it over. */
export interface ReceivedNotification {
  messageId: string;
  receiptHandle: string;
  body: string;
  /** ApproximateReceiveCount: 1 on the first delivery. */
  receiveCount: number;
}

export interface NotifierDeps extends DeliveryDeps {
  retries: NotificationRetryControl;
  failed: FailedNotificationStore;
  /** The queue's maxReceiveCount: the receive at which a failure is the last one before the DLQ. */
  maxReceives: number;
  /**
   * `defer`: an SMS in quiet hours waits for the next window (real providers). `annotate`: it is written at once
   * with `deliverAfter` set (the local outbox, which only shows what would be sent and when).
   */
  quietHours: 'defer' | 'annotate';
  /** The SMS quiet hours in force for the message's organisation and campaign (stored limits over the default). */
  smsQuietHours(message: QueuedNotification): Promise<QuietHours>;
  log: Pick<Log, 'warn' | 'error'>;
}

export type MessageOutcome = 'sent' | 'duplicate' | 'deferred' | 'retry' | 'failed';

/**
 * Handles one received message; answers whether it must stay on the queue (a batch item failure).
 * Primary course:
 *  1. an SMS in its organisation's quiet hours (or a message deferred earlier and not yet due) is handed on as a fresh copy that
 *     carries `deliverAfter`, delayed by up to 15 minutes per hop, and the received copy is deleted — so waiting
 *     never counts as a failed receive toward the dead-letter queue;
 *  2. otherwise it is delivered (idempotently);
 *  3. a failure keeps the message, hidden for 30 s × 2^(receiveCount−1) (at most 15 min); on the last receive
 *     before the DLQ, a failed-notification record keeps the request and the error for the admin.
 */
export async function handleNotificationMessage(deps: NotifierDeps, received: ReceivedNotification): Promise<{ outcome: MessageOutcome; keep: boolean }> {
  let message: QueuedNotification;
  try {
    message = JSON.parse(received.body) as QueuedNotification;
  } catch {
    deps.log.error('notification message is not JSON; left for the dead-letter queue', { messageId: received.messageId });
    return { outcome: 'failed', keep: true };
  }
  const now = deps.clock.now();
  const earlierAttempts = Math.max(0, received.receiveCount - 1);

  const until = notBefore(message, now, message.channel === 'sms' ? await deps.smsQuietHours(message) : undefined);
  if (until && (deps.quietHours === 'defer' || message.deliverAfter)) {
    const deferred: QueuedNotification = { ...message, deliverAfter: until.toISOString(), priorAttempts: (message.priorAttempts ?? 0) + earlierAttempts };
    try {
      await deps.retries.requeue(deferred, Math.min(maxDelaySeconds, secondsUntil(until, now)));
      return { outcome: 'deferred', keep: false };
    } catch (error) {
      deps.log.warn('could not requeue a deferred notification; it will be received again', { messageId: received.messageId, reason: String(error) });
      return { outcome: 'retry', keep: true };
    }
  }
  const request: QueuedNotification = until ? { ...message, deliverAfter: until.toISOString() } : message;

  try {
    const result = await deliverNotification(deps, request);
    return { outcome: result, keep: false };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const lastAttempt = received.receiveCount >= deps.maxReceives;
    const delay = retryDelaySeconds(received.receiveCount);
    if (lastAttempt) {
      const attempts = (message.priorAttempts ?? 0) + received.receiveCount;
      const { deliverAfter: _d, priorAttempts: _p, ...original } = message;
      await deps.failed.put(failedNotificationRecord(original, attempts, reason, now));
      deps.log.error('notification failed for the last time; recorded for the admin', { messageId: received.messageId, event: message.event, attempts, reason });
    } else {
      deps.log.warn('notification not delivered; will retry', { messageId: received.messageId, receiveCount: received.receiveCount, retryInSeconds: delay, reason });
    }
    // After the backoff the message is received again — and, after the last attempt, SQS moves it to the DLQ.
    try {
      await deps.retries.changeVisibility(received.receiptHandle, delay);
    } catch (visibilityError) {
      deps.log.warn('could not set the retry delay; the queue default applies', { messageId: received.messageId, reason: String(visibilityError) });
    }
    return { outcome: lastAttempt ? 'failed' : 'retry', keep: true };
  }
}

/** A batch: every message independently; the ids to keep are the batch item failures. */
export async function handleNotificationBatch(deps: NotifierDeps, messages: readonly ReceivedNotification[]): Promise<{ keep: string[]; outcomes: MessageOutcome[] }> {
  const results = await Promise.all(
    messages.map(async (m) => {
      try {
        return await handleNotificationMessage(deps, m);
      } catch (error) {
        deps.log.error('notification handling failed; it will be received again', { messageId: m.messageId, reason: String(error) });
        return { outcome: 'retry' as const, keep: true };
      }
    }),
  );
  return { keep: messages.filter((_, i) => results[i]!.keep).map((m) => m.messageId), outcomes: results.map((r) => r.outcome) };
}
