/**
 * Delivers one queued notification.
 * Primary course:
 *  1. claim its idempotency key (suggestion, event, recipient, checkpoint) — already sent means done;
 *  2. render it in the recipient's language;
 *  3. hand it to the provider; on success mark it sent, on failure release the claim and rethrow so SQS
 *     retries it later (and, after repeated failures, parks it in the dead-letter queue — never dropped).
 */
import { renderNotification } from '../domain/notifications/render';
import type { Clock, NotificationLedger, NotificationProvider, NotificationRequest } from '../ports';

export async function deliverNotification(
  deps: { ledger: NotificationLedger; provider: NotificationProvider; clock: Clock },
  request: NotificationRequest,
): Promise<'sent' | 'duplicate'> {
  const claim = await deps.ledger.claim(request.idempotencyKey, deps.clock.now());
  if (claim === 'alreadySent') return 'duplicate';
  if (claim === 'inProgress') throw new Error(`notification ${request.idempotencyKey} is being sent by another worker`);
  try {
    await deps.provider.send(renderNotification(request), request);
  } catch (error) {
    await deps.ledger.release(request.idempotencyKey);
    throw error;
  }
  await deps.ledger.markSent(request.idempotencyKey, deps.clock.now());
  return 'sent';
}
