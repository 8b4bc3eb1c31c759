/**
 * Staff handling actions on one suggestion: screen (assign / reject / merge), sign, send back, request
 * information, request and decide an extension, a co-handling department's opinion (协办意见), a progress note to
 * the citizen (阶段性进展), reply, and the supervisor's instruction on a 督办 record.
 * Primary course of every action:
 *  1. validate the body; load the suggestion; check organisation and department (403) and role (403);
 *  2. check the state through the lifecycle (409 when it has moved on, naming its status);
 *  3. save the transition with its timeline entry and its audit record (and the 督办 record an instruction adds
 *     to) in one transaction, under an optimistic lock (409 when someone else was faster);
 *  4. queue the notifications it causes, and answer the workflow's waiting token with the next plan;
 *  5. return the updated detail with what this person may do next.
 */
import * as z from 'zod';
import { ulid } from 'ulid';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { dueAt, workingDays } from '../domain/deadlines';
import { categories } from '../domain/intake/categories';
import { requireSuggestionAccess, type StaffPrincipal } from '../domain/staff/principal';
import { canTransition, transition, type Action } from '../domain/suggestion/lifecycle';
import { handlingDueAt, screeningDueAt, signDueAt } from '../domain/suggestion/phase-deadlines';
import { tiers, type Suggestion } from '../domain/suggestion/suggestion';
import { normaliseTrackingCode } from '../domain/suggestion/tracking-code';
import { staffDetail } from '../domain/suggestion/views';
import { parseOrThrow } from '../domain/validation';
import { planFor } from '../domain/workflow/planner';
import { auditRecord } from '../domain/staff/audit-record';
import type { ActionResponse, Department, Escalation, StaffRole } from '../http/api-types';
import type { Clock, Directory, NotificationQueue, NotificationRequest, SuggestionStore, SupervisionStore, WorkflowEngine } from '../ports';
import { citizenRecipients, commonParams, staffRecipients } from './notify';
import { deadlinePolicy, type DeadlinePolicy } from './org-calendar';

export interface HandlingDeps {
  store: SuggestionStore;
  directory: Directory;
  supervision: SupervisionStore;
  notifications: NotificationQueue;
  workflow: WorkflowEngine;
  clock: Clock;
  publicBaseUrl: string;
  log: { warn(message: string, detail?: unknown): void };
}

export const staffActionNames = [
  'screen',
  'sign',
  'send-back',
  'info-request',
  'extension-request',
  'extension-decision',
  'cohandler-opinion',
  'progress-note',
  'reply',
  'escalation-instruction',
  'resume-workflow',
] as const;
export type StaffActionName = (typeof staffActionNames)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const departmentId = z.string().regex(/^[a-z0-9-]{1,64}$/, { message: 'type' });

const schemas = {
  screen: z.discriminatedUnion('decision', [
    z.strictObject({
      decision: z.literal('assign'),
      category: z.enum(categories),
      tier: z.enum(tiers),
      leadDepartmentId: departmentId,
      cohandlerDepartmentIds: z.array(departmentId).max(10).optional(),
      note: text(500).optional(),
    }),
    z.strictObject({ decision: z.literal('reject'), reason: text(500) }),
    z.strictObject({ decision: z.literal('merge'), masterTrackingCode: z.string().max(20), note: text(500).optional() }),
  ]),
  sign: z.strictObject({}),
  'send-back': z.strictObject({ reason: text(500) }),
  'info-request': z.strictObject({ question: text(1000) }),
  'extension-request': z.strictObject({ workingDays: z.number().int().min(1).max(30), reason: text(500) }),
  'extension-decision': z.strictObject({ approve: z.boolean(), note: text(500).optional() }),
  'cohandler-opinion': z.strictObject({ text: text(2000) }),
  'progress-note': z.strictObject({ text: text(2000) }),
  reply: z.strictObject({ text: text(5000), adopted: z.boolean().optional(), templateId: z.string().max(64).optional() }),
  'escalation-instruction': z.strictObject({ text: text(1000) }),
  'resume-workflow': z.strictObject({}),
} satisfies Record<StaffActionName, z.ZodType>;

/**
 * Which roles may take each action; handlers only on suggestions their department leads, or — for an opinion —
 * co-handles.
 */
