/**
 * The JSON shapes of the HTTP API, shared by the handlers and the web app so both sides agree at compile time.
 * Errors are always `{ error: { code, message, fields? } }` with messages in the caller's language
 * (Accept-Language: zh-CN default, en).
 */
import type { Channel, SuggestionStatus, Tier, Visibility } from '../domain/suggestion/suggestion';
import type { Submission } from '../domain/intake/submission';
import type { TimeLimitOverrides, TimeLimits } from '../domain/deadlines';

export interface ApiError {
  error: {
    code: string;
    message: string;
    /** Field path (e.g. "contact.phone") → localised rule text (e.g. "请填写 11 位手机号码"). */
    fields?: Record<string, string>;
  };
}

/** POST /api/suggestions body (see submissionSchema); header Idempotency-Key optional. */
export type SubmitRequest = Submission;

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
}

export interface PublicTimelineEntry {
  at: string;
  action: string;
  status: SuggestionStatus;
  note?: string;
}

/** 200 from GET /api/suggestions/{trackingCode} with header x-tracking-pin. */
export interface CitizenView {
  trackingCode: string;
  title: string;
  content: string;
  category: string;
  channel: Channel;
  status: SuggestionStatus;
  submittedAt: string;
  dueAt: string;
  timeline: PublicTimelineEntry[];
  reply?: { text: string; at: string };
  /** Issue 3: an open question from the handler, answered at POST …/info-answer. */
  infoRequest?: { question: string; askedAt: string };
  /** Issue 3: true while the reply may be rated (POST …/rating). */
  canRate?: boolean;
}

export type StaffRole = 'admin' | 'dispatcher' | 'handler' | 'supervisor' | 'organizer' | 'viewer';

/** GET /api/staff/me */
export interface StaffMe {
  username: string;
  name: string;
  role: StaffRole;
  orgId: string;
  departmentId?: string;
  /** Whether this role may reveal citizens' contact details (each reveal is audited). */
  canRevealContact: boolean;
  /** Admins only: years the working calendar does not cover that deadlines reach now or within 60 days. */
  calendarWarning?: { uncoveredYears: number[] };
}

/** A staff member's profile (in the table; credentials live in Cognito or the dev identity provider). */
export interface StaffProfile {
  username: string;
  name: string;
  role: StaffRole;
  orgId: string;
  departmentId?: string;
  email?: string;
  phone?: string;
  /** false: the account is disabled (someone who left); they cannot sign in and get no notifications. */
  active?: boolean;
}

/** GET /api/staff/people (admin): everyone in the organisation, contact details in full. */
export interface StaffListResponse {
  staff: StaffProfile[];
}

/** PUT /api/staff/people/{username} (admin) */
export interface SaveStaffRequest {
  name: string;
  role: StaffRole;
  departmentId?: string;
  email: string;
  phone?: string;
  resetPassword?: boolean;
  /** false disables the account; true (or absent) keeps or makes it active. */
  active?: boolean;
}
export interface SaveStaffResponse {
  person: StaffProfile;
  created: boolean;
  /** Shown to the admin once, to hand over: for a new person, or after a reset. */
  initialPassword?: string;
}

/** PUT /api/staff/departments/{departmentId} (admin) */
export interface SaveDepartmentRequest {
  name: string;
  en: string;
}

export interface Department {
  id: string;
  name: string;
  en: string;
}

/** GET /api/staff/departments */
export interface DepartmentsResponse {
  departments: Department[];
}

export interface MaskedContact {
  name?: string;
  phone?: string;
  email?: string;
  consent: boolean;
}

/** One row of GET /api/staff/suggestions */
export interface QueueItem {
  id: string;
  trackingCode: string;
  title: string;
  category: string;
  channel: Channel;
  status: SuggestionStatus;
  tier?: Tier;
  leadDepartmentId?: string;
  submittedAt: string;
  dueAt: string;
  overdue: boolean;
  campaignId?: string;
}

/** GET /api/staff/workflows/parked: suggestions whose workflow is parked after an error, for the admin. */
export interface ParkedWorkflowsResponse {
  items: (QueueItem & { workflowError: { at: string; error: string } })[];
}
/** POST /api/staff/workflows/resume-parked: each parked workflow resumed as by its own resume action (audited). */
export interface ResumeParkedResponse {
  resumed: number;
  /** Those that could not be resumed now (another action was faster, say), with the reason's code. */
  failed: { id: string; trackingCode: string; code: string }[];
}

/**
 * GET /api/staff/suggestions?status=&departmentId=&category=&from=YYYY-MM-DD&to=YYYY-MM-DD&limit=&cursor=
 * Ordered by dueAt ascending; pass nextCursor back as cursor for the next page.
 */
export interface QueueResponse {
  items: QueueItem[];
  nextCursor?: string;
}

