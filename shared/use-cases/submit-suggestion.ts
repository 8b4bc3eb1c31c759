/**
 * A citizen (or staff on their behalf) submits a suggestion.
 * Primary course:
 *  1. validate the submission against the shared schema (the web form uses the same one; a filled honeypot field
 *     is refused by name);
 *  2. with an Idempotency-Key, a retry of the same body replays the first receipt and writes nothing;
 *  2b. in a campaign: it must take submissions now (409 naming its window), offer the category, and know the
 *      station a poster's QR code named (400 naming the field);
 *  2a. count the submission against its client's address (429 with Retry-After past the limit), and each receipt
 *     against its phone or email (past the daily cap the suggestion is accepted and the receipt is withheld);
 *  3. issue a tracking code and PIN — random, or with an Idempotency-Key derived from the key under the server
 *     secret so a replay can show it again — and create the suggestion through the lifecycle (status submitted);
 *  4. write suggestion, tracking code, first timeline entry and idempotency record in one transaction; the PIN is
 *     stored only as a salted hash (the idempotency record keeps the receipt without it);
 *  5. start the suggestion's workflow (named by its id, so a repeat start is harmless) and queue the receipt
 *     (受理告知) when contact details were given — both idempotent, both after the write, so a failure of
 *     either loses nothing: the record is safe and the workflow is resumed from its recorded phase.
 */
import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { ConflictError, RateLimitedError, ValidationError } from '../domain/errors';
import { intakeLimits, receiptBucket, receiptLimits } from '../domain/intake/intake-limits';
import type { Locale } from '../domain/i18n/messages';
import { submissionSchema } from '../domain/intake/submission';
import { submitted } from '../domain/suggestion/lifecycle';
import { hashPin } from '../domain/suggestion/pin-hash';
import type { Actor, Channel, Suggestion, SuggestionSource, SuggestionStatus } from '../domain/suggestion/suggestion';
import { keyedPin } from '../domain/suggestion/keyed-pin';
import { newPin, newTrackingCode, type RandomBytes } from '../domain/suggestion/tracking-code';
import { parseOrThrow } from '../domain/validation';

import { deliveryScope } from './notify';
// Campaigns (issue 11): responses
import { suggestionContributions } from '../domain/campaign/aggregate';
import { contactParticipantKey } from '../domain/campaign/respondent';
import { officeDay } from '../domain/office-day';
import type { CampaignContribution, CampaignParticipants } from '../ports';
import {
  IdempotencyConflict,
  type Clock,
  type Log,
  type NotificationQueue,
  type NotificationRequest,
  type RateLimiter,
  type SuggestionStore,
  type WorkflowEngine,
  type CampaignStore,
} from '../ports';
import type { Submission } from '../domain/intake/submission';
import { requireAccepting } from '../domain/campaign/lifecycle';
import type { AuditRecord } from '../domain/staff/audit-record';

/** 201 from POST /api/suggestions. The PIN is shown once; only its hash is stored. */
export interface SubmitResponse {
  trackingCode: string;
  pin: string;
  status: SuggestionStatus;
  submittedAt: string;
  /** When screening is due (1 working day). */
  dueAt: string;
  /** Whether a receipt (受理告知) was sent to the contact given. */
  receiptSent: boolean;
  /** Channels whose receipt was not sent: that phone or email had its daily number of receipts already. */
  receiptsWithheld?: ('sms' | 'email')[];
  /** The source system's record was taken in before (import, integration): this is the first receipt again. */
  alreadyReceived?: true;
}

export interface SubmitDeps {
  store: SuggestionStore;
  campaigns: Pick<CampaignStore, 'get'>;
  rateLimiter: RateLimiter;
  workflow: WorkflowEngine;
  notifications: NotificationQueue;
  clock: Clock;
  randomBytes: RandomBytes;
  /** The server secret a keyed submission's PIN is derived from (keyed-pin.ts). */
  pinSecret: () => Promise<string>;
  /** When screening of a suggestion submitted at this instant is due (1 working day by default; the
   * organisation's and the campaign's time limits and calendar apply). */
  screeningDueAt: (submittedAt: Date, campaignId?: string) => Promise<Date>;
  publicBaseUrl: string;
  log: Pick<Log, 'error'>;
  // Campaigns (issue 11): responses — counts a campaign suggestion's person among its participants.
  campaignParticipants?: CampaignParticipants;
}

