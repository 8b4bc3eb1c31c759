/**
 * The PIN of a submission sent with an Idempotency-Key is derived, not stored: HMAC-SHA256 of the organisation and
 * the key under a server secret, read as a 6-digit number. A retry with the same key recomputes the same PIN, so
 * the replayed receipt can show it while the table holds only its salted hash (pin-hash.ts) — no PIN at rest, not
 * even in the idempotency record or its backups. Without the secret the PIN cannot be computed from the key.
 */
import { createHmac } from 'node:crypto';
import { pinLength } from './tracking-code';

export function keyedPin(secret: string, orgId: string, idempotencyKey: string): string {
  const digest = createHmac('sha256', secret).update(`pin\u0000${orgId}\u0000${idempotencyKey}`).digest();
  // 64 bits mod 10^6: the bias (2^64 mod 10^6 of 2^64 values) is below 1e-13.
  const value = digest.readBigUInt64BE(0) % 10n ** BigInt(pinLength);
  return value.toString().padStart(pinLength, '0');
}
