/**
 * Every port: the interfaces the use cases need. AWS adapters (shared/aws) implement them; unit tests use fakes.
 */
import type { Suggestion, SuggestionStatus, TimelineEntry } from '../domain/suggestion/suggestion';
import type { CalendarOverride, TimeLimitOverrides } from '../domain/deadlines';
import type { WorkflowPlan } from '../domain/workflow/plan';
import type { Department } from '../domain/organisation/department';
import type { AuditEntry, AuditRecord } from '../domain/staff/audit-record';
import type { StaffProfile } from '../domain/staff/staff';
import type { NotificationRequest, OutboxMessage, RenderedNotification } from '../domain/notifications/notification';
import type { FailedNotificationRecord } from '../domain/notifications/failed';
import type { QueueStats } from '../domain/stats/queue-stats';
import type { Bucket } from '../domain/rates/buckets';
import type { RateFacts } from '../domain/rates/facts';
import type { SummaryKind } from '../domain/rates/periods';
import type { RankingSettings } from '../domain/rates/ranking';
import type { ChangeDeltas } from '../domain/rates/contributions';
import type { Tally } from '../domain/rates/tally';
import type { QueuedNotification } from '../domain/notifications/delivery';
import type { Escalation } from '../domain/supervision/escalation';
import type { ReplyTemplate } from '../domain/supervision/reply-template';
import type { SeriesKey, TopicBucket, TopicCount, TopicFacts } from '../domain/topics/series';
import type { TopicSpike } from '../domain/topics/spike-detector';
import type { ExportRecord } from '../domain/exports/export-record';
import type { BulletinKind, BulletinRecord } from '../domain/bulletins/bulletin';
import type { CampaignContribution } from './responses';

// The domain's types the ports speak in, for adapters that import them from here.
export type { AuditRecord, NotificationRequest, RenderedNotification };
export type { NotificationEvent } from '../domain/notifications/notification';