export interface SubmitCommand {
  orgId: string;
  body: unknown;
  /** The client's address (the viewer's, behind CloudFront); staff entry on a citizen's behalf passes none. */
  sourceIp?: string;
  idempotencyKey?: string;
  locale: Locale;
  actor?: Actor;
  // Every channel into one queue (issue 12)
  /** The channels this caller may name (the public form: web and qr); omitted means any. */
  allowedChannels?: readonly Channel[];
  /** Where it came from beyond the channel (staff entry, import, integration), stored on the suggestion. */
  source?: SuggestionSource;
  /** Import: the original submission time, kept as `submittedAt` (the screening deadline still runs from now). */
  submittedAt?: Date;
  /**
   * The source system's own record id (12345 工单号): the intake is idempotent on it for good, not for 24 hours.
   * A second intake of the same record, whatever its content now, writes nothing and answers 200 with the first
   * receipt (`alreadyReceived`), its PIN derived again from the pair.
   */
  sourceRecord?: { system: string; recordId: string };
  /** Whether to send the receipt (受理告知) to the contact given; default true. An import may leave it off. */
  sendReceipt?: boolean;
  /**
   * The citizen is not at the screen (staff entry): the receipt carries the PIN. The PIN is then derived under the
   * server secret (keyed-pin.ts) from a key (the suggestion id's, or the source record's), and the receipt's params
   * carry that key (`pinKey`), never the PIN: the notifier derives the PIN again when it renders, so no PIN is in
   * the queue, the ledger or a failure record.
   */
  pinInReceipt?: boolean;
  /** A note on the first timeline entry (e.g. who entered it, from which line). */
  note?: string;
  // Issue 12: staff entry and callbacks
  /** A staff member's entry: its audit record (given the new suggestion), written in the create transaction. */
  audit?: (suggestion: Suggestion) => AuditRecord;
}

/** The key a receipt-carried PIN is derived from (keyed-pin.ts) when no source record keys it. */
export function receiptPinKey(suggestionId: string): string {
  return `receipt#${suggestionId}`;
}

/** The key a source record's PIN is derived from: a repeat intake of the record shows the same PIN. */
function sourcePinKey(record: { system: string; recordId: string }): string {
  return `source#${record.system}#${record.recordId}`;
}

const idempotencyTtlSeconds = 24 * 3600;
const idempotencyKeyPattern = /^[A-Za-z0-9_-]{8,128}$/;

export async function submitSuggestion(deps: SubmitDeps, command: SubmitCommand): Promise<{ status: 201 | 200; body: SubmitResponse }> {
  const submission = parseOrThrow(submissionSchema, command.body);
  if (command.allowedChannels && !command.allowedChannels.includes(submission.channel)) {
    throw new ValidationError({ channel: { rule: 'channelNotAllowed', params: { options: command.allowedChannels.join(', ') } } });
  }
  if (command.sourceRecord) return submitFromSource(deps, command, submission, command.sourceRecord);
  if (command.idempotencyKey !== undefined && !idempotencyKeyPattern.test(command.idempotencyKey)) {
    throw new ValidationError({ 'Idempotency-Key': { rule: 'idempotencyKeyFormat' } });
  }
  const fingerprint = createHash('sha256').update(JSON.stringify(submission)).digest('base64url');
  const idemScope = `submit#${command.orgId}`;
  const secret = await deps.pinSecret();
  const pin = command.idempotencyKey ? keyedPin(secret, command.orgId, command.idempotencyKey) : newPin(deps.randomBytes);

  // A retry answers at once from the first receipt: no limit is counted, nothing is written.
  if (command.idempotencyKey) {
    const replay = await replayed(deps, idemScope, command.idempotencyKey, fingerprint, pin);
    if (replay) {
      // Idempotent: heals a first try that stopped between its write and this count.
      await countCampaignParticipant(deps, secret, command.orgId, submission);
      return replay;
    }
  }

  const idempotency = command.idempotencyKey ? { scope: idemScope, key: command.idempotencyKey, fingerprint, ttlSeconds: idempotencyTtlSeconds } : undefined;
  // Issue 12: staff entry and callbacks — a keyed PIN sent in the receipt is derived from the same key, so a replay
  // (which derives it from the Idempotency-Key) shows the PIN the receipt carries.
  const pinKey = command.pinInReceipt && command.idempotencyKey ? command.idempotencyKey : undefined;
  return createSubmitted(deps, command, submission, secret, { pin, ...(pinKey ? { pinKey } : {}) }, idempotency);
}

