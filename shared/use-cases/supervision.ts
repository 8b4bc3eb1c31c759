/**
 * The supervisor's board of 督办 records, reply templates, and the organisation's and campaigns' time limits. (The
 * calendar overrides are in calendar-overrides.ts.)
 */
import * as z from 'zod';
import { ulid } from 'ulid';
import { resolveTimeLimits, type TimeLimitOverrides, type TimeLimits } from '../domain/deadlines';
import { ValidationError } from '../domain/errors';
import { auditRecord } from '../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../domain/staff/principal';
import { parseOrThrow } from '../domain/validation';
import type { Escalation } from '../domain/supervision/escalation';
import type { ReplyTemplate } from '../domain/supervision/reply-template';
import type { Clock, SuggestionStore, SupervisionStore } from '../ports';
import { forgetOrgCalendar } from './org-calendar';

/** GET /api/staff/escalations (supervisor, admin, dispatcher) */
export interface EscalationsResponse {
  escalations: Escalation[];
}

/** GET /api/staff/reply-templates; POST body {title, text} → 201 ReplyTemplate */
export interface ReplyTemplatesResponse {
  templates: ReplyTemplate[];
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

interface Deps {
  supervision: SupervisionStore;
  store: SuggestionStore;
  clock: Clock;
}

/** Open 督办 records first, oldest deadline first; each shows the suggestion's current status. */
export async function escalationBoard(deps: Deps, p: StaffPrincipal): Promise<EscalationsResponse> {
  requireRole(p, ['admin', 'supervisor', 'dispatcher']);
  const records = await deps.supervision.escalations(p.orgId);
  const current = await Promise.all(records.map((r) => deps.store.get(r.suggestionId)));
  const escalations = records
    .map((r, i) => ({ ...r, status: current[i]?.status ?? r.status, dueAt: current[i]?.dueAt ?? r.dueAt }))
    .sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed') || a.dueAt.localeCompare(b.dueAt));
  return { escalations };
}

const templateSchema = z.strictObject({ title: z.string().trim().min(1).max(100), text: z.string().trim().min(1).max(5000) });

export async function listReplyTemplates(deps: Deps, p: StaffPrincipal): Promise<ReplyTemplatesResponse> {
  requireRole(p, ['admin', 'dispatcher', 'handler', 'supervisor']);
  const templates = await deps.supervision.replyTemplates(p.orgId);
  return { templates: templates.sort((a, b) => a.title.localeCompare(b.title)) };
}

export async function saveReplyTemplate(deps: Deps, p: StaffPrincipal, body: unknown): Promise<ReplyTemplate> {
  requireRole(p, ['admin', 'dispatcher', 'handler']);
  const input = parseOrThrow(templateSchema, body);
  const template: ReplyTemplate = { id: ulid(), title: input.title, text: input.text, createdBy: p.username };
  await deps.supervision.saveReplyTemplate(p.orgId, template, auditRecord(p, deps.clock.now().toISOString(), 'saveReplyTemplate', template.id));
  return template;
}

const limit = z.strictObject({ amount: z.number().int().min(1).max(3660), unit: z.enum(['workingDays', 'calendarDays']) });
const timeLimitsSchema = z.strictObject({
  limits: z.strictObject({
    screening: limit.optional(),
    sign: limit.optional(),
    tiers: z.strictObject({ immediate: limit.optional(), deadline: limit.optional(), study: limit.optional() }).optional(),
    studyProgressNoteEvery: limit.optional(),
    ratingWindow: limit.optional(),
    reminders: z
      .strictObject({ half: z.number().gt(0).lt(1).optional(), eightyPercent: z.number().gt(0).lt(1).optional(), oneDayLeft: z.number().int().min(1).max(10).optional() })
      .optional(),
    smsQuietHours: z.strictObject({ from: z.string().regex(/^\d{2}:\d{2}$/, { message: 'time' }), to: z.string().regex(/^\d{2}:\d{2}$/, { message: 'time' }) }).optional(),
  }),
});

/** The organisation's time limits: what it overrides, and the result with the defaults filled in. */
export async function getTimeLimits(deps: Deps, p: StaffPrincipal): Promise<TimeLimitsResponse> {
  // Organizers read them too: their campaigns inherit whatever they leave unset.
  requireRole(p, ['admin', 'dispatcher', 'supervisor', 'organizer']);
  const { org } = await deps.supervision.timeLimits(p.orgId);
  return { overrides: org ?? {}, effective: resolveTimeLimits(org) };
}

/** Checks a set of overrides as they would apply (over `below`); a combination that cannot work is a 400. */
function resolvedOrThrow(below: TimeLimitOverrides | undefined, limits: TimeLimitOverrides, campaign: boolean): TimeLimits {
  try {
    return campaign ? resolveTimeLimits(below, limits) : resolveTimeLimits(limits);
  } catch {
    throw new ValidationError({ limits: { rule: 'timeLimits' } });
  }
}

export async function saveTimeLimits(deps: Deps, p: StaffPrincipal, body: unknown): Promise<TimeLimitsResponse> {
  requireRole(p, ['admin']);
  const limits = parseOrThrow(timeLimitsSchema, body).limits as TimeLimitOverrides;
  const effective = resolvedOrThrow(undefined, limits, false);
  await deps.supervision.saveOrgTimeLimits(p.orgId, limits, auditRecord(p, deps.clock.now().toISOString(), 'saveTimeLimits'));
  forgetOrgCalendar(p.orgId);
  return { overrides: limits, effective };
}

const campaignIdPattern = /^[a-z0-9-]{1,64}$/;

function campaignIdOrThrow(campaignId: string): string {
  if (!campaignIdPattern.test(campaignId)) throw new ValidationError({ campaignId: { rule: 'campaignIdFormat' } });
  return campaignId;
}

/**
 * A campaign's own time limits (专题征集 often run shorter), over the organisation's: what it overrides, what it
 * inherits from the organisation, and the result. Suggestions submitted to the campaign follow them.
 */
export async function getCampaignTimeLimits(deps: Deps, p: StaffPrincipal, campaignId: string): Promise<CampaignTimeLimitsResponse> {
  requireRole(p, ['admin', 'organizer', 'dispatcher', 'supervisor']);
  const { org, campaign } = await deps.supervision.timeLimits(p.orgId, campaignIdOrThrow(campaignId));
  return { campaignId, overrides: campaign ?? {}, inherited: resolveTimeLimits(org), effective: resolveTimeLimits(org, campaign) };
}

export async function saveCampaignTimeLimits(deps: Deps, p: StaffPrincipal, campaignId: string, body: unknown): Promise<CampaignTimeLimitsResponse> {
  requireRole(p, ['admin', 'organizer']);
  campaignIdOrThrow(campaignId);
  const limits = parseOrThrow(timeLimitsSchema, body).limits as TimeLimitOverrides;
  const { org } = await deps.supervision.timeLimits(p.orgId);
  const effective = resolvedOrThrow(org, limits, true);
  await deps.supervision.saveCampaignTimeLimits(p.orgId, campaignId, limits, auditRecord(p, deps.clock.now().toISOString(), 'saveCampaignTimeLimits', campaignId));
  forgetOrgCalendar(p.orgId);
  return { campaignId, overrides: limits, inherited: resolveTimeLimits(org), effective };
}
