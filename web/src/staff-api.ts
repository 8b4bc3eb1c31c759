/** The staff console's calls to the server, each with the staff token; see api.ts for the wrapper they share. */
import type {
  ActionResponse,
  AuditResponse,
  CalendarOverridesResponse,
  CalendarScheduleRequest,
  CalendarSchedulePreview,
  CampaignTimeLimitsResponse,
  TimeLimitsResponse,
  ContactRevealResponse,
  DashboardResponse,
  RankingSettings,
  RecomputeResponse,
  DepartmentsResponse,
  SaveDepartmentRequest,
  SaveStaffRequest,
  SaveStaffResponse,
  StaffListResponse,
  EscalationsResponse,
  FailedNotificationsResponse,
  ParkedWorkflowsResponse,
  ResumeParkedResponse,
  QueueResponse,
  QueueStats,
  RecipientRevealResponse,
  ReplyTemplate,
  ReplyTemplatesResponse,
  StaffMe,
  StaffActionName,
  StaffActionRequest,
  StaffSuggestionDetail,
  TopicsResponse,
  BulletinsResponse,
  DownloadResponse,
  ExportsResponse,
  ExportView,
  CampaignFigures,
} from '../../shared/http/api-types';
import type { CampaignListResponse, CampaignStateRequest, StaffCampaign, TextAnswersResponse } from './campaign-types';
import type { TimeLimitOverrides } from '../../shared/domain/deadlines/time-limits';
import { request } from './api';

export function getMe(): Promise<StaffMe> {
  return request('/api/staff/me', { staff: true });
}

export function getDepartments(): Promise<DepartmentsResponse> {
  return request('/api/staff/departments', { staff: true });
}

/** The counters, or undefined before the stats job has first run (the server then answers `{}`). */
export async function getStats(): Promise<QueueStats | undefined> {
  const stats = await request<Partial<QueueStats>>('/api/staff/stats', { staff: true });
  return stats.computedAt && stats.byStatus ? (stats as QueueStats) : undefined;
}

export interface QueueFilters {
  status?: string;
  departmentId?: string;
  /** 'cohandler': the suggestions the department co-handles rather than leads. */
  role?: string;
  category?: string;
  from?: string;
  to?: string;
  /** 'true': only those past their deadline now. */
  overdue?: string;
  /** A drill-down from a dashboard figure: all four together, nothing else. */
  measure?: string;
  group?: string;
  kind?: string;
  period?: string;
}

export function getQueue(filters: QueueFilters, cursor?: string, limit = 25): Promise<QueueResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return request(`/api/staff/suggestions?${params}`, { staff: true });
}

export function getStaffSuggestion(id: string): Promise<StaffSuggestionDetail> {
  return request(`/api/staff/suggestions/${encodeURIComponent(id)}`, { staff: true });
}

export function revealContact(id: string): Promise<ContactRevealResponse> {
  return request(`/api/staff/suggestions/${encodeURIComponent(id)}/contact-reveal`, {
    method: 'POST',
    body: {},
    staff: true,
  });
}

// Staff actions on one suggestion: each answers the updated detail (200) or 409 when it has moved on.

/** The body of each action, by its name (the same name as the server's action table and route). */
export type StaffActionBodies = { [N in StaffActionName]: StaffActionRequest<N> };
export type StaffAction = StaffActionName;

export function staffAction<A extends StaffAction>(id: string, action: A, body: StaffActionBodies[A]): Promise<ActionResponse> {
  return request(`/api/staff/suggestions/${encodeURIComponent(id)}/${action}`, { method: 'POST', body, staff: true });
}

export async function getReplyTemplates(): Promise<ReplyTemplate[]> {
  const response = await request<ReplyTemplatesResponse>('/api/staff/reply-templates', { staff: true });
  return response.templates ?? [];
}

/** POST /api/staff/reply-templates; the contract does not fix the answer, so accept the template or a bare 201. */
export async function saveReplyTemplate(title: string, text: string): Promise<ReplyTemplate | undefined> {
  const payload = await request<unknown>('/api/staff/reply-templates', { method: 'POST', body: { title, text }, staff: true });
  const template = (payload as { template?: ReplyTemplate } | undefined)?.template ?? payload;
  return template && typeof template === 'object' && 'id' in template && 'text' in template ? (template as ReplyTemplate) : undefined;
}