const actionRoles: Record<StaffActionName, { roles: StaffRole[]; leadOnly?: boolean; cohandlerOnly?: boolean; lifecycle: Action[] }> = {
  screen: { roles: ['admin', 'dispatcher'], lifecycle: ['assign', 'reject', 'merge'] },
  sign: { roles: ['handler'], leadOnly: true, lifecycle: ['sign'] },
  'send-back': { roles: ['handler'], leadOnly: true, lifecycle: ['sendBack'] },
  'info-request': { roles: ['handler'], leadOnly: true, lifecycle: ['requestInfo'] },
  'extension-request': { roles: ['handler'], leadOnly: true, lifecycle: ['requestExtension'] },
  'extension-decision': { roles: ['admin', 'dispatcher'], lifecycle: ['approveExtension', 'denyExtension'] },
  'cohandler-opinion': { roles: ['handler'], cohandlerOnly: true, lifecycle: ['contribute'] },
  'progress-note': { roles: ['handler'], leadOnly: true, lifecycle: ['progressNote'] },
  reply: { roles: ['handler'], leadOnly: true, lifecycle: ['reply'] },
  'escalation-instruction': { roles: ['admin', 'supervisor'], lifecycle: ['instruct'] },
  'resume-workflow': { roles: ['admin'], lifecycle: ['resumeWorkflow'] },
};

function actorOf(p: StaffPrincipal) {
  return { type: 'staff' as const, id: p.username, name: p.name, role: p.role, ...(p.role === 'handler' && p.departmentId ? { departmentId: p.departmentId } : {}) };
}

function allowedByRole(p: StaffPrincipal, s: Suggestion, name: StaffActionName): boolean {
  const rule = actionRoles[name];
  if (!rule.roles.includes(p.role)) return false;
  if (rule.cohandlerOnly) return !!p.departmentId && p.departmentId !== s.leadDepartmentId && (s.cohandlerDepartmentIds ?? []).includes(p.departmentId);
  return !rule.leadOnly || (!!p.departmentId && p.departmentId === s.leadDepartmentId);
}

const departmentScoped = (name: StaffActionName) => !!(actionRoles[name].leadOnly || actionRoles[name].cohandlerOnly);

function allowedByState(p: StaffPrincipal, s: Suggestion, name: StaffActionName): boolean {
  const actor = actorOf(p);
  if (name === 'extension-request' && s.pendingExtension) return false;
  if (name === 'extension-decision' && !s.pendingExtension) return false;
  if (name === 'escalation-instruction' && !s.escalatedAt) return false;
  if (name === 'resume-workflow' && !s.workflowError) return false;
  return actionRoles[name].lifecycle.some((a) => canTransition(s.status, a, actor));
}

/** What this person may do with this suggestion now (the web shows exactly these). */
export function availableActions(p: StaffPrincipal, s: Suggestion): StaffActionName[] {
  return staffActionNames.filter((name) => allowedByRole(p, s, name) && allowedByState(p, s, name));
}

export async function detailFor(deps: Pick<HandlingDeps, 'store' | 'clock'>, p: StaffPrincipal, s: Suggestion): Promise<ActionResponse> {
  return { ...staffDetail(s, await deps.store.timeline(s.id), deps.clock.now()), availableActions: availableActions(p, s) };
}

interface Outcome {
  action: Action;
  note?: string;
  changes?: Partial<Suggestion>;
  notify?: (next: Suggestion) => Promise<NotificationRequest[]>;
  /** The 督办 record as the action leaves it, saved with the transition. */
  escalation?: Escalation;
  /** Changes neither status nor deadline: the waiting workflow's plan still holds, so it is not woken. */
  keepsPlan?: boolean;
}

