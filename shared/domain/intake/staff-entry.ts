/**
 * 代录: what a staff member adds to a submission they enter on a citizen's behalf — the line it came by (hotline or
 * offline, and for offline the box, station or visit), the place or call reference, and when it was received.
 * The submission itself is checked by the shared submission schema; this is the envelope around it, shared with
 * the staff entry form.
 */
import * as z from 'zod';
import { offlineKinds, type Channel } from '../suggestion/suggestion';

/** The channels a staff entry may name: the others are the citizen's own (web, qr) or an integration's. */
export const staffEntryChannels = ['hotline', 'offline'] as const satisfies readonly Channel[];

export const staffEntryLimits = { placeMax: 100 } as const;

/** The envelope's fields; the rest of the body is the submission. */
export const staffEntryFields = ['offlineKind', 'place', 'receivedAt'] as const;

export const staffEntryEnvelopeSchema = z
  .object({
    channel: z.enum(staffEntryChannels),
    offlineKind: z.enum(offlineKinds).optional(),
    place: z.string().trim().max(staffEntryLimits.placeMax).optional(),
    receivedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((entry, ctx) => {
    // An offline suggestion says where it was picked up; a call has no such kind.
    if (entry.channel === 'offline' && !entry.offlineKind) ctx.addIssue({ code: 'custom', message: 'required', path: ['offlineKind'] });
    if (entry.channel !== 'offline' && entry.offlineKind) ctx.addIssue({ code: 'custom', message: 'offlineKindOnlyOffline', path: ['offlineKind'] });
  });

export type StaffEntryEnvelope = z.output<typeof staffEntryEnvelopeSchema>;

/** Splits a staff entry's body into its envelope and the submission (which keeps the channel). */
export function splitStaffEntry(body: unknown): { envelope: unknown; submission: unknown } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { envelope: {}, submission: body };
  const submission: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const envelope: Record<string, unknown> = { channel: submission.channel };
  for (const field of staffEntryFields) {
    if (field in submission) envelope[field] = submission[field];
    delete submission[field];
  }
  return { envelope, submission };
}

/** The first timeline entry's note: who entered it, by which line (the staff detail shows it; the citizen's view does not). */
export function staffEntryNote(staffName: string, envelope: StaffEntryEnvelope): string {
  const line = envelope.channel === 'hotline' ? '热线' : `线下（${{ box: '意见箱', station: '征集点', visit: '走访' }[envelope.offlineKind ?? 'box']}）`;
  return `${staffName} 代录，渠道：${line}${envelope.place ? `，${envelope.place}` : ''}`;
}
