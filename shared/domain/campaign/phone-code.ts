/**
 * The SMS code of the one-response-per-phone policy: six digits, valid ten minutes, five tries. Stored only as a
 * keyed hash (a 6-digit code's million values are nothing to try against a plain hash). Sending is limited per
 * phone and per address: an SMS costs the office money, and "SMS pumping" sends paid messages to numbers an
 * attacker owns.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { normaliseRespondent } from './respondent';

export const phoneCodeRules = {
  ttlSeconds: 600,
  maxAttempts: 5,
  perPhone: [
    { limit: 1, windowSeconds: 60 },
    { limit: 5, windowSeconds: 86_400 },
  ],
  perAddress: [
    { limit: 10, windowSeconds: 3_600 },
    { limit: 50, windowSeconds: 86_400 },
  ],
} as const;

export function phoneCodeHash(secret: string, orgId: string, campaignId: string, phone: string, code: string): string {
  return createHmac('sha256', secret)
    .update(`phoneCode\u0000${orgId}\u0000${campaignId}\u0000${normaliseRespondent('phone', phone)}\u0000${code}`)
    .digest('base64url');
}

/** Constant time, so the comparison itself says nothing about how close a guess was. */
export function phoneCodeMatches(expectedHash: string, actualHash: string): boolean {
  const a = Buffer.from(expectedHash);
  const b = Buffer.from(actualHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A stored code as the check reads it. */
export interface StoredPhoneCode {
  codeHash: string;
  /** Epoch seconds: TTL deletes it some time after; the check does not wait for that. */
  expiresAt: number;
  attempts: number;
}

export type PhoneCodeVerdict = 'ok' | 'missing' | 'expired' | 'tooManyAttempts' | 'wrong';

export function judgePhoneCode(stored: StoredPhoneCode | undefined, hash: string, now: Date): PhoneCodeVerdict {
  if (!stored) return 'missing';
  if (stored.expiresAt * 1000 <= now.getTime()) return 'expired';
  if (stored.attempts >= phoneCodeRules.maxAttempts) return 'tooManyAttempts';
  return phoneCodeMatches(stored.codeHash, hash) ? 'ok' : 'wrong';
}
