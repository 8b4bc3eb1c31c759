/**
 * Every staff action runs the same course:
 *  1. load the suggestion; check organisation and department (403) and role (403);
 *  2. check the state through the lifecycle (409 when it has moved on, naming its status); validate the body (400);
 *  3. the action decides; save the transition with its timeline entry and its audit record (and the 督办 record an
 *     instruction adds to) in one transaction, under an optimistic lock (409 when someone else was faster);
 *  4. queue the notifications it causes, and answer the workflow's waiting token with the next plan;
 *  5. return the updated detail with what this person may do next.
 */
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import { auditRecord } from '../../domain/staff/audit-record';
import { requireSuggestionAccess, type StaffPrincipal } from '../../domain/staff/principal';
import { canTransition, transition } from '../../domain/suggestion/lifecycle';
import type { Suggestion } from '../../domain/suggestion/suggestion';
import type { StaffSuggestionDetail } from '../../domain/suggestion/view-types';
import { staffDetail } from '../../domain/suggestion/views';
import { parseOrThrow } from '../../domain/validation';
import { planFor } from '../../domain/workflow/planner';
import { deadlinePolicy, type DeadlinePolicy } from '../org-calendar';
import { staffActionNames, staffActions, type StaffActionName } from './index';
import type { HandlingDeps, StaffActionDefinition } from './staff-action';

export type { HandlingDeps } from './staff-action';

/** Every action answers 200 with the updated detail; 409 `{error:{code:'illegal_transition'|'concurrent_update'}}`
 * when the suggestion has moved on (the message says to what status). */
export type ActionResponse = StaffSuggestionDetail;

const definitionOf = (name: StaffActionName): StaffActionDefinition => staffActions[name] as StaffActionDefinition;

function actorOf(p: StaffPrincipal) {
  return { type: 'staff' as const, id: p.username, name: p.name, role: p.role, ...(p.role === 'handler' && p.departmentId ? { departmentId: p.departmentId } : {}) };
}

function allowedByRole(p: StaffPrincipal, s: Suggestion, definition: StaffActionDefinition): boolean {
  if (!definition.roles.includes(p.role)) return false;
  // The department rule binds handlers; an office-wide role listed beside them acts on any suggestion it can see.
  if (p.role !== 'handler' || !definition.department) return true;
  if (definition.department === 'cohandler') return !!p.departmentId && p.departmentId !== s.leadDepartmentId && (s.cohandlerDepartmentIds ?? []).includes(p.departmentId);
  return !!p.departmentId && p.departmentId === s.leadDepartmentId;
}

function allowedByState(p: StaffPrincipal, s: Suggestion, definition: StaffActionDefinition): boolean {
  if (definition.when && !definition.when(s)) return false;
  const actor = actorOf(p);
  return definition.records.some((a) => canTransition(s.status, a, actor));
}

/** What this person may do with this suggestion now (the web shows exactly these). */
export function availableActions(p: StaffPrincipal, s: Suggestion): StaffActionName[] {
  return staffActionNames.filter((name) => allowedByRole(p, s, definitionOf(name)) && allowedByState(p, s, definitionOf(name)));
}

export async function detailFor(deps: Pick<HandlingDeps, 'store' | 'clock'>, p: StaffPrincipal, s: Suggestion): Promise<ActionResponse> {
  return { ...staffDetail(s, await deps.store.timeline(s.id), deps.clock.now()), availableActions: availableActions(p, s) };
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
  const definition = definitionOf(name);
  const s = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? await deps.store.get(id) : undefined;
  if (!s || s.orgId !== p.orgId) throw new NotFoundError('error.staffSuggestionNotFound');
  requireSuggestionAccess(p, s);
  if (!allowedByRole(p, s, definition)) {
    throw new ForbiddenError(definition.department && definition.roles.includes(p.role) ? 'error.departmentForbidden' : 'error.roleForbidden', { role: p.role });
  }
  if (!allowedByState(p, s, definition)) {
    const byStatus = definition.records.some((a) => canTransition(s.status, a, actorOf(p)));
    throw new ConflictError(byStatus && definition.refusal ? definition.refusal(s) : 'error.illegalTransition', { from: s.status, action: name }, 'illegal_transition');
  }

  const policy = await deadlinePolicy(deps.supervision, s.orgId, s.campaignId);
  const input = parseOrThrow(definition.schema, body ?? {});
  const now = deps.clock.now();
  const at = now.toISOString();
  const outcome = await definition.decide(input, { deps, principal: p, suggestion: s, now, at, policy });
  const { suggestion: next, entry } = transition(s, { action: outcome.action, actor: actorOf(p), at, ...(outcome.note ? { note: outcome.note } : {}), changes: outcome.changes ?? {} });
  await deps.store.saveTransition(next, s.version, entry, {
    audit: auditRecord(p, at, outcome.action, s.id, outcome.auditDetail),
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