/** An intake keyed by the source system's record id: the first time it is created, later it answers from there. */
async function submitFromSource(deps: SubmitDeps, command: SubmitCommand, submission: Submission, record: { system: string; recordId: string }) {
  const secret = await deps.pinSecret();
  const scope = `source#${command.orgId}#${record.system}`;
  const pinKey = sourcePinKey(record);
  const pin = keyedPin(secret, command.orgId, pinKey);
  const fingerprint = createHash('sha256').update(JSON.stringify(submission)).digest('base64url');
  const first = async () => {
    const found = await deps.store.getIdempotency(scope, record.recordId);
    return found ? { status: 200 as const, body: { ...(found.response as Omit<SubmitResponse, 'pin'>), pin, alreadyReceived: true as const } } : undefined;
  };
  const before = await first();
  if (before) return before;
  try {
    return await createSubmitted(deps, command, submission, secret, { pin, pinKey }, { scope, key: record.recordId, fingerprint });
  } catch (error) {
    if (!(error instanceof IdempotencyConflict)) throw error;
    // Two intakes of one record raced (an overlapping export imported twice at once): the other wrote first.
    const after = await first();
    if (!after) throw error;
    return after;
  }
}

/**
 * Steps 2b-5: checks the campaign and limits, creates the suggestion with its first timeline entry (and the
 * idempotency record, if any) in one transaction, then starts its workflow and queues the receipt.
 */
async function createSubmitted(
  deps: SubmitDeps,
  command: SubmitCommand,
  submission: Submission,
  secret: string,
  given: { pin: string; pinKey?: string },
  idempotency: { scope: string; key: string; fingerprint: string; ttlSeconds?: number } | undefined,
): Promise<{ status: 201 | 200; body: SubmitResponse }> {
  const now = deps.clock.now();
  await requireCampaignTakes(deps.campaigns, command.orgId, submission, now);
  if (command.sourceIp) await requireWithinIntakeLimits(deps.rateLimiter, command.orgId, command.sourceIp, now);
  const at = now.toISOString();
  // An imported suggestion keeps its original time; its screening runs from now, when the office received it.
  const submittedAt = command.submittedAt ? command.submittedAt.toISOString() : at;
  const due = await deps.screeningDueAt(now, submission.campaignId);
  const id = ulid((command.submittedAt ?? now).getTime());
  // A PIN sent in the receipt is one the notifier can derive again from its key.
  const pinKey = command.pinInReceipt ? (given.pinKey ?? receiptPinKey(id)) : undefined;
  const pin = pinKey ? keyedPin(secret, command.orgId, pinKey) : given.pin;
  const actor: Actor = command.actor ?? { type: 'citizen', id: 'anonymous' };
  const { suggestion, entry } = submitted(
    {
      id,
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
      ...(submission.campaignId && submission.stationId ? { stationId: submission.stationId } : {}),
      ...(command.source ? { source: command.source } : {}),
      dueAt: due.toISOString(),
      phaseStartedAt: at,
      submittedAt,
    },
    actor,
  );
  // The rates and topics jobs read changes after their watermark: an old original time must not hide it from them.
  suggestion.updatedAt = at;
  if (command.note) entry.note = command.note;
  const wanted = command.sendReceipt === false ? [] : receiptRequests(suggestion, command.locale, deps.publicBaseUrl, pinKey);
  const { send: receipts, withheld } = await cappedReceipts(deps.rateLimiter, secret, suggestion, wanted, now);
  const response: SubmitResponse = {
    trackingCode: suggestion.trackingCode,
    pin,
    status: suggestion.status,
    submittedAt: suggestion.submittedAt,
    dueAt: suggestion.dueAt,
    receiptSent: receipts.length > 0,
    ...(withheld.length ? { receiptsWithheld: withheld } : {}),
  };

  try {
    await deps.store.create(
      suggestion,
      entry,
      idempotency
        ? {
            scope: idempotency.scope,
            key: idempotency.key,
            record: { fingerprint: idempotency.fingerprint, response: withoutPin(response) },
            ...(idempotency.ttlSeconds !== undefined ? { expiresAt: Math.floor(now.getTime() / 1000) + idempotency.ttlSeconds } : {}),
          }
        : undefined,
      campaignCounting(suggestion),
      command.audit?.(suggestion),
    );
  } catch (error) {
    if (!(error instanceof IdempotencyConflict) || !idempotency || !command.idempotencyKey) throw error;
    // Two copies of one retry raced: the other wrote first.
    const replay = await replayed(deps, idempotency.scope, command.idempotencyKey, idempotency.fingerprint, pin);
    if (!replay) throw new ConflictError('error.idempotencyKeyReused', undefined, 'idempotency_key_reused');
    return replay;
  }

  const effects = await Promise.allSettled([
    deps.workflow.startSuggestionWorkflow(suggestion.id),
    receipts.length ? deps.notifications.enqueue(receipts) : Promise.resolve(),
    countCampaignParticipant(deps, secret, command.orgId, submission),
  ]);
  for (const effect of effects) {
    if (effect.status === 'rejected') deps.log.error('effect after submission failed; will be resumed', { id: suggestion.id, reason: String(effect.reason) });
  }
  return { status: 201, body: response };
}