export function getEscalations(): Promise<EscalationsResponse> {
  return request('/api/staff/escalations', { staff: true });
}

export function getFailedNotifications(): Promise<FailedNotificationsResponse> {
  return request('/api/staff/notifications/failed', { staff: true });
}

/** The recipient in clear, for one failed notification; the server audits the reveal before answering. */
export function revealRecipient(id: string): Promise<RecipientRevealResponse> {
  return request(`/api/staff/notifications/failed/${encodeURIComponent(id)}/recipient-reveal`, { method: 'POST', body: {}, staff: true });
}

export function getParkedWorkflows(): Promise<ParkedWorkflowsResponse> {
  return request('/api/staff/workflows/parked', { staff: true });
}

/** Resumes every parked workflow of the organisation, each as by its own resume action (audited). */
export function resumeAllParkedWorkflows(): Promise<ResumeParkedResponse> {
  return request('/api/staff/workflows/resume-parked', { method: 'POST', body: {}, staff: true });
}

export async function retryNotification(id: string): Promise<void> {
  await request<unknown>(`/api/staff/notifications/failed/${encodeURIComponent(id)}/retry`, { method: 'POST', body: {}, staff: true });
}

export function getTimeLimits(): Promise<TimeLimitsResponse> {
  return request('/api/staff/time-limits', { staff: true });
}

export function putTimeLimits(limits: TimeLimitOverrides): Promise<TimeLimitsResponse> {
  return request('/api/staff/time-limits', { method: 'PUT', body: { limits }, staff: true });
}

export function getCampaignTimeLimits(campaignId: string): Promise<CampaignTimeLimitsResponse> {
  return request(`/api/staff/campaigns/${encodeURIComponent(campaignId)}/time-limits`, { staff: true });
}

export function putCampaignTimeLimits(campaignId: string, limits: TimeLimitOverrides): Promise<CampaignTimeLimitsResponse> {
  return request(`/api/staff/campaigns/${encodeURIComponent(campaignId)}/time-limits`, { method: 'PUT', body: { limits }, staff: true });
}

export function getAudit(day: string, cursor?: string): Promise<AuditResponse> {
  const params = new URLSearchParams({ day, limit: '100' });
  if (cursor) params.set('cursor', cursor);
  return request(`/api/staff/audit?${params}`, { staff: true });
}

export function getStaffList(): Promise<StaffListResponse> {
  return request('/api/staff/people', { staff: true });
}

export function putStaffMember(username: string, body: SaveStaffRequest): Promise<SaveStaffResponse> {
  return request(`/api/staff/people/${encodeURIComponent(username)}`, { method: 'PUT', body, staff: true });
}

export function putDepartment(id: string, body: SaveDepartmentRequest): Promise<DepartmentsResponse> {
  return request(`/api/staff/departments/${encodeURIComponent(id)}`, { method: 'PUT', body, staff: true });
}

export function getCalendarOverrides(): Promise<CalendarOverridesResponse> {
  return request('/api/staff/calendar-overrides', { staff: true });
}

export async function putCalendarOverrides(
  overrides: CalendarOverridesResponse['overrides'],
): Promise<CalendarOverridesResponse | undefined> {
  const payload = await request<Partial<CalendarOverridesResponse> | undefined>('/api/staff/calendar-overrides', {
    method: 'PUT',
    body: { overrides },
    staff: true,
  });
  return payload && Array.isArray(payload.overrides) && Array.isArray(payload.officialYears)
    ? (payload as CalendarOverridesResponse)
    : undefined;
}

/** A published holiday schedule: what importing it would save (nothing is written). */
export function previewCalendarSchedule(body: CalendarScheduleRequest): Promise<CalendarSchedulePreview> {
  return request('/api/staff/calendar-overrides/preview', { method: 'POST', body, staff: true });
}

/** Saves the schedule for its year (replacing that year's overrides); the year then counts as covered. */
export function importCalendarSchedule(body: CalendarScheduleRequest): Promise<CalendarOverridesResponse> {
  return request('/api/staff/calendar-overrides/import', { method: 'POST', body, staff: true });
}

// --- The rates: the dashboard, its drill-down (getQueue with a measure), the admin's settings and recompute ---