export interface StaffTimelineEntry {
  at: string;
  action: string;
  fromStatus: SuggestionStatus | null;
  toStatus: SuggestionStatus;
  visibility: Visibility;
  actor: { type: 'citizen' | 'staff' | 'system'; id: string; name?: string; role?: string; departmentId?: string };
  note?: string;
}

/** GET /api/staff/suggestions/{id} — contact details masked; reveal them with the POST below. */
export interface StaffSuggestionDetail extends QueueItem {
  content: string;
  location?: { address?: string; lat?: number; long?: number };
  contact?: MaskedContact;
  contactMasked: boolean;
  cohandlerDepartmentIds?: string[];
  timeline: StaffTimelineEntry[];
  reply?: { text: string; at: string; departmentId: string };
  /** Issue 3: what the signed-in staff member may do now (route suffixes: 'screen', 'sign', 'send-back',
   * 'info-request', 'extension-request', 'extension-decision', 'cohandler-opinion', 'progress-note', 'reply',
   * 'escalation-instruction', 'resume-workflow'). */
  availableActions?: string[];
  pendingExtension?: { workingDays: number; reason: string; requestedAt: string; requestedBy: string };
  infoRequest?: { question: string; askedAt: string; answer?: string; answeredAt?: string };
  rating?: { rating: 'satisfied' | 'basic' | 'dissatisfied'; comment?: string; at: string };
  reopenCount?: number;
  /** Set while the workflow is parked after an unexpected error (an admin may resume it). */
  workflowError?: { at: string; error: string; cause?: string };
}

/** POST /api/staff/suggestions/{id}/contact-reveal → the full contact, and an audit record. */
export interface ContactRevealResponse {
  contact: MaskedContact;
}

/** GET /api/staff/stats — written by the scheduled queue-stats job. */
export interface QueueStats {
  computedAt: string;
  byStatus: Record<string, number>;
  overdue: number;
  byDepartment: Record<string, { open: number; overdue: number }>;
}

/** GET /api/staff/stats answers `{}` until the scheduled job has run once. */
export type QueueStatsResponse = QueueStats | Record<string, never>;

/** GET /api/staff/audit?day=YYYY-MM-DD (admin, supervisor) */
export interface AuditEntry {
  at: string;
  actor: { id: string; role: string };
  action: string;
  target?: string;
  detail?: string;
}
export interface AuditResponse {
  entries: AuditEntry[];
  nextCursor?: string;
}

/** Local only: POST /idp/login {username, password} → a Cognito-shaped id token. */
export interface DevLoginResponse {
  idToken: string;
  expiresIn: number;
}

/**
 * Local only: POST /idp/login answers this instead when the password is a one-time initial one (as Cognito's
 * NEW_PASSWORD_REQUIRED); POST /idp/new-password {username, session, newPassword} then answers DevLoginResponse.
 */
export interface DevLoginChallenge {
  challenge: 'NEW_PASSWORD_REQUIRED';
  session: string;
}

/** Local only: GET /api/local/outbox */
export interface OutboxMessage {
  id: string;
  at: string;
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  body: string;
  event: string;
  suggestionId?: string;
  /** Set when quiet hours deferred an SMS. */
  deliverAfter?: string;
}

/** Local only: GET /api/local/outbox, newest first. */
export interface OutboxResponse {
  messages: OutboxMessage[];
}

/** GET /config.json — local: {mode:'local', idp:'/idp'}; AWS: {mode:'aws', region, userPoolId, userPoolClientId} */
export type SiteConfig =
  | { mode: 'local'; idp: string }
  | { mode: 'aws'; region: string; userPoolId: string; userPoolClientId: string };

// ---- Issue 3: handling actions ------------------------------------------------------------------------------

/** POST /api/staff/suggestions/{id}/screen (dispatcher, admin) — a suggestion in screening. */
export type ScreenRequest =
  | {
      decision: 'assign';
      category: string;
      tier: Tier;
      leadDepartmentId: string;
      cohandlerDepartmentIds?: string[];
      note?: string;
    }
  | { decision: 'reject'; reason: string }
  | { decision: 'merge'; masterTrackingCode: string; note?: string };

/** POST …/sign (handler of the lead department) — body {} */
/** POST …/send-back (handler of the lead department) */
export interface SendBackRequest {
  reason: string;
}
/** POST …/info-request (handler) — pauses the clock until the citizen answers. */
export interface InfoRequestRequest {
  question: string;
}
/** POST …/extension-request (handler) */
export interface ExtensionRequestRequest {
  workingDays: number;
  reason: string;
}
/** POST …/extension-decision (dispatcher, admin) */
export interface ExtensionDecisionRequest {
  approve: boolean;
  note?: string;
}
/** POST …/reply (handler) — `templateId` optional, the text is what is sent. */
export interface ReplyRequest {
  text: string;
  adopted?: boolean;
  templateId?: string;
}
/** POST …/cohandler-opinion (a handler of a co-handling department) */
export interface CohandlerOpinionRequest {
  text: string;
}
/** POST …/progress-note (handler of the lead department, while handling) — public: the citizen sees it and is told. */
export interface ProgressNoteRequest {
  text: string;
}
/** POST …/escalation-instruction (supervisor) */
export interface EscalationInstructionRequest {
  text: string;
}

