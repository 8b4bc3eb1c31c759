/**
 * PINs are stored only as salted HMAC-SHA256. A 6-digit PIN cannot resist an offline attack whatever the hash,
 * so the real protection is that hashes never leave the table and online guesses are rate-limited; a slow KDF
 * would only add latency to every submission and lookup.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function hashPin(pin: string, salt = randomBytes(12).toString('base64url')): string {
  const digest = createHmac('sha256', salt).update(pin).digest('base64url');
  return `${salt}$${digest}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const [salt, digest] = stored.split('$');
  if (!salt || !digest) return false;
  const expected = Buffer.from(digest);
  const actual = Buffer.from(createHmac('sha256', salt).update(pin).digest('base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