export function getDashboard(kind: string, period?: string): Promise<DashboardResponse> {
  const params = new URLSearchParams({ kind, ...(period ? { period } : {}) });
  return request(`/api/staff/dashboard?${params}`, { staff: true });
}

export function saveRankingSettings(settings: RankingSettings): Promise<RankingSettings> {
  return request('/api/staff/rates/ranking-settings', { staff: true, method: 'PUT', body: settings });
}

export function requestRatesRecompute(): Promise<RecomputeResponse> {
  return request('/api/staff/rates/recompute', { staff: true, method: 'POST', body: {} });
}

/** Hot topics (热度表) and barometer (晴雨表) of an ISO week (default: this week). */
export function getTopics(week?: string): Promise<TopicsResponse> {
  return request(`/api/staff/topics${week ? `?week=${encodeURIComponent(week)}` : ''}`, { staff: true });
}

// Exports of the queue and bulletins (issue 10, point 5): asked for here, written in the background, downloaded
// through a short-lived link the server signs.

export function requestExport(format: 'csv' | 'xlsx', filters: QueueFilters): Promise<ExportView> {
  const chosen = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
  return request('/api/staff/exports', { method: 'POST', body: { format, filters: chosen }, staff: true });
}

export function getExports(): Promise<ExportsResponse> {
  return request('/api/staff/exports', { staff: true });
}

export function getExportDownload(id: string): Promise<DownloadResponse> {
  return request(`/api/staff/exports/${encodeURIComponent(id)}/download`, { staff: true });
}

export function getBulletins(): Promise<BulletinsResponse> {
  return request('/api/staff/bulletins', { staff: true });
}

export function requestBulletin(kind: 'week' | 'month', period: string): Promise<{ queued: true }> {
  return request('/api/staff/bulletins', { method: 'POST', body: { kind, period }, staff: true });
}

export function getBulletinDownload(id: string, format: 'html' | 'xlsx'): Promise<DownloadResponse> {
  return request(`/api/staff/bulletins/${encodeURIComponent(id)}/download?format=${format}`, { staff: true });
}

// Campaigns (专题征集, docs/campaigns.md): the organizer's list, editor, lifecycle, live figures and exports.

export function getCampaigns(): Promise<CampaignListResponse> {
  return request('/api/staff/campaigns', { staff: true });
}

export function getCampaign(id: string): Promise<StaffCampaign> {
  return request(`/api/staff/campaigns/${encodeURIComponent(id)}`, { staff: true });
}

/** A new campaign (newCampaignSchema): 201 with the campaign, in draft. */
export function createCampaign(body: Record<string, unknown>): Promise<StaffCampaign> {
  return request('/api/staff/campaigns', { method: 'POST', body, staff: true });
}

/** Saves an edit (campaignDraftSchema) if the campaign is still at `version`; 409 when someone changed it since. */
export function saveCampaign(id: string, body: Record<string, unknown>, version: number): Promise<StaffCampaign> {
  return request(`/api/staff/campaigns/${encodeURIComponent(id)}`, { method: 'PUT', body: { ...body, version }, staff: true });
}

export function changeCampaignState(id: string, body: CampaignStateRequest): Promise<StaffCampaign> {
  return request(`/api/staff/campaigns/${encodeURIComponent(id)}/state`, { method: 'POST', body, staff: true });
}

export function getCampaignFigures(id: string): Promise<CampaignFigures> {
  return request(`/api/staff/campaigns/${encodeURIComponent(id)}/figures`, { staff: true });
}

/** The text answers, of one question or all, matching a search, a page at a time. */
export function getTextAnswers(id: string, filters: { question?: string; q?: string; cursor?: string }): Promise<TextAnswersResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const qs = params.toString();
  return request(`/api/staff/campaigns/${encodeURIComponent(id)}/responses${qs ? `?${qs}` : ''}`, { staff: true });
}

/** Exports the campaign's responses in the background; the file is then in the exports list (GET /api/staff/exports). */
export function requestCampaignExport(id: string, format: 'csv' | 'xlsx'): Promise<ExportView | undefined> {
  return request(`/api/staff/campaigns/${encodeURIComponent(id)}/exports`, { method: 'POST', body: { format }, staff: true });
}
