/**
 * The organizer's campaigns: list, read, create, edit and move through the lifecycle.
 * Primary course (each write):
 *  1. the stored profile says who may: organizers and admins write, every staff role reads;
 *  2. the body is checked against the shared schema (the editor uses the same one); target departments must be
 *     the organisation's own;
 *  3. the change goes through the domain (editCampaign / changeCampaignState), which says what may change in the
 *     campaign's state and records state changes in its history;
 *  4. it is saved on the version the organizer read (409 if someone else saved first), with its audit record in
 *     the same transaction.
 */
import * as z from 'zod';
import type { Campaign } from '../../domain/campaign/campaign';
import { campaignDraftSchema, campaignResultsSchema, newCampaignSchema, type CampaignDraft } from '../../domain/campaign/campaign-schema';
import { campaignActions, changeCampaignState, editCampaign } from '../../domain/campaign/lifecycle';
import { campaignListItem, type CampaignListItem } from '../../domain/campaign/views';
import { emptyFigures } from '../../domain/campaign/figures';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { auditRecord } from '../../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../../domain/staff/principal';
import type { StaffRole } from '../../domain/staff/staff';
import { parseOrThrow, toFieldProblems } from '../../domain/validation';
import type { CampaignFiguresSource, CampaignStore, Clock, Directory } from '../../ports';

export interface CampaignDeps {
  campaigns: CampaignStore;
  figures: CampaignFiguresSource;
  directory: Pick<Directory, 'departments'>;
  clock: Clock;
}

/** Who writes campaigns; everyone on the staff reads them (handlers see what their department is meant for). */
export const campaignWriters: readonly StaffRole[] = ['organizer', 'admin'];

/** GET /api/staff/campaigns and GET/PUT /api/staff/campaigns/{id}, POST .../state: the campaign as staff see it. */
export type StaffCampaign = Campaign;

export interface CampaignListResponse {
  campaigns: CampaignListItem[];
}

const stateOrder: Record<Campaign['state'], number> = { open: 0, scheduled: 1, draft: 2, closed: 3, published: 4 };

export async function listCampaigns(deps: Pick<CampaignDeps, 'campaigns' | 'figures'>, principal: StaffPrincipal): Promise<CampaignListResponse> {
  const campaigns = await deps.campaigns.list(principal.orgId);
  // A draft has no counts yet: read only the figures of campaigns that took something (tens a year: one batch each).
  const figures = await Promise.all(campaigns.map((c) => (c.state === 'draft' ? Promise.resolve(emptyFigures()) : deps.figures.figures(c.orgId, c.id))));
  const items = campaigns.map((c, i) => campaignListItem(c, figures[i]!));
  items.sort((a, b) => stateOrder[a.state] - stateOrder[b.state] || b.opensAt.localeCompare(a.opensAt));
  return { campaigns: items };
}

export async function getCampaign(deps: Pick<CampaignDeps, 'campaigns'>, principal: StaffPrincipal, campaignId: string): Promise<StaffCampaign> {
  const campaign = await deps.campaigns.get(principal.orgId, campaignId);
  if (!campaign) throw new NotFoundError('error.campaignNotFound');
  return campaign;
}

async function requireKnownDepartments(deps: Pick<CampaignDeps, 'directory'>, orgId: string, draft: CampaignDraft): Promise<void> {
  if (!draft.targetDepartmentIds.length) return;
  const known = new Set((await deps.directory.departments(orgId)).map((d) => d.id));
  const index = draft.targetDepartmentIds.findIndex((id) => !known.has(id));
  if (index >= 0) throw new ValidationError({ [`targetDepartmentIds.${index}`]: { rule: 'unknownDepartment' } });
}

