/**
 * The state machine's tasks (Plan, AwaitEvent, Checkpoint, RecordFailure). DynamoDB holds the authoritative
 * state: every task reads it, so a resumed or repeated execution continues from the suggestion's recorded phase,
 * and the planner (shared/domain/workflow/planner.ts) decides what to wait for next.
 */
import { NotFoundError } from '../domain/errors';
import { transition, type Action } from '../domain/suggestion/lifecycle';
import type { Suggestion } from '../domain/suggestion/suggestion';
import type { WorkflowPlan } from '../domain/workflow/plan';
import { planFor } from '../domain/workflow/planner';
import type { Clock, Directory, NotificationQueue, NotificationRequest, SuggestionStore, SupervisionStore, WorkflowEngine } from '../ports';
import { citizenRecipients, commonParams, responsibleAudience, staffRecipients } from './notify';
import { deadlinePolicy, type DeadlinePolicy } from './org-calendar';

export interface WorkflowTaskDeps {
  store: SuggestionStore;
  directory: Directory;
  notifications: NotificationQueue;
  clock: Clock;
  publicBaseUrl: string;
  /** Optional so the task handlers can be built with what they use; Checkpoint needs it for 督办 records. */
  supervision?: SupervisionStore;
  /** Lets AwaitEvent answer its own token at once when the plan it carries is already stale. */
  workflow?: WorkflowEngine;
}

const system = { type: 'system', id: 'workflow' } as const;

async function load(store: SuggestionStore, id: string): Promise<Suggestion> {
  const suggestion = await store.get(id);
  if (!suggestion) throw new NotFoundError('error.staffSuggestionNotFound');
  return suggestion;
}

const noOverrides = { calendarOverrides: async () => [], timeLimits: async () => ({}) };

function policyFor(deps: Partial<WorkflowTaskDeps>, s: Suggestion): Promise<DeadlinePolicy> {
  return deadlinePolicy(deps.supervision ?? noOverrides, s.orgId, s.campaignId);
}

function plan(s: Suggestion, now: Date, policy: DeadlinePolicy): WorkflowPlan {
  return planFor(s, now, policy.calendar, policy.limits);
}

async function save(deps: Pick<WorkflowTaskDeps, 'store' | 'clock'>, s: Suggestion, action: Action, note?: string, changes: Partial<Suggestion> = {}): Promise<Suggestion> {
  const { suggestion, entry } = transition(s, { action, actor: system, at: deps.clock.now().toISOString(), ...(note ? { note } : {}), changes });
  await deps.store.saveTransition(suggestion, s.version, entry);
  return suggestion;
}

/** Plan: a new suggestion enters screening; then, whatever the status, say what to wait for next. Sends nothing. */
export async function planWorkflow(deps: Pick<WorkflowTaskDeps, 'store' | 'clock' | 'supervision'>, suggestionId: string): Promise<WorkflowPlan> {
  let s = await load(deps.store, suggestionId);
  if (s.status === 'submitted') s = await save(deps, s, 'beginScreening', undefined, { phaseStartedAt: s.submittedAt });
  return plan(s, deps.clock.now(), await policyFor(deps, s));
}

/** AwaitEvent: park the token where actions find it; answer it at once if the plan is already out of date. */
export async function awaitEvent(
  deps: Pick<WorkflowTaskDeps, 'store'> & Partial<WorkflowTaskDeps>,
  input: { suggestionId: string; taskToken: string; plan?: WorkflowPlan },
): Promise<void> {
  await deps.store.setWorkflowToken(input.suggestionId, input.taskToken);
  if (!deps.workflow || !deps.clock || input.plan?.version === undefined) return;
  const s = await deps.store.get(input.suggestionId);
  if (s && s.version !== input.plan.version) {
    await deps.workflow.answer(input.taskToken, plan(s, deps.clock.now(), await policyFor(deps, s)));
  }
}

/**
 * Checkpoint: the wait timed out. Reminders before the deadline go to whoever is responsible (that a study-tier
 * progress note is due, to the lead department); at the deadline a 督办 record is opened for the supervisors; after
 * it, a daily overdue reminder; at the end of the rating window the suggestion closes unrated. A wake-up with
 * nothing due (a long wait's leg, a stale plan) just re-plans.
 */
