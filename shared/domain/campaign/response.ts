/**
 * A response (答卷): one person's answers to a campaign's questionnaire. It is not a suggestion — no workflow, no
 * tracking code — and it is stored once: the page gives each submission its own id (a ULID or a UUID it keeps
 * until it is answered), so a network retry finds the response already there and nothing is counted twice.
 */
import * as z from 'zod';
import { locales, type Locale } from '../i18n/messages';
import { mobilePattern } from '../intake/submission';
import type { Answers } from '../questionnaire/questionnaire';
import { stationIdPattern } from './campaign';

export interface CampaignResponse {
  orgId: string;
  campaignId: string;
  /** The page's id of this submission. */
  id: string;
  /** When it was first received (a retry keeps the first). */
  receivedAt: string;
  /** Checked answers, only to the questions the person saw (questionnaire/answers.ts). */
  answers: Answers;
  /** The station whose poster's QR code opened the page, if any. */
  stationId?: string;
  /** The language the person answered in (choices are exported in the staff member's language). */
  locale: Locale;
}

/** A ULID (Crockford base 32, 26 characters) or a UUID (what crypto.randomUUID gives a page). */
export const responseIdPattern = /^(?:[0-9A-HJKMNP-TV-Z]{26}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The id a browser keeps in localStorage (the `browser` policy) and a page visit's id (scans): random, opaque. */
export const browserIdPattern = /^[A-Za-z0-9_-]{16,64}$/;

export const phoneCodePattern = /^\d{6}$/;

/** POST /api/campaigns/{campaignId}/responses. The answers are checked against the questionnaire (answers.ts). */
export const responseRequestSchema = z.strictObject({
  responseId: z.string().regex(responseIdPattern, { message: 'responseIdFormat' }),
  answers: z.unknown(),
  stationId: z.string().regex(stationIdPattern, { message: 'stationIdFormat' }).optional(),
  locale: z.enum(locales).optional(),
  phone: z.string().trim().regex(mobilePattern, { message: 'phone' }).optional(),
  phoneCode: z.string().trim().regex(phoneCodePattern, { message: 'phoneCodeFormat' }).optional(),
  browserId: z.string().regex(browserIdPattern, { message: 'browserIdFormat' }).optional(),
});
export type ResponseRequest = z.input<typeof responseRequestSchema>;

/** POST /api/campaigns/{campaignId}/phone-codes */
export const phoneCodeRequestSchema = z.strictObject({
  phone: z.string().trim().regex(mobilePattern, { message: 'phone' }),
  locale: z.enum(locales).optional(),
});
export type PhoneCodeRequest = z.input<typeof phoneCodeRequestSchema>;

/** POST /api/campaigns/{campaignId}/scans: one opening of the page (its visit id, kept for the page's life). */
export const scanRequestSchema = z.strictObject({
  visitId: z.string().regex(browserIdPattern, { message: 'visitIdFormat' }),
  stationId: z.string().regex(stationIdPattern, { message: 'stationIdFormat' }).optional(),
});
export type ScanRequest = z.input<typeof scanRequestSchema>;