async function decide(deps: HandlingDeps, p: StaffPrincipal, s: Suggestion, name: StaffActionName, body: unknown, { calendar, limits }: DeadlinePolicy): Promise<Outcome> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const params = commonParams(s, deps.publicBaseUrl);
  switch (name) {
    case 'screen': {
      const input = parseOrThrow(schemas.screen, body);
      if (input.decision === 'reject') return { action: 'reject', note: input.reason };
      if (input.decision === 'merge') {
        const code = normaliseTrackingCode(input.masterTrackingCode);
        const master = code ? await deps.store.getByTrackingCode(code) : undefined;
        if (!master || master.orgId !== s.orgId || master.id === s.id || ['rejected', 'merged'].includes(master.status)) {
          throw new ValidationError({ masterTrackingCode: { rule: 'mergeTarget' } });
        }
        return { action: 'merge', note: input.note ?? `→ ${master.trackingCode}`, changes: { mergedInto: master.id } };
      }
      const departments = await deps.directory.departments(s.orgId);
      const known = new Set(departments.map((d) => d.id));
      const unknown = [input.leadDepartmentId, ...(input.cohandlerDepartmentIds ?? [])].find((d) => !known.has(d));
      if (unknown) throw new ValidationError({ [unknown === input.leadDepartmentId ? 'leadDepartmentId' : 'cohandlerDepartmentIds']: { rule: 'unknownDepartment' } });
      return {
        action: 'assign',
        ...(input.note ? { note: input.note } : {}),
        changes: {
          category: input.category,
          tier: input.tier,
          leadDepartmentId: input.leadDepartmentId,
          cohandlerDepartmentIds: (input.cohandlerDepartmentIds ?? []).filter((d) => d !== input.leadDepartmentId),
          dueAt: signDueAt(now, limits, calendar).toISOString(),
          phaseStartedAt: at,
        },
        notify: async (next) => {
          const nextParams = commonParams(next, deps.publicBaseUrl);
          const lead = departmentNames(departments, input.leadDepartmentId);
          return [
            ...(await staffRecipients(deps.directory, next, 'assigned', 'assign', { roles: ['handler'], departmentId: input.leadDepartmentId }, nextParams)),
            ...(next.cohandlerDepartmentIds?.length
              ? await staffRecipients(deps.directory, next, 'cohandlingAssigned', 'assign', { roles: ['handler'], departmentIds: next.cohandlerDepartmentIds }, {
                  ...nextParams,
                  leadDepartmentName: lead.name,
                  leadDepartmentNameEn: lead.en,
                })
              : []),
          ];
        },
      };
    }
    case 'cohandler-opinion': {
      const input = parseOrThrow(schemas['cohandler-opinion'], body);
      return {
        action: 'contribute',
        note: input.text,
        keepsPlan: true,
        notify: async (next) => {
          const department = departmentNames(await deps.directory.departments(s.orgId), p.departmentId ?? '');
          return staffRecipients(deps.directory, next, 'cohandlerOpinion', `opinion@${at}`, { roles: ['handler'], departmentId: s.leadDepartmentId! }, {
            ...params,
            departmentName: department.name,
            departmentNameEn: department.en,
          });
        },
      };
    }
    case 'sign':
      parseOrThrow(schemas.sign, body ?? {});
      // A reopened suggestion keeps the deadline it was reopened with.
      return { action: 'sign', changes: s.status === 'reopened' ? {} : { dueAt: handlingDueAt(now, s.tier ?? 'deadline', limits, calendar).toISOString(), phaseStartedAt: at } };
    case 'send-back': {
      const input = parseOrThrow(schemas['send-back'], body);
      return { action: 'sendBack', note: input.reason, changes: { leadDepartmentId: undefined, cohandlerDepartmentIds: [], dueAt: screeningDueAt(now, limits, calendar).toISOString(), phaseStartedAt: at } };
    }
    case 'info-request': {
      const input = parseOrThrow(schemas['info-request'], body);
      return {
        action: 'requestInfo',
        note: input.question,
        changes: { infoRequest: { question: input.question, askedAt: at } },
        notify: async (next) => citizenRecipients(next, 'infoRequest', `info@${at}`, { ...params, question: input.question }),
      };
    }
    case 'extension-request': {
      const input = parseOrThrow(schemas['extension-request'], body);
      return {
        action: 'requestExtension',
        note: `${input.workingDays} · ${input.reason}`,
        changes: { pendingExtension: { workingDays: input.workingDays, reason: input.reason, requestedAt: at, requestedBy: p.username } },
        notify: (next) => staffRecipients(deps.directory, next, 'extensionRequested', `ext@${at}`, { roles: ['dispatcher'] }, { ...params, days: input.workingDays, reason: input.reason }),
      };
    }
    case 'extension-decision': {
      const input = parseOrThrow(schemas['extension-decision'], body);
      const pending = s.pendingExtension!;
      const notify = (next: Suggestion) =>
        staffRecipients(deps.directory, next, 'extensionDecided', `extd@${at}`, { roles: ['handler'], departmentId: s.leadDepartmentId! }, { ...commonParams(next, deps.publicBaseUrl), approved: input.approve ? 'yes' : 'no' });
      if (!input.approve) return { action: 'denyExtension', ...(input.note ? { note: input.note } : {}), changes: { pendingExtension: undefined }, notify };
      return {
        action: 'approveExtension',
        note: input.note ?? `+${pending.workingDays}`,
        changes: {
          pendingExtension: undefined,
          extensionsApproved: (s.extensionsApproved ?? 0) + 1,
          dueAt: dueAt(new Date(s.dueAt), workingDays(pending.workingDays), calendar).toISOString(),
        },
        notify,
      };
    }
    case 'progress-note': {
      const input = parseOrThrow(schemas['progress-note'], body);
      return {
        action: 'progressNote',
        note: input.text,
        changes: { progressNotedAt: at },
        // The plan stays: if it waits for this period's note reminder, that checkpoint finds it stale and re-plans.
        keepsPlan: true,
        notify: async (next) => citizenRecipients(next, 'progressNote', `note@${at}`, commonParams(next, deps.publicBaseUrl)),
      };
    }
    case 'reply': {
      const input = parseOrThrow(schemas.reply, body);
      return {
        action: 'reply',
        changes: {
          reply: { text: input.text, at, departmentId: s.leadDepartmentId!, ...(input.adopted !== undefined ? { adopted: input.adopted } : {}) },
          dueAt: dueAt(now, limits.ratingWindow, calendar).toISOString(),
          phaseStartedAt: at,
          pendingExtension: undefined,
        },
        notify: async (next) => citizenRecipients(next, 'reply', `reply@${at}`, commonParams(next, deps.publicBaseUrl)),
      };
    }
    case 'resume-workflow':
      // The workflow parked itself after an unexpected error; answering its token with a fresh plan resumes it.
      parseOrThrow(schemas['resume-workflow'], body ?? {});
      return { action: 'resumeWorkflow', note: s.workflowError?.error, changes: { workflowError: undefined } };
    case 'escalation-instruction': {
      const input = parseOrThrow(schemas['escalation-instruction'], body);
      const record = await deps.supervision.escalation(s.orgId, s.id);
      return {
        action: 'instruct',
        note: input.text,
        ...(record ? { escalation: { ...record, instructions: [...record.instructions, { at, by: p.name, text: input.text }] } } : {}),
        notify: (next) => staffRecipients(deps.directory, next, 'escalation', `instr@${at}`, { roles: ['handler', 'dispatcher'], ...(next.leadDepartmentId ? { departmentId: next.leadDepartmentId } : {}) }, { ...params, instruction: input.text }),
      };
    }
  }
}