// Campaigns (issue 11): responses
/** What a campaign's suggestion adds to the campaign's counters, in its create transaction (exact under retries). */
function campaignCounting(s: Suggestion): CampaignContribution | undefined {
  if (!s.campaignId) return undefined;
  const place = { day: officeDay(s.submittedAt), channel: s.channel, category: s.category, ...(s.stationId ? { stationId: s.stationId } : {}) };
  return { campaignId: s.campaignId, shardKey: s.id, counters: suggestionContributions(place) };
}

/** The person behind a campaign suggestion's contact, counted once per campaign (none without a contact). */
async function countCampaignParticipant(
  deps: Pick<SubmitDeps, 'campaignParticipants'>,
  secret: string,
  orgId: string,
  submission: { campaignId?: string; contact?: { phone?: string; email?: string } },
): Promise<void> {
  const key = submission.campaignId ? contactParticipantKey(secret, orgId, submission.campaignId, submission.contact) : undefined;
  if (key && submission.campaignId && deps.campaignParticipants) await deps.campaignParticipants.countParticipant(orgId, submission.campaignId, key);
}

/** The first answer to this key, with its PIN recomputed (never read back from storage); 409 for another body. */
async function replayed(deps: Pick<SubmitDeps, 'store'>, scope: string, key: string, fingerprint: string, pin: string): Promise<{ status: 200; body: SubmitResponse } | undefined> {
  const first = await deps.store.getIdempotency(scope, key);
  if (!first) return undefined;
  if (first.fingerprint !== fingerprint) throw new ConflictError('error.idempotencyKeyReused', undefined, 'idempotency_key_reused');
  return { status: 200, body: { ...(first.response as Omit<SubmitResponse, 'pin'>), pin } };
}

/**
 * A campaign's suggestion: the campaign must exist (never a draft) and take submissions now; its category must be
 * one the campaign offers; a station must be one of its own. A replayed receipt skips this: the first submission
 * was inside the window even if the retry comes after it closed.
 */
async function requireCampaignTakes(campaigns: Pick<CampaignStore, 'get'>, orgId: string, submission: Submission, now: Date): Promise<void> {
  if (!submission.campaignId) {
    if (submission.stationId) throw new ValidationError({ stationId: { rule: 'stationNeedsCampaign' } });
    return;
  }
  const campaign = await campaigns.get(orgId, submission.campaignId);
  if (!campaign || campaign.state === 'draft') throw new ValidationError({ campaignId: { rule: 'unknownCampaign' } });
  requireAccepting(campaign, now);
  if (!campaign.categories.includes(submission.category)) {
    throw new ValidationError({ category: { rule: 'notOfferedByCampaign', params: { options: campaign.categories.join(', ') } } });
  }
  if (submission.stationId && !campaign.stations.some((s) => s.id === submission.stationId)) throw new ValidationError({ stationId: { rule: 'unknownStation' } });
}

async function requireWithinIntakeLimits(limiter: RateLimiter, orgId: string, address: string, now: Date): Promise<void> {
  const verdict = await limiter.hitAll(`submit#${orgId}#ip#${address}`, [intakeLimits.perAddressMinute, intakeLimits.perAddressDay], now);
  if (!verdict.allowed) throw new RateLimitedError('error.submitRateLimited', { seconds: verdict.retryAfterSeconds });
}

/** Receipts within each recipient's daily cap; the channels over it are withheld (and the citizen told). */
async function cappedReceipts(limiter: RateLimiter, secret: string, s: Suggestion, requests: NotificationRequest[], now: Date) {
  const verdicts = await Promise.all(
    requests.map((r) => limiter.hit(receiptBucket(secret, s.orgId, r.channel, r.to), receiptLimits[r.channel].limit, receiptLimits[r.channel].windowSeconds, now)),
  );
  return {
    send: requests.filter((_, i) => verdicts[i]!.allowed),
    withheld: requests.filter((_, i) => !verdicts[i]!.allowed).map((r) => r.channel),
  };
}

function withoutPin(response: SubmitResponse): Omit<SubmitResponse, 'pin'> {
  const { pin: _pin, ...rest } = response;
  return rest;
}

/** One receipt per contact channel the citizen gave; keyed so a redelivery sends nothing twice. */
export function receiptRequests(s: Suggestion, locale: Locale, publicBaseUrl: string, pinKey?: string): NotificationRequest[] {
  if (!s.contact?.consent) return [];
  const params = {
    title: s.title,
    trackingCode: s.trackingCode,
    dueDate: s.dueAt.slice(0, 10),
    trackUrl: `${publicBaseUrl}/#/track?code=${s.trackingCode}`,
    // The notifier derives the PIN from this key when it renders (the PIN itself is never carried).
    ...(pinKey ? { pinKey } : {}),
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