/** Every action answers 200 with the updated detail; 409 `{error:{code:'illegal_transition'|'concurrent_update'}}`
 * when the suggestion has moved on (the message says to what status). */
export type ActionResponse = StaffSuggestionDetail;

/** POST /api/suggestions/{trackingCode}/info-answer with header x-tracking-pin → 200 CitizenView */
export interface InfoAnswerRequest {
  answer: string;
}
/** POST /api/suggestions/{trackingCode}/rating with header x-tracking-pin → 200 CitizenView */
export interface RatingRequest {
  rating: 'satisfied' | 'basic' | 'dissatisfied';
  comment?: string;
}

/** The 督办 record: created when a deadline passes; the supervisor adds instructions. */
export interface Escalation {
  id: string;
  suggestionId: string;
  trackingCode: string;
  title: string;
  departmentId?: string;
  status: SuggestionStatus;
  dueAt: string;
  escalatedAt: string;
  reason: 'overdue' | 'dissatisfiedTwice';
  instructions: { at: string; by: string; text: string }[];
}
/** GET /api/staff/escalations (supervisor, admin, dispatcher) */
export interface EscalationsResponse {
  escalations: Escalation[];
}

export interface ReplyTemplate {
  id: string;
  title: string;
  text: string;
  createdBy: string;
}
/** GET /api/staff/reply-templates; POST body {title, text} → 201 ReplyTemplate */
export interface ReplyTemplatesResponse {
  templates: ReplyTemplate[];
}

/** GET /api/staff/notifications/failed (admin) — notifications that exhausted their retries. */
export interface FailedNotification {
  id: string;
  failedAt: string;
  event: string;
  channel: 'sms' | 'email';
  /** The recipient, masked in every answer (138****8000); POST …/{id}/recipient-reveal shows it, audited. */
  to: string;
  suggestionId?: string;
  attempts: number;
  lastError: string;
}
export interface FailedNotificationsResponse {
  items: FailedNotification[];
}

/** POST /api/staff/notifications/failed/{id}/recipient-reveal (admin) — the recipient in clear; the reveal is audited. */
export interface RecipientRevealResponse {
  id: string;
  to: string;
}

/** GET/PUT /api/staff/time-limits (admin) — PUT body {limits: TimeLimitOverrides}; anything left out is the default. */
export interface TimeLimitsResponse {
  overrides: TimeLimitOverrides;
  effective: TimeLimits;
}

/** GET/PUT /api/staff/campaigns/{campaignId}/time-limits (PUT: admin, organizer) — body {limits} as above. */
export interface CampaignTimeLimitsResponse extends TimeLimitsResponse {
  campaignId: string;
  /** The organisation's limits, which the campaign's overrides sit on. */
  inherited: TimeLimits;
}

/** GET/PUT /api/staff/calendar-overrides (admin) — PUT body {overrides} replaces the list. */
export interface CalendarOverridesResponse {
  overrides: { date: string; kind: 'holiday' | 'workday'; name?: string }[];
  /** Years the official calendar package covers; later years need overrides. */
  officialYears: number[];
  /** Years whose whole published schedule an admin imported: covered like the official ones. */
  coveredYears: number[];
  /** Uncovered years admins are warned about now: the current one, and the next from 60 days before it. */
  uncoveredYears: number[];
}

/**
 * POST /api/staff/calendar-overrides/preview and …/import (admin): a published holiday schedule, as a list of dates
 * ('2027-01-01 休 元旦', '2027-02-06 班', ranges 'A ~ B', or under headings 放假： / 调休上班：) or an .ics file's text.
 * Preview answers CalendarSchedulePreview and writes nothing; import replaces that year's overrides with the
 * schedule and marks the year covered, answering CalendarOverridesResponse.
 */
export interface CalendarScheduleRequest {
  format: 'list' | 'ics';
  schedule: string;
  /** By default the year most of its days fall in. */
  year?: number;
}
export interface CalendarSchedulePreview {
  year: number;
  /** What will be saved for the year, in date order. */
  days: CalendarOverridesResponse['overrides'];
  /** Stored overrides the import will remove (that year's, and any on the schedule's days). */
  replaced: CalendarOverridesResponse['overrides'];
  /** Feed events that are neither days off nor workdays (solar terms, observances), by summary. */
  ignored: string[];
}
