/**
 * A generic HTTP webhook: POSTs each notification as JSON to one configured URL — the usual way to reach a
 * domestic SMS gateway (or any relay) through a small adapter on the other side.
 *
 * The receiver verifies `X-Jianyi-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` and may
 * refuse a stale `X-Jianyi-Timestamp` (unix seconds) to stop replays; `Idempotency-Key` lets it drop a repeat
 * (a delivery whose answer was lost is retried). Any answer other than 2xx, or no answer within the timeout,
 * is a failure, and the notifier retries.
 */
import { createHmac } from 'node:crypto';
import { deliveryFields } from '../domain/notifications/render';
import type { Clock, NotificationProvider, NotificationRequest, RenderedNotification } from '../ports';

export interface WebhookOptions {
  url: string;
  secret: string;
  /** @default 5000 */
  timeoutMs?: number;
  clock: Clock;
}

export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Refuses a URL that would send notifications in clear text to another machine. */
export function validateWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('NOTIFY_WEBHOOK_URL is not a URL');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new Error('NOTIFY_WEBHOOK_URL must use https (plain http only to this machine)');
  }
  return url;
}

export class WebhookProvider implements NotificationProvider {
  constructor(private readonly options: WebhookOptions) {}

  async send(message: RenderedNotification, request: NotificationRequest): Promise<void> {
    const body = JSON.stringify({
      ...deliveryFields(message, request),
      locale: request.locale,
      idempotencyKey: request.idempotencyKey,
    });
    const timestamp = String(Math.floor(this.options.clock.now().getTime() / 1000));
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'idempotency-key': request.idempotencyKey,
          'x-jianyi-timestamp': timestamp,
          'x-jianyi-signature': webhookSignature(this.options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (error) {
      throw new Error(`webhook unreachable: ${(error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message}`, { cause: error });
    }
    // Drain the body so the connection is released, and keep a little of it for the failure record.
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new Error(`webhook answered ${response.status}: ${text.slice(0, 200)}`);
  }
}
