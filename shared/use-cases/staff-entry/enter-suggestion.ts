/**
 * 代录: a staff member (hotline operator, station staff) enters a suggestion on a citizen's behalf.
 * Primary course:
 *  1. the stored profile says who may: operators, dispatchers and admins;
 *  2. the envelope (channel hotline or offline, the offline kind, place, received time not in the future) is
 *     checked; the submission itself is checked by submitSuggestion against the shared schema;
 *  3. submitSuggestion creates it with the staff member as actor, the source naming who entered it, the received
 *     time as its submission time, a note on the first timeline entry and the staff member's audit record in the
 *     same transaction; the form's Idempotency-Key makes a double click create one;
 *  4. the receipt carries the PIN (the citizen is on the phone, not at the screen): its request holds only the
 *     key the notifier derives the PIN from.
 */
import { ValidationError } from '../../domain/errors';
import { splitStaffEntry, staffEntryChannels, staffEntryEnvelopeSchema, staffEntryNote } from '../../domain/intake/staff-entry';
import type { Locale } from '../../domain/i18n/messages';
import { officeDay } from '../../domain/office-day';
import { auditRecord } from '../../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../../domain/staff/principal';
import type { StaffRole } from '../../domain/staff/staff';
import type { SuggestionSource } from '../../domain/suggestion/suggestion';
import type { StaffEntryEnvelope } from '../../domain/intake/staff-entry';
import { submissionSchema } from '../../domain/intake/submission';
import { toFieldProblems } from '../../domain/validation';
import { submitSuggestion, type SubmitDeps, type SubmitResponse } from '../submit-suggestion';

/** Who may enter a suggestion for a citizen. */
export const staffEntryRoles: readonly StaffRole[] = ['operator', 'dispatcher', 'admin'];

/** A clock a little ahead of the office's is not "the future": a minute's grace. */
const clockSkewMs = 60_000;

export interface StaffEntryCommand {
  body: unknown;
  idempotencyKey?: string;
  locale: Locale;
}

export async function enterSuggestion(deps: SubmitDeps, principal: StaffPrincipal, command: StaffEntryCommand): Promise<{ status: 201 | 200; body: SubmitResponse }> {
  requireRole(principal, staffEntryRoles);
  const { envelope: rawEnvelope, submission } = splitStaffEntry(command.body);
  const envelope = parseBoth(rawEnvelope, submission);
  const now = deps.clock.now();
  const receivedAt = envelope.receivedAt ? new Date(envelope.receivedAt) : undefined;
  if (receivedAt && receivedAt.getTime() > now.getTime() + clockSkewMs) {
    throw new ValidationError({ receivedAt: { rule: 'notInFuture', params: { today: officeDay(now) } } });
  }
  const at = now.toISOString();
  const source: SuggestionSource = {
    enteredBy: { id: principal.username, name: principal.name, at },
    ...(envelope.offlineKind ? { offlineKind: envelope.offlineKind } : {}),
    ...(envelope.place ? { place: envelope.place } : {}),
  };
  return submitSuggestion(deps, {
    orgId: principal.orgId,
    body: submission,
    locale: command.locale,
    actor: { type: 'staff', id: principal.username, name: principal.name, role: principal.role },
    allowedChannels: staffEntryChannels,
    source,
    ...(receivedAt ? { submittedAt: receivedAt } : {}),
    pinInReceipt: true,
    note: staffEntryNote(principal.name, envelope),
    ...(command.idempotencyKey !== undefined ? { idempotencyKey: command.idempotencyKey } : {}),
    audit: (s) => auditRecord(principal, at, 'enterSuggestion', `suggestion:${s.id}`, `${envelope.channel}${envelope.offlineKind ? `/${envelope.offlineKind}` : ''}`),
  });
}

/** The envelope, checked with the submission so every broken field of the form is named at once. */
function parseBoth(envelope: unknown, submission: unknown): StaffEntryEnvelope {
  const outer = staffEntryEnvelopeSchema.safeParse(envelope, { reportInput: true });
  const inner = submissionSchema.safeParse(submission, { reportInput: true });
  if (outer.success && inner.success) return outer.data;
  throw new ValidationError({
    ...(inner.success ? {} : toFieldProblems(inner.error.issues)),
    ...(outer.success ? {} : toFieldProblems(outer.error.issues)),
  });
}