/** A department's names for a notification, its id standing in for a department the directory lacks. */
function departmentNames(departments: readonly Department[], id: string): { name: string; en: string } {
  const department = departments.find((d) => d.id === id);
  return { name: department?.name ?? id, en: department?.en ?? id };
}

/** Tells the waiting workflow the state changed; it re-plans by itself if this answer comes too late. */
export async function answerWorkflow(deps: Pick<HandlingDeps, 'store' | 'workflow' | 'log' | 'clock'>, s: Suggestion, policy: DeadlinePolicy): Promise<void> {
  try {
    const token = await deps.store.getWorkflowToken(s.id);
    if (token) await deps.workflow.answer(token, planFor(s, deps.clock.now(), policy.calendar, policy.limits));
  } catch (error) {
    deps.log.warn('workflow not answered; it will re-plan at its next checkpoint', { id: s.id, reason: String(error) });
  }
}

export async function performStaffAction(deps: HandlingDeps, p: StaffPrincipal, id: string, name: StaffActionName, body: unknown): Promise<ActionResponse> {
  const s = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? await deps.store.get(id) : undefined;
  if (!s || s.orgId !== p.orgId) throw new NotFoundError('error.staffSuggestionNotFound');
  requireSuggestionAccess(p, s);
  if (!allowedByRole(p, s, name)) {
    throw new ForbiddenError(departmentScoped(name) && actionRoles[name].roles.includes(p.role) ? 'error.departmentForbidden' : 'error.roleForbidden', { role: p.role });
  }
  if (!allowedByState(p, s, name)) throw new ConflictError('error.illegalTransition', { from: s.status, action: name }, 'illegal_transition');

  const policy = await deadlinePolicy(deps.supervision, s.orgId, s.campaignId);
  const outcome = await decide(deps, p, s, name, body, policy);
  const at = deps.clock.now().toISOString();
  const { suggestion: next, entry } = transition(s, { action: outcome.action, actor: actorOf(p), at, ...(outcome.note ? { note: outcome.note } : {}), changes: outcome.changes ?? {} });
  await deps.store.saveTransition(next, s.version, entry, {
    audit: auditRecord(p, at, outcome.action, s.id),
    ...(outcome.escalation ? { escalation: outcome.escalation } : {}),
  });
  await Promise.all([
    (async () => {
      const requests = (await outcome.notify?.(next)) ?? [];
      if (requests.length) await deps.notifications.enqueue(requests);
    })(),
    outcome.keepsPlan ? undefined : answerWorkflow(deps, next, policy),
  ]);
  return detailFor(deps, p, next);
}

export function newTemplateId(): string {
  return ulid();
}
