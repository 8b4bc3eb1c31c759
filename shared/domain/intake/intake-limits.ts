/**
 * How much one client may submit, and how many receipts one phone or email may receive, before the system stops
 * doing it for them. Public intake has no account, so these are what stands between a script and the office's
 * queue (and, for SMS receipts, its phone bill: "SMS pumping" sends paid messages to numbers an attacker owns).
 *
 * Per address: generous enough for a community centre's shared Wi-Fi on a campaign day (a QR rush comes from
 * many phones behind one address), far below what a script sends. Per recipient: a citizen rarely files more
 * than a few suggestions a day; past the cap the suggestion is still accepted, only the receipt is not sent,
 * and the receipt page says so.
 */
import { createHmac } from 'node:crypto';

export const intakeLimits = {
  perAddressMinute: { limit: 20, windowSeconds: 60 },
  perAddressDay: { limit: 300, windowSeconds: 86_400 },
} as const;

export const receiptLimits = {
  sms: { limit: 3, windowSeconds: 86_400 },
  email: { limit: 5, windowSeconds: 86_400 },
} as const;

/**
 * The rate bucket of one receipt recipient: keyed by an HMAC of the normalised number or address under the server
 * secret, so the counters in the table never hold a phone number or an email readable.
 */
export function receiptBucket(secret: string, orgId: string, channel: 'sms' | 'email', to: string): string {
  const normalised = channel === 'email' ? to.trim().toLowerCase() : to.replace(/\D/g, '');
  return `receipt#${orgId}#${channel}#${createHmac('sha256', secret).update(`receipt\u0000${channel}\u0000${normalised}`).digest('base64url').slice(0, 32)}`;
}
