/**
 * A citizen (or staff on their behalf) submits a suggestion.
 * Primary course:
 *  1. validate the submission against the shared schema (the web form uses the same one);
 *  2. with an Idempotency-Key, a retry of the same body replays the first receipt and writes nothing;
 *  3. issue a tracking code and PIN, and create the suggestion through the lifecycle (status submitted);
 *  4. write suggestion, tracking code, first timeline entry and idempotency record in one transaction;
 *  5. start the suggestion's workflow (named by its id, so a repeat start is harmless) and queue the receipt
 *     (受理告知) when contact details were given — both idempotent, both after the write, so a failure of
 *     either loses nothing: the record is safe and the workflow is resumed from its recorded phase.
 */
import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { ConflictError, ValidationError } from '../domain/errors';
import type { Locale } from '../domain/i18n/messages';
import { submissionSchema } from '../domain/intake/submission';
import { submitted } from '../domain/suggestion/lifecycle';
import { hashPin } from '../domain/suggestion/pin-hash';
import type { Actor, Suggestion } from '../domain/suggestion/suggestion';
import { newPin, newTrackingCode, type RandomBytes } from '../domain/suggestion/tracking-code';
import { parseOrThrow } from '../domain/validation';
import type { SubmitResponse } from '../http/api-types';
import { deliveryScope } from './notify';
import {
  IdempotencyConflict,
  type Clock,
  type NotificationQueue,
  type NotificationRequest,
  type SuggestionStore,
  type WorkflowEngine,
} from '../ports';

export interface SubmitDeps {
  store: SuggestionStore;
  workflow: WorkflowEngine;
  notifications: NotificationQueue;
  clock: Clock;
  randomBytes: RandomBytes;
  /** When screening of a suggestion submitted at this instant is due (1 working day by default; the
   * organisation's and the campaign's time limits and calendar apply). */
  screeningDueAt: (submittedAt: Date, campaignId?: string) => Promise<Date>;
  publicBaseUrl: string;
  log: { error(message: string, detail?: unknown): void };
}

export interface SubmitCommand {
  orgId: string;
  body: unknown;
  idempotencyKey?: string;
  locale: Locale;
  actor?: Actor;
}

const idempotencyTtlSeconds = 24 * 3600;
const idempotencyKeyPattern = /^[A-Za-z0-9_-]{8,128}$/;

export async function submitSuggestion(deps: SubmitDeps, command: SubmitCommand): Promise<{ status: 201 | 200; body: SubmitResponse }> {
  const submission = parseOrThrow(submissionSchema, command.body);
  if (command.idempotencyKey !== undefined && !idempotencyKeyPattern.test(command.idempotencyKey)) {
    throw new ValidationError({ 'Idempotency-Key': { rule: 'idempotencyKeyFormat' } });
  }
  const fingerprint = createHash('sha256').update(JSON.stringify(submission)).digest('base64url');
  const idemScope = `submit#${command.orgId}`;

  const now = deps.clock.now();
  const at = now.toISOString();
  const due = await deps.screeningDueAt(now, submission.campaignId);
  const pin = newPin(deps.randomBytes);
  const actor: Actor = command.actor ?? { type: 'citizen', id: 'anonymous' };
  const { suggestion, entry } = submitted(
    {
      id: ulid(now.getTime()),
      orgId: command.orgId,
      trackingCode: newTrackingCode(deps.randomBytes),
      pinHash: hashPin(pin),
      title: submission.title,
      content: submission.content,
      category: submission.category,
      channel: submission.channel,
      ...(submission.location ? { location: submission.location } : {}),
      ...(submission.contact ? { contact: submission.contact, locale: command.locale } : {}),
      ...(submission.campaignId ? { campaignId: submission.campaignId } : {}),
      dueAt: due.toISOString(),
      phaseStartedAt: at,
      submittedAt: at,
    },
    actor,
  );
  const receipts = receiptRequests(suggestion, command.locale, deps.publicBaseUrl);
  const response: SubmitResponse = {
    trackingCode: suggestion.trackingCode,
    pin,
    status: suggestion.status,
    submittedAt: suggestion.submittedAt,
    dueAt: suggestion.dueAt,
    receiptSent: receipts.length > 0,
  };

  try {
    await deps.store.create(
      suggestion,
      entry,
      command.idempotencyKey
        ? {
            scope: idemScope,
            key: command.idempotencyKey,
            record: { fingerprint, response },
            expiresAt: Math.floor(now.getTime() / 1000) + idempotencyTtlSeconds,
          }
        : undefined,
    );
  } catch (error) {
    if (!(error instanceof IdempotencyConflict) || !command.idempotencyKey) throw error;
    const first = await deps.store.getIdempotency(idemScope, command.idempotencyKey);
    if (!first || first.fingerprint !== fingerprint) throw new ConflictError('error.idempotencyKeyReused', undefined, 'idempotency_key_reused');
    return { status: 200, body: first.response as SubmitResponse };
  }

  const effects = await Promise.allSettled([
    deps.workflow.startSuggestionWorkflow(suggestion.id),
    receipts.length ? deps.notifications.enqueue(receipts) : Promise.resolve(),
  ]);
  for (const effect of effects) {
    if (effect.status === 'rejected') deps.log.error('effect after submission failed; will be resumed', { id: suggestion.id, reason: String(effect.reason) });
  }
  return { status: 201, body: response };
}

/** One receipt per contact channel the citizen gave; keyed so a redelivery sends nothing twice. */
export function receiptRequests(s: Suggestion, locale: Locale, publicBaseUrl: string): NotificationRequest[] {
  if (!s.contact?.consent) return [];
  const params = {
    title: s.title,
    trackingCode: s.trackingCode,
    dueDate: s.dueAt.slice(0, 10),
    trackUrl: `${publicBaseUrl}/#/track?code=${s.trackingCode}`,
  };
  const out: NotificationRequest[] = [];
  if (s.contact.phone) {
    out.push({ idempotencyKey: `${s.id}#receipt#sms#${s.contact.phone}#0`, event: 'receipt', suggestionId: s.id, ...deliveryScope(s), channel: 'sms', to: s.contact.phone, locale, params });
  }
  if (s.contact.email) {
    out.push({ idempotencyKey: `${s.id}#receipt#email#${s.contact.email}#0`, event: 'receipt', suggestionId: s.id, ...deliveryScope(s), channel: 'email', to: s.contact.email, locale, params });
  }
  return out;
}