/** Structured log lines (Powertools on AWS; quiet in tests). */
export interface Log {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

export interface Clock {
  now(): Date;
}

export interface IdempotencyRecord {
  fingerprint: string;
  /** The response given the first time, replayed verbatim on a retry. */
  response: unknown;
}

export interface QueueQuery {
  orgId: string;
  status?: SuggestionStatus;
  departmentId?: string;
  /** Suggestions this department co-handles (协办), instead of those it leads. */
  cohandlerDepartmentId?: string;
  category?: string;
  /** Submitted on or after (ISO instant). */
  from?: string;
  /** Submitted before (ISO instant). */
  to?: string;
  /** Only those past their deadline at this instant, still to be replied to (the overdue board). */
  overdueAt?: string;
  limit: number;
  cursor?: string;
}

export interface QueuePage {
  items: Suggestion[];
  nextCursor?: string;
}

export interface SuggestionStore {
  /** Writes the suggestion, its tracking code, its first timeline entry and (optionally) the idempotency record
   * atomically; throws IdempotencyConflict when the key already exists. */
  create(
    suggestion: Suggestion,
    entry: TimelineEntry,
    idempotency?: { scope: string; key: string; record: IdempotencyRecord; expiresAt?: number },
    // Campaigns (issue 11): responses — a campaign suggestion's counters move in the same transaction.
    campaign?: CampaignContribution,
    // Issue 12: staff entry and callbacks — a staff member's entry is audited in the same transaction.
    audit?: AuditRecord,
  ): Promise<void>;
  getIdempotency(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  get(id: string): Promise<Suggestion | undefined>;
  getByTrackingCode(code: string): Promise<Suggestion | undefined>;
  timeline(id: string): Promise<TimelineEntry[]>;
  /**
   * Saves a transition if the stored version is still `expectedVersion`; ConflictError otherwise. A staff action
   * passes its audit record (and a 督办 record it changes), written in the same transaction: the change cannot
   * commit without the record of who made it.
   */
  saveTransition(next: Suggestion, expectedVersion: number, entry: TimelineEntry, also?: TransitionExtras): Promise<void>;
  /** Stores workflow bookkeeping (task token) that is not part of the domain entity. */
  setWorkflowToken(id: string, token: string | null): Promise<void>;
  getWorkflowToken(id: string): Promise<string | undefined>;
  queue(query: QueueQuery): Promise<QueuePage>;
  /** Suggestions whose workflow is parked after an error (recorded, not resumed yet), up to `limit`. */
  parked(orgId: string, limit: number): Promise<Suggestion[]>;
}

/** What a transition writes beside the suggestion and its timeline entry, atomically. */
export interface TransitionExtras {
  audit?: AuditRecord;
  escalation?: Escalation;
}

export class IdempotencyConflict extends Error {
  constructor() {
    super('idempotency key already used');
  }
}

/**
 * The audit log. A staff action that changes something hands its AuditRecord to the store that writes the change,
 * which writes both in one transaction; `record` is for what changes nothing else (a view, a listing, a reveal),
 * and is awaited before the answer, so nothing is shown without a record of who saw it.
 */
export interface AuditLog {
  record(entry: AuditRecord): Promise<void>;
  list(orgId: string, day: string, limit: number, cursor?: string): Promise<{ entries: AuditEntry[]; nextCursor?: string }>;
}

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit in the window; returns false when the bucket is over its limit. */
  hit(bucket: string, limit: number, windowSeconds: number, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  /**
   * Counts one hit in each of several windows of one bucket (say, a minute's and a day's) with a single write;
   * refused when any is over its limit, with the longest wait. Each window must divide the longest one.
   */
  hitAll(bucket: string, limits: readonly RateLimit[], now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

export interface WorkflowEngine {
  /** Starts the suggestion's workflow; idempotent on the suggestion id (the execution name). */
  startSuggestionWorkflow(suggestionId: string): Promise<void>;
  /** Answers a waiting task token with the next plan; false when the token is no longer waiting. */
  answer(taskToken: string, plan: WorkflowPlan): Promise<boolean>;
}

/** What the sweep needs of the workflow engine: find suggestions without a live execution, and give them one. */
export interface WorkflowSupervisor {
  /**
   * Makes sure the suggestion has a running execution: none yet → it is started; its last one ended (failed, timed
   * out, aborted) → a new one, which plans from the suggestion's recorded state. Idempotent: running → nothing.
   */
  ensureRunning(suggestionId: string): Promise<'running' | 'started'>;
  /** Suggestions whose executions ended without finishing, newest first, at most `limit` executions looked at. */
  endedAbnormally(limit: number): Promise<string[]>;
}

/** The 督办 records and the organisation's calendar overrides. */
export interface SupervisionStore {
  escalation(orgId: string, suggestionId: string): Promise<Escalation | undefined>;
  saveEscalation(orgId: string, escalation: Escalation): Promise<void>;
  escalations(orgId: string): Promise<Escalation[]>;
  calendarOverrides(orgId: string): Promise<CalendarOverride[]>;
  /** The overrides with the years whose whole published schedule an admin imported (they count as covered). */
  calendarSchedule(orgId: string): Promise<{ overrides: CalendarOverride[]; coveredYears: number[] }>;
  saveCalendarOverrides(orgId: string, overrides: CalendarOverride[], coveredYears: number[], audit: AuditRecord): Promise<void>;
  /** The organisation's time limits, and a campaign's when given (each only what it overrides). */
  timeLimits(orgId: string, campaignId?: string): Promise<{ org?: TimeLimitOverrides; campaign?: TimeLimitOverrides }>;
  saveOrgTimeLimits(orgId: string, limits: TimeLimitOverrides, audit: AuditRecord): Promise<void>;
  /** Sets a campaign's own limits, creating its record if the campaign has none yet (its other data is kept). */
  saveCampaignTimeLimits(orgId: string, campaignId: string, limits: TimeLimitOverrides, audit: AuditRecord): Promise<void>;
  replyTemplates(orgId: string): Promise<ReplyTemplate[]>;
  saveReplyTemplate(orgId: string, template: ReplyTemplate, audit: AuditRecord): Promise<void>;
}



export interface NotificationQueue {
  enqueue(requests: readonly NotificationRequest[]): Promise<void>;
}

export interface Directory {
  departments(orgId: string): Promise<Department[]>;
  staff(orgId: string): Promise<StaffProfile[]>;
  /** Optional in fakes: only the organisation admin screens write the directory. */
  saveDepartment?(orgId: string, department: Department, audit: AuditRecord): Promise<void>;
  saveStaff?(profile: StaffProfile, audit: AuditRecord): Promise<void>;
  /** One person's profile in an organisation. */
  staffMember?(orgId: string, username: string): Promise<StaffProfile | undefined>;
  /**
   * The profile of a signed-in username, in whichever organisation it belongs to (usernames are unique in the
   * sign-in pool): what every staff request is authorised by.
   */
  staffAccount?(username: string): Promise<StaffProfile | undefined>;
  queueStats(orgId: string): Promise<QueueStats | undefined>;
  saveQueueStats(orgId: string, stats: QueueStats): Promise<void>;
}

/**
 * The sign-in accounts behind staff profiles: Cognito users on AWS (groups are roles, custom:org and
 * custom:department claims), the dev identity provider's logins locally. Both set a one-time initial password the
 * admin hands over, so a new colleague signs in the same way in both worlds.
 */
export interface StaffAccounts {
  /** Creates the account with this initial password; fails with StaffAccountExists when the username is taken. */
  create(profile: StaffProfile, initialPassword: string): Promise<void>;
  /** Brings role, department, name and email up to date (the new role applies from the next sign-in). */
  update(profile: StaffProfile): Promise<void>;
  setPassword(username: string, password: string): Promise<void>;
  /** Disabled accounts cannot sign in (and on AWS their sessions are signed out). */
  setEnabled(username: string, enabled: boolean): Promise<void>;
}

export class StaffAccountExists extends Error {
  constructor(username: string) {
    super(`a sign-in account ${username} exists already`);
    this.name = 'StaffAccountExists';
  }
}

/** At-most-once delivery bookkeeping per idempotency key; a stale claim (crashed sender) may be taken again. */
export interface NotificationLedger {
  claim(idempotencyKey: string, now: Date): Promise<'claimed' | 'alreadySent' | 'inProgress'>;
  markSent(idempotencyKey: string, now: Date): Promise<void>;
  release(idempotencyKey: string): Promise<void>;
}


/** A delivery channel: the local outbox, email (SES), SMS (SNS), an HTTP webhook. */
export interface NotificationProvider {
  send(message: RenderedNotification, request: NotificationRequest): Promise<void>;
}

export interface OutboxStore {
  put(message: OutboxMessage): Promise<void>;
  list(limit: number): Promise<OutboxMessage[]>;
}

/** Where failed notifications are kept, per organisation (DynamoDB: shared/aws/dynamo-failed-notifications.ts). */
export interface FailedNotificationStore {
  put(record: FailedNotificationRecord): Promise<void>;
  get(orgId: string, id: string): Promise<FailedNotificationRecord | undefined>;
  list(orgId: string, limit: number): Promise<FailedNotificationRecord[]>;
  /** Deletes the record, with the audit record of the admin's retry in the same transaction. */
  delete(orgId: string, id: string, audit: AuditRecord): Promise<void>;
}

/** What the notifier can do with the queue besides deleting a message. */
export interface NotificationRetryControl {
  /** Keeps a received message hidden for this long (the next try's backoff). */
  changeVisibility(receiptHandle: string, seconds: number): Promise<void>;
  /** Enqueues a fresh copy, invisible for `delaySeconds` (≤ 900). */
  requeue(message: QueuedNotification, delaySeconds: number): Promise<void>;
}

/** A suggestion as the rates read it: its state and its timeline. */
export interface SuggestionHistory {
  suggestion: Suggestion;
  timeline: TimelineEntry[];
}

/** One period's figures: every group's tally (a group that counts nothing there is absent). */
export interface RateSummary {
  kind: SummaryKind;
  period: string;
  groups: Record<string, Tally>;
}

/** Where the rates job stands: how far it read, and the full recompute an admin asked for. */
export interface RatesState {
  /** The last change read (opaque). */
  watermark?: string;
  /** Open suggestions whose deadline passed up to this instant were re-read as overdue. */
  overdueCheckedAt?: string;
  fullRequested?: { at: string; by: string };
  lastFull?: { at: string; changed: number; ms: number };
  /** A full recompute under way since then: scheduled runs wait for it rather than add to figures it rewrites. */
  fullRunning?: string;
}

/** The facts a suggestion is counted with, and their revision: a change applies only on top of the one it read. */
export interface KeptFacts {
  facts: RateFacts;
  rev: number;
}

/** The kept facts moved on since they were read (another run counted the change): read them again. */
export class StaleFactsError extends Error {
  constructor(id: string) {
    super(`rate facts of ${id} changed since read`);
  }
}

/**
 * Where the rates are kept: each suggestion's rate facts (and its membership of each bucket it counts in, for the
 * drill-down), each (group, day) bucket's tally, each period's figures (every group's tally, one item: what the
 * dashboard reads), and where the job stands. Figures move only together with the facts they follow from.
 */
export interface RateStore {
  /**
   * Suggestions changed after `since` (an opaque watermark; none: from the start), oldest change first. `reread`:
   * also those a little before it (a run's first page), in case a write's clock lagged another's.
   */
  changedSince(orgId: string, since: string | undefined, limit: number, reread?: boolean): Promise<{ items: SuggestionHistory[]; watermark?: string }>;
  /** Open suggestions whose deadline fell after `after` and by `until`: they turned overdue without changing. */
  dueBetween(orgId: string, after: string, until: string): Promise<SuggestionHistory[]>;
  facts(orgId: string, id: string): Promise<KeptFacts | undefined>;
  /**
   * Counts one suggestion's change: its bucket memberships move first (absolute writes, safe to repeat); then, in
   * one write, its facts become revision `previous.rev + 1` — only if the kept revision is still `previous`'s
   * (StaleFactsError otherwise, and nothing moves) — and the figures move by the deltas.
   */
  applyChange(orgId: string, next: RateFacts, previous: KeptFacts | undefined, deltas: ChangeDeltas): Promise<void>;
  /** The full recompute: saves the facts and memberships as they are now, moving no figure. */
  resetFacts(orgId: string, next: RateFacts, previous: KeptFacts | undefined): Promise<void>;
  /** The full recompute: buckets' tallies outright (empty: removed), many a request. */
  putTallies(orgId: string, tallies: ReadonlyArray<{ bucket: Bucket; tally: Tally }>): Promise<void>;
  /** The full recompute: a period's figures outright, every group (none: removed). */
  putSummary(orgId: string, kind: SummaryKind, period: string, groups: Record<string, Tally>): Promise<void>;
  /** The facts of a group's suggestions counted on the days from..to (each once): a drill-down's candidates. */
  membersIn(orgId: string, group: string, fromDay: string, toDay: string): Promise<RateFacts[]>;
  tallies(orgId: string, group: string, fromDay: string, toDay: string): Promise<Map<string, Tally>>;
  /** The figures of a kind's periods from..to (period strings sort in time order), in one read. */
  summaries(orgId: string, kind: SummaryKind, fromPeriod: string, toPeriod: string): Promise<RateSummary[]>;
  state(orgId: string): Promise<RatesState>;
  /** Sets the fields given (undefined: removes it), leaving the others (an admin's request may arrive during a run). */
  saveState(orgId: string, patch: { [K in keyof RatesState]?: RatesState[K] | undefined }): Promise<void>;
  /** Records an admin's request for a full recompute, with its audit record, in one write. */
  requestFull(orgId: string, at: string, by: string, audit: AuditRecord): Promise<void>;
  /** The office's ranking settings (the defaults until an admin saves some). */
  rankingSettings(orgId: string): Promise<RankingSettings>;
  saveRankingSettings(orgId: string, settings: RankingSettings, audit: AuditRecord): Promise<void>;
}

// --- Hot topics and barometer (热度表 / 晴雨表) -----------------------------------------------------------------

/**
 * Cuts text into words (jieba, shared/text/jieba-segmenter.ts). Pure in its contract: the same text, the same
 * words; the first call may load a dictionary.
 */
export interface Segmenter {
  segment(text: string): string[];
}

/**
 * Where the hot topics are kept, as the rates are: each suggestion's topic facts (indexed by the (series, day)
 * buckets they count in), each bucket's count under its deterministic key (readable by day and by series), the
 * spikes found, and the watermark up to which changes were read.
 */
export interface TopicStore {
  /** Suggestions changed after `since` (an opaque watermark; none: from the start), oldest change first. */
  changedSince(orgId: string, since: string | undefined, limit: number): Promise<{ items: Suggestion[]; watermark?: string }>;
  facts(orgId: string, id: string): Promise<TopicFacts | undefined>;
  /** Saves the facts and moves their bucket memberships from `previous` to theirs. */
  saveFacts(orgId: string, facts: TopicFacts, previous: TopicFacts | undefined): Promise<void>;
  /** The suggestions in a bucket. */
  members(orgId: string, bucket: TopicBucket): Promise<{ id: string; title: string }[]>;
  /** Writes a bucket's count under its key (a count of 0 is removed). */
  saveCount(orgId: string, count: TopicCount): Promise<void>;
  /** One series' counts per day, from and to (inclusive). */
  seriesCounts(orgId: string, series: SeriesKey, fromDay: string, toDay: string): Promise<Map<string, number>>;
  /** Every series' count on one day. */
  dayCounts(orgId: string, day: string): Promise<TopicCount[]>;
  /** Spikes found on days from and to (inclusive). */
  spikes(orgId: string, fromDay: string, toDay: string): Promise<TopicSpike[]>;
  saveSpike(orgId: string, spike: TopicSpike): Promise<void>;
  deleteSpike(orgId: string, day: string, series: SeriesKey): Promise<void>;
  watermark(orgId: string): Promise<string | undefined>;
  saveWatermark(orgId: string, watermark: string): Promise<void>;
}

// --- Files: exports of the queue and bulletins (issue 10, point 5) -------------------------------------------

/**
 * Where exports and bulletins are kept: a private S3 bucket on AWS, the data folder locally. A file is written as
 * a stream (an S3 multipart upload), so nothing holds a whole file in memory; a file that did not finish writing
 * is not there (S3 completes an upload or aborts it; locally a temporary file is renamed once written).
 */
export interface FileWriter {
  write(key: string, body: NodeJS.ReadableStream, contentType: string): Promise<void>;
}

/** Short-lived download links to kept files: a presigned GET on AWS, an HMAC-signed URL of the local origin. */
export interface FileLinks {
  /** `disposition` inline for a page to open in the browser (a bulletin's HTML), attachment to save. */
  downloadUrl(key: string, options: { fileName: string; contentType: string; disposition: 'inline' | 'attachment'; expiresInSeconds: number }): Promise<string>;
}

/** A person's exports (one partition each) and the worker's updates of them. */
export interface ExportStore {
  /** The new (queued) export and the audit record of who asked for which filters, in one transaction. */
  create(record: ExportRecord, audit: AuditRecord): Promise<void>;
  get(orgId: string, username: string, id: string): Promise<ExportRecord | undefined>;
  /** Newest first. */
  list(orgId: string, username: string, limit: number): Promise<ExportRecord[]>;
  /** queued/running → running with one more attempt; undefined when it is done or failed already (a duplicate job). */
  start(orgId: string, username: string, id: string, at: string): Promise<ExportRecord | undefined>;
  /** Done or failed, only by the attempt that is running (a stale worker's word is dropped): false when it was not. */
  finish(record: ExportRecord): Promise<boolean>;
}

/** Bulletins by organisation, kind and period, every revision kept. */
export interface BulletinStore {
  /** Writes a revision if it does not exist: false when it does (the same period generated twice changes nothing). */
  create(record: BulletinRecord, audit?: AuditRecord): Promise<boolean>;
  /** The newest revision of a period, if any. */
  latest(orgId: string, kind: BulletinKind, period: string): Promise<BulletinRecord | undefined>;
  get(orgId: string, kind: BulletinKind, period: string, revision: number): Promise<BulletinRecord | undefined>;
  /** Newest period first, every revision. */
  list(orgId: string, limit: number): Promise<Omit<BulletinRecord, 'figures'>[]>;
}

/** Work done in the background, beside the requests (an SQS queue and its consumer; the same locally). */
export type FileJob =
  | { type: 'export'; orgId: string; username: string; exportId: string }
  | { type: 'bulletin'; orgId: string; kind: BulletinKind; period: string; requestedBy?: string; requestedByRole?: StaffProfile['role'] }
  // Campaigns (issue 11): responses — an export of a campaign's responses (its record says which campaign).
  | { type: 'responsesExport'; orgId: string; username: string; exportId: string }
  // Campaigns (issue 11): media — a campaign's close report, kept as one of the person's exports.
  | { type: 'campaignReport'; orgId: string; username: string; exportId: string }
  // Issue 12: bulk import — one chunk of an import's rows (chunk-range in bulk-import.ts).
  | { type: 'import'; orgId: string; importId: string; chunk: number };

export interface FileJobQueue {
  enqueue(job: FileJob): Promise<void>;
}
export type { CampaignStore, CampaignFiguresSource } from './campaigns';
// Campaigns (issue 11): responses
export type {
  CampaignContribution,
  CampaignParticipants,
  PhoneCodeStore,
  RecordResponseInput,
  RecordResponseOutcome,
  ResponsePage,
  ResponsePageQuery,
  ResponseStore,
} from './responses';

// Campaigns (issue 11): media
/** Reads a small kept file whole (a campaign's cover, at most 1 MB): undefined when there is none under the key. */
export interface FileReader {
  read(key: string): Promise<{ body: Buffer; contentType?: string } | undefined>;
}

/** 案例库: an organisation's featured ideas, newest mark first, optionally of one campaign and one category. */
export interface CaseLibrarySource {
  featured(orgId: string, query: { campaignId?: string; category?: string; cursor?: string; limit: number }): Promise<{ items: Suggestion[]; nextCursor?: string }>;
}

/** The organisation's own name (the poster's publisher), as its record has it; undefined when none is recorded. */
export interface OrganisationProfileSource {
  profile(orgId: string): Promise<{ name: string; nameEn?: string } | undefined>;
}

// Issue 12: integrations and Open311
export type { IntegrationCredential, IntegrationStore } from './integrations';
// Issue 12: bulk import
export type { ImportStore } from './imports';
