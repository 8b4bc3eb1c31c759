/**
 * The JSON shapes of the HTTP API, shared by the handlers and the web app so both sides agree at compile time.
 * Errors are always `{ error: { code, message, fields? } }` with messages in the caller's language
 * (Accept-Language: zh-CN default, en).
 */
import type { StaffActionRequest } from '../use-cases/staff-actions';
import type { z } from 'zod';
import type { submissionSchema } from '../domain/intake/submission';
import type { departmentEntrySchema, staffEntrySchema } from '../domain/staff/directory-entries';
import type { infoAnswerSchema, ratingSchema } from '../use-cases/citizen-actions';
import type { scheduleSchema } from '../use-cases/calendar-overrides';
import type { OutboxMessage } from '../domain/notifications/notification';
import type { responsesExportRequestSchema } from '../use-cases/campaigns/request-responses-export';

// Entities and views are the domain's; what each use case answers is the use case's.
export type { PublicTimelineEntry, CitizenView, MaskedContact, QueueItem, StaffTimelineEntry, StaffSuggestionDetail } from '../domain/suggestion/view-types';
export type { StaffRole, StaffProfile } from '../domain/staff/staff';
export type { Department } from '../domain/organisation/department';
export type { QueueStats } from '../domain/stats/queue-stats';
export type { AuditEntry } from '../domain/staff/audit-record';
export type { OutboxMessage } from '../domain/notifications/notification';
export type { Escalation } from '../domain/supervision/escalation';
export type { ReplyTemplate } from '../domain/supervision/reply-template';
export type { FailedNotification } from '../domain/notifications/failed';
export type { SubmitResponse } from '../use-cases/submit-suggestion';
export type { QueueResponse } from '../use-cases/staff-queue';
export type { DashboardResponse, GroupRates } from '../use-cases/dashboard';
export type { RecomputeResponse } from '../use-cases/rate-admin';
export type { RateReport, DepartmentRates } from '../use-cases/rate-report';
export type { Rates, Ratio } from '../domain/rates/rates';
export type { RankingRow, RankingSettings, OfficeChoice } from '../domain/rates/ranking';
export type { ContactRevealResponse } from '../use-cases/staff-suggestion';
export type { ParkedWorkflowsResponse, ResumeParkedResponse } from '../use-cases/parked-workflows';
export type { ActionResponse } from '../use-cases/staff-actions/perform';
export type { StaffMe, AuditResponse, DepartmentsResponse, QueueStatsResponse } from '../use-cases/staff-directory';
export type { EscalationsResponse, ReplyTemplatesResponse, TimeLimitsResponse, CampaignTimeLimitsResponse } from '../use-cases/supervision';
export type { FailedNotificationsResponse, RecipientRevealResponse } from '../use-cases/failed-notifications';
export type { StaffListResponse, SaveStaffResponse } from '../use-cases/org-directory';
export type { CalendarOverridesResponse, CalendarSchedulePreview } from '../use-cases/calendar-overrides';
// Hot topics and barometer.
export type { TopicsResponse, TopicsSpikeView } from '../use-cases/topics-report';
export type { HotTopic } from '../domain/topics/hot-topics';

export interface ApiError {
  error: {
    code: string;
    message: string;
    /** Field path (e.g. "contact.phone") → localised rule text (e.g. "请填写 11 位手机号码"). */
    fields?: Record<string, string>;
  };
}

/** POST /api/suggestions body; header Idempotency-Key optional. */
export type SubmitRequest = z.input<typeof submissionSchema>;

/** PUT /api/staff/people/{username} (admin): `active: false` disables the account. */
export type SaveStaffRequest = z.input<typeof staffEntrySchema>;

/** PUT /api/staff/departments/{departmentId} (admin) */
export type SaveDepartmentRequest = z.input<typeof departmentEntrySchema>;

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

/** Local only: GET /api/local/outbox, newest first. */
export interface OutboxResponse {
  messages: OutboxMessage[];
}

/** GET /config.json — local: {mode:'local', idp:'/idp'}; AWS: {mode:'aws', region, userPoolId, userPoolClientId} */
export type SiteConfig =
  | { mode: 'local'; idp: string }
  | { mode: 'aws'; region: string; userPoolId: string; userPoolClientId: string };

// ---- Requests: the types of what a client sends are the schemas' input types --------------------------------

/** POST /api/staff/suggestions/{id}/<action>: the body of each staff action (shared/use-cases/staff-actions). */
export type { StaffActionName, StaffActionRequest } from '../use-cases/staff-actions';
/** POST …/screen (dispatcher, admin) — a suggestion in screening: assign, reject or merge. */
export type ScreenRequest = StaffActionRequest<'screen'>;

/** POST /api/suggestions/{trackingCode}/info-answer with header x-tracking-pin → 200 CitizenView */
export type InfoAnswerRequest = z.input<typeof infoAnswerSchema>;
/** POST /api/suggestions/{trackingCode}/rating with header x-tracking-pin → 200 CitizenView */
export type RatingRequest = z.input<typeof ratingSchema>;

/**
 * POST /api/staff/calendar-overrides/preview and …/import (admin): a published holiday schedule, as a list of dates
 * ('2027-01-01 休 元旦', '2027-02-06 班', ranges 'A ~ B', or under headings 放假： / 调休上班：) or an .ics file's text.
 * Preview answers CalendarSchedulePreview and writes nothing; import replaces that year's overrides with the
 * schedule and marks the year covered, answering CalendarOverridesResponse.
 */
export type CalendarScheduleRequest = z.input<typeof scheduleSchema>;

// Adoption records (issue 10, point 4).
export type { CitizenAdoption } from '../domain/suggestion/view-types';
export type { Adoption, AdoptionCorrection, AdoptionUpdate, FeaturedMark } from '../domain/suggestion/adoption';
// Exports and bulletins (issue 10, point 5).
export type { ExportView, ExportsResponse, DownloadResponse } from '../use-cases/exports/staff-exports';
export type { BulletinView, BulletinsResponse } from '../use-cases/bulletins/staff-bulletins';
// Campaigns and questionnaires (issue 11, docs/campaigns.md): the domain's types, as the API carries them.
export type { Campaign, CampaignState, CampaignStateChange, ResponsePolicy, Station } from '../domain/campaign/campaign';
export type { CampaignAction } from '../domain/campaign/lifecycle';
export type { CampaignListItem, PublicCampaign } from '../domain/campaign/views';
export type { CampaignFigures, QuestionFigures } from '../domain/campaign/figures';
export type { Answer, Answers, Question, QuestionType, Questionnaire } from '../domain/questionnaire/questionnaire';
// Campaigns (issue 11): responses
export type { ResponseRequest, PhoneCodeRequest, ScanRequest } from '../domain/campaign/response';
export type { ResponseReceipt } from '../use-cases/campaigns/submit-response';
export type { PhoneCodeSent } from '../use-cases/campaigns/phone-codes';
export type { ResponsesBrowseResponse, TextAnswerItem } from '../use-cases/campaigns/browse-responses';
/** POST /api/staff/campaigns/{campaignId}/exports → 202 ExportView (then in GET /api/staff/exports). */
export type ResponsesExportRequest = z.input<typeof responsesExportRequestSchema>;
// Campaigns (issue 11): media
export type { CaseLibraryEntry, CaseLibraryPage } from '../domain/campaign/case-library';
export type { CampaignPoster } from '../use-cases/campaign-media/campaign-poster';
export type { CoverUploaded } from '../use-cases/campaign-media/campaign-cover';