export async function createCampaign(deps: CampaignDeps, principal: StaffPrincipal, body: unknown): Promise<StaffCampaign> {
  requireRole(principal, campaignWriters);
  const { id, ...draft } = parseOrThrow(newCampaignSchema, body);
  await requireKnownDepartments(deps, principal.orgId, draft);
  const at = deps.clock.now().toISOString();
  const { titleEn, themeEn, questionnaire, ...rest } = draft;
  const campaign: Campaign = {
    orgId: principal.orgId,
    id,
    ...rest,
    ...(titleEn ? { titleEn } : {}),
    ...(themeEn ? { themeEn } : {}),
    ...(questionnaire ? { questionnaire } : {}),
    state: 'draft',
    history: [],
    createdAt: at,
    createdBy: principal.name,
    updatedAt: at,
    version: 1,
  };
  await deps.campaigns.create(campaign, auditRecord(principal, at, 'createCampaign', `campaign:${id}`));
  return campaign;
}

const versioned = z.object({ version: z.number().int().min(1) });

/** The version the organizer read and the rest of the body checked against `schema`: every broken field named at once. */
function parseVersioned<S extends z.ZodType>(schema: S, body: unknown): { version: number; value: z.output<S> } {
  const input = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const { version: _v, ...rest } = input;
  const version = versioned.safeParse(input, { reportInput: true });
  const value = schema.safeParse(rest, { reportInput: true });
  if (version.success && value.success) return { version: version.data.version, value: value.data };
  throw new ValidationError({
    ...(value.success ? {} : toFieldProblems(value.error.issues)),
    ...(version.success ? {} : toFieldProblems(version.error.issues)),
  });
}

async function current(deps: Pick<CampaignDeps, 'campaigns'>, principal: StaffPrincipal, campaignId: string, version: number): Promise<Campaign> {
  const campaign = await getCampaign(deps, principal, campaignId);
  if (campaign.version !== version) throw new ConflictError('error.concurrentCampaignUpdate', undefined, 'concurrent_update');
  return campaign;
}

export async function updateCampaign(deps: CampaignDeps, principal: StaffPrincipal, campaignId: string, body: unknown): Promise<StaffCampaign> {
  requireRole(principal, campaignWriters);
  const { version, value: draft } = parseVersioned(campaignDraftSchema, body);
  await requireKnownDepartments(deps, principal.orgId, draft);
  const campaign = await current(deps, principal, campaignId, version);
  const now = deps.clock.now();
  const next = { ...editCampaign(campaign, draft, now), version: campaign.version + 1 };
  await deps.campaigns.save(next, campaign.version, auditRecord(principal, now.toISOString(), 'updateCampaign', `campaign:${campaignId}`));
  return next;
}

const stateChangeSchema = z.strictObject({
  action: z.enum(campaignActions.filter((a) => a !== 'open') as ['schedule', 'unschedule', 'close', 'publish']),
  reason: z.string().trim().max(500).optional(),
  summary: z.string().optional(),
  summaryEn: z.string().optional(),
});

/** POST /api/staff/campaigns/{id}/state: schedule, unschedule, close early, publish results. Opening is the clock's. */
export async function changeState(deps: CampaignDeps, principal: StaffPrincipal, campaignId: string, body: unknown): Promise<StaffCampaign> {
  requireRole(principal, campaignWriters);
  const { version, value: input } = parseVersioned(stateChangeSchema, body);
  const results = input.action === 'publish' ? parseOrThrow(campaignResultsSchema, { summary: input.summary, ...(input.summaryEn ? { summaryEn: input.summaryEn } : {}) }) : undefined;
  const campaign = await current(deps, principal, campaignId, version);
  const now = deps.clock.now();
  const changed = changeCampaignState(campaign, {
    action: input.action,
    at: now,
    by: principal.name,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(results ? { results } : {}),
  });
  const next = { ...changed, version: campaign.version + 1 };
  await deps.campaigns.save(next, campaign.version, auditRecord(principal, now.toISOString(), `campaign.${input.action}`, `campaign:${campaignId}`, input.reason));
  return next;
}
