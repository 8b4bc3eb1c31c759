/**
 * The workflow's screening phase, as the state machine's tasks call it. DynamoDB holds the authoritative state;
 * each task reads it, so a resumed or repeated execution continues from the suggestion's recorded phase.
 */
import { NotFoundError } from '../domain/errors';
import { transition } from '../domain/suggestion/lifecycle';
import type { Suggestion } from '../domain/suggestion/suggestion';
import type { Clock, Directory, NotificationQueue, NotificationRequest, SuggestionStore } from '../ports';

/** A wait-for-token timeout must be a positive whole number of seconds; keep each wait well under the
 * ~24.8-day limit of timers (the local interpreter's, and a sane checkpoint interval on AWS). */
const maxWaitSeconds = 20 * 24 * 3600;

export function secondsUntil(dueAt: string, now: Date): number {
  const seconds = Math.ceil((new Date(dueAt).getTime() - now.getTime()) / 1000);
  return Math.min(Math.max(seconds, 1), maxWaitSeconds);
}

export interface PhaseOutput {
  suggestionId: string;
  phase: 'screening' | 'done';
  timeout: number;
}

const system = { type: 'system', id: 'workflow' } as const;

async function load(store: SuggestionStore, id: string): Promise<Suggestion> {
  const suggestion = await store.get(id);
  if (!suggestion) throw new NotFoundError('error.staffSuggestionNotFound');
  return suggestion;
}

/**
 * Primary course: a submitted suggestion enters screening (recorded in its timeline); one already in screening
 * (a resumed execution) just gets its remaining time; any later status ends this phase.
 */
export async function beginScreening(deps: { store: SuggestionStore; clock: Clock }, suggestionId: string): Promise<PhaseOutput> {
  let suggestion = await load(deps.store, suggestionId);
  const now = deps.clock.now();
  if (suggestion.status === 'submitted') {
    const { suggestion: next, entry } = transition(suggestion, { action: 'beginScreening', actor: system, at: now.toISOString() });
    await deps.store.saveTransition(next, suggestion.version, entry);
    suggestion = next;
  }
  if (suggestion.status !== 'screening') return { suggestionId, phase: 'done', timeout: 1 };
  return { suggestionId, phase: 'screening', timeout: secondsUntil(suggestion.dueAt, now) };
}

/** Primary course: remember the task token so the dispatcher's screening action can answer the wait. */
export async function awaitScreening(deps: { store: SuggestionStore }, input: { suggestionId: string; taskToken: string }): Promise<void> {
  await deps.store.setWorkflowToken(input.suggestionId, input.taskToken);
}

/**
 * Primary course: screening passed its deadline — record it (internal), remind every dispatcher of the
 * organisation by the channels they gave (one reminder per dispatcher per overdue day, whatever the retries),
 * then wait one more day.
 */
export async function screeningOverdue(
  deps: { store: SuggestionStore; directory: Directory; notifications: NotificationQueue; clock: Clock; publicBaseUrl: string },
  suggestionId: string,
): Promise<PhaseOutput> {
  const suggestion = await load(deps.store, suggestionId);
  const now = deps.clock.now();
  if (suggestion.status !== 'screening') return { suggestionId, phase: 'done', timeout: 1 };
  // Woken before the deadline (a resumed execution, a moved deadline): nothing is overdue yet, wait the rest.
  if (now.getTime() < new Date(suggestion.dueAt).getTime()) {
    return { suggestionId, phase: 'screening', timeout: secondsUntil(suggestion.dueAt, now) };
  }

  const overdueDays = Math.max(0, Math.floor((now.getTime() - new Date(suggestion.dueAt).getTime()) / 86_400_000));
  const { suggestion: next, entry } = transition(suggestion, {
    action: 'screeningOverdue',
    actor: system,
    at: now.toISOString(),
    note: `overdue day ${overdueDays + 1}`,
  });
  await deps.store.saveTransition(next, suggestion.version, entry);

  const dispatchers = (await deps.directory.staff(suggestion.orgId)).filter((p) => p.role === 'dispatcher');
  const params = {
    title: suggestion.title,
    trackingCode: suggestion.trackingCode,
    dueDate: suggestion.dueAt.slice(0, 10),
    staffUrl: `${deps.publicBaseUrl}/#/staff/s/${suggestion.id}`,
  };
  const reminders: NotificationRequest[] = [];
  for (const d of dispatchers) {
    for (const [channel, to] of [['email', d.email], ['sms', d.phone]] as const) {
      if (!to) continue;
      reminders.push({
        idempotencyKey: `${suggestion.id}#screeningOverdue#${channel}#${to}#${overdueDays}`,
        event: 'screeningOverdue',
        suggestionId: suggestion.id,
        channel,
        to,
        locale: 'zh-CN',
        params,
      });
    }
  }
  if (reminders.length) await deps.notifications.enqueue(reminders);
  return { suggestionId, phase: 'screening', timeout: secondsUntil(new Date(now.getTime() + 86_400_000).toISOString(), now) };
}
