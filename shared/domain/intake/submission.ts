/**
 * What a citizen may submit. The same schema validates on the server and in the web form, so the form can
 * never accept what the API refuses.
 */
import * as z from 'zod';
import { channels } from '../suggestion/suggestion';
import { categories } from './categories';

export const limits = {
  titleMax: 100,
  contentMax: 5000,
  addressMax: 200,
  nameMax: 50,
  campaignIdMax: 64,
} as const;

/** The honeypot field's name: one that autofill-happy bots fill and people never see. */
export const honeypotField = 'website';

export const mobilePattern = /^1[3-9]\d{9}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/**
 * Coordinates are kept to 7 decimal places (about a centimetre): finer digits mean nothing for a place, and a
 * number like 2.5e-323 is more than DynamoDB can store (its smallest magnitude is 1e-130).
 */
const coordinate = (max: number) =>
  z
    .number()
    .min(-max)
    .max(max)
    .transform((v) => Math.round(v * 1e7) / 1e7 || 0);

export const locationSchema = z.strictObject({
  address: z.string().trim().max(limits.addressMax).optional(),
  lat: coordinate(90).optional(),
  long: coordinate(180).optional(),
});

export const contactSchema = z
  .strictObject({
    name: z.string().trim().max(limits.nameMax).optional(),
    phone: z.string().trim().regex(mobilePattern, { message: 'phone' }).optional(),
    email: z.string().trim().max(254).regex(emailPattern, { message: 'email' }).optional(),
    consent: z.boolean(),
    /** 在案例库中署名: the citizen agrees to be named (by the name given) if the idea enters the case library. */
    creditConsent: z.boolean().optional(),
  })
  .superRefine((contact, ctx) => {
    if (!contact.phone && !contact.email) ctx.addIssue({ code: 'custom', message: 'contactIncomplete', path: ['phone'] });
    if (!contact.consent) ctx.addIssue({ code: 'custom', message: 'consentRequired', path: ['consent'] });
  });

export const submissionSchema = z.strictObject({
  title: trimmed(limits.titleMax),
  content: trimmed(limits.contentMax),
  category: z.enum(categories),
  channel: z.enum(channels),
  location: locationSchema.optional(),
  contact: contactSchema.optional(),
  campaignId: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,64}$/, { message: 'campaignIdFormat' })
    .optional(),
  /** The station (征集点) whose poster's QR code was scanned: recorded with channel `qr`, only in a campaign. */
  stationId: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,32}$/, { message: 'stationIdFormat' })
    .optional(),
  /**
   * The honeypot: a field the form hides from people (and from screen readers) that form-filling bots fill in.
   * Refused with a message naming it, rather than silently dropped, so a person whose browser autofilled it is
   * told what to do and loses nothing.
   */
  [honeypotField]: z.string().refine((v) => v === '', { message: 'leaveEmpty' }).optional(),
});

export type Submission = z.output<typeof submissionSchema>;
