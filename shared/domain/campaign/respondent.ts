/**
 * Who answered, without keeping who they are: a verified phone, a contact's phone or email, or a browser's id is
 * turned into a keyed hash (HMAC-SHA256 under the server secret, scoped to the organisation and the campaign) before
 * it reaches the table. The same person gives the same key — what the one-response-per-person guard and the count
 * of participants need — and a table dump alone cannot tell whose it is: a phone number's 10^10 values could be
 * tried against a plain hash, not against one keyed by a secret the table never holds.
 */
import { createHmac } from 'node:crypto';

export type RespondentKind = 'phone' | 'email' | 'browser';

/** Phones by their digits, emails lower case: 138 1234 5678 and 13812345678 are one person. */
export function normaliseRespondent(kind: RespondentKind, value: string): string {
  if (kind === 'phone') return value.replace(/\D/g, '');
  if (kind === 'email') return value.trim().toLowerCase();
  return value;
}

export function respondentKey(secret: string, orgId: string, campaignId: string, kind: RespondentKind, value: string): string {
  const digest = createHmac('sha256', secret).update(`respondent\u0000${orgId}\u0000${campaignId}\u0000${kind}\u0000${normaliseRespondent(kind, value)}`);
  return `${kind}-${digest.digest('base64url').slice(0, 32)}`;
}

/**
 * Whom a suggestion's participant count is keyed by: its contact's phone, else its email (a suggestion without
 * contact details is nobody's we can tell apart, and is not counted as a participant).
 */
export function contactParticipantKey(secret: string, orgId: string, campaignId: string, contact: { phone?: string; email?: string } | undefined): string | undefined {
  if (contact?.phone) return respondentKey(secret, orgId, campaignId, 'phone', contact.phone);
  if (contact?.email) return respondentKey(secret, orgId, campaignId, 'email', contact.email);
  return undefined;
}