export async function runCheckpoint(deps: WorkflowTaskDeps, timedOut: WorkflowPlan): Promise<WorkflowPlan> {
  let s = await load(deps.store, timedOut.suggestionId);
  const now = deps.clock.now();
  const policy = await policyFor(deps, s);
  // Act only if the current state would have planned this very checkpoint (same name, same time): otherwise the
  // state moved on (an action, a moved deadline) and we just re-plan. Timers may fire late — by seconds on AWS, by
  // a rounded second of demo time locally — so the check looks from just before the checkpoint, not from now.
  const checkpointAt = timedOut.checkpointAt ? new Date(timedOut.checkpointAt) : undefined;
  if (!timedOut.checkpoint || !checkpointAt || checkpointAt.getTime() > now.getTime() + 1000) return plan(s, now, policy);
  const expected = plan(s, new Date(checkpointAt.getTime() - 1), policy);
  const sameTime = !!expected.checkpointAt && Math.abs(new Date(expected.checkpointAt).getTime() - checkpointAt.getTime()) <= 1000;
  if (expected.checkpoint !== timedOut.checkpoint || !sameTime) return plan(s, now, policy);

  const params = commonParams(s, deps.publicBaseUrl);
  const key = `${timedOut.checkpoint}@${timedOut.checkpointAt}`;
  const requests: NotificationRequest[] = [];
  switch (timedOut.checkpoint) {
    case 'ratingWindowEnd':
      s = await save(deps, s, 'autoClose', 'unrated');
      break;
    case 'half':
    case 'eightyPercent':
    case 'oneDayLeft':
      s = await save(deps, s, 'remind', timedOut.checkpoint);
      requests.push(...(await staffRecipients(deps.directory, s, 'reminder', key, responsibleAudience(s), { ...params, checkpoint: timedOut.checkpoint })));
      break;
    case 'progressNote':
      // The note is the lead department's to post (staff action progressNote); co-handlers are not asked.
      s = await save(deps, s, 'remind', timedOut.checkpoint);
      if (s.leadDepartmentId) {
        requests.push(...(await staffRecipients(deps.directory, s, 'reminder', key, { roles: ['handler'], departmentId: s.leadDepartmentId }, { ...params, checkpoint: 'progressNote' })));
      }
      break;
    case 'overdueDaily': {
      const days = Math.max(1, Math.round((now.getTime() - new Date(s.dueAt).getTime()) / 86_400_000));
      s = await save(deps, s, 'remind', `overdue day ${days}`);
      const audience = responsibleAudience(s);
      requests.push(...(await staffRecipients(deps.directory, s, 'overdue', key, { ...audience, roles: [...audience.roles, 'dispatcher'] }, { ...params, days })));
      break;
    }
    default: {
      // screeningDue, signDue, due: the deadline passed.
      s = await save(deps, s, 'escalate', timedOut.checkpoint, { escalatedAt: now.toISOString() });
      if (deps.supervision && !(await deps.supervision.escalation(s.orgId, s.id))) {
        await deps.supervision.saveEscalation(s.orgId, {
          id: s.id,
          suggestionId: s.id,
          trackingCode: s.trackingCode,
          title: s.title,
          ...(s.leadDepartmentId ? { departmentId: s.leadDepartmentId } : {}),
          status: s.status,
          dueAt: s.dueAt,
          escalatedAt: now.toISOString(),
          reason: 'overdue',
          instructions: [],
        });
      }
      requests.push(...(await staffRecipients(deps.directory, s, 'escalation', key, { roles: ['supervisor'] }, params)));
      requests.push(...(await staffRecipients(deps.directory, s, 'overdue', key, responsibleAudience(s), { ...params, days: 0 })));
    }
  }
  if (requests.length) await deps.notifications.enqueue(requests);
  return plan(s, now, policy);
}

/** RecordFailure: an unexpected error after retries — keep it on the suggestion and tell the admins. */
export async function recordWorkflowFailure(deps: WorkflowTaskDeps, input: { suggestionId: string; error?: string; cause?: string }): Promise<void> {
  const s = await load(deps.store, input.suggestionId);
  const at = deps.clock.now().toISOString();
  const saved = await save(deps, s, 'workflowFailed', input.error ?? 'error', {
    workflowError: { at, error: input.error ?? 'error', ...(input.cause ? { cause: input.cause.slice(0, 1000) } : {}) },
  });
  const requests = await staffRecipients(deps.directory, saved, 'workflowFailure', `failure@${at}`, { roles: ['admin'] }, {
    ...commonParams(saved, deps.publicBaseUrl),
    error: input.error ?? 'error',
  });
  if (requests.length) await deps.notifications.enqueue(requests);
}

export { citizenRecipients };
