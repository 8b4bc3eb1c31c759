/**
 * Decides the workflow's next checkpoint for a suggestion in its current state. Pure: state and time in, plan out.
 * Every checkpoint is an instant strictly after `now`, so a checkpoint that has fired is never planned again,
 * and a resumed execution simply continues with whatever is next.
 */
import { checkpoints, defaultTimeLimits, overdueReminderTimes, progressNoteReminders, type TimeLimits, type WorkingCalendar } from '../deadlines';
import type { Suggestion } from '../suggestion/suggestion';
import type { CheckpointName, WorkflowPlan } from './plan';

/** Timers must stay under ~24.8 days (Node's and the local interpreter's limit); a long wait is cut into legs. */
export const maxWaitSeconds = 20 * 24 * 3600;

const finished = new Set(['closed', 'rejected', 'merged']);

function waitSeconds(at: Date, now: Date): number {
  return Math.min(Math.max(Math.ceil((at.getTime() - now.getTime()) / 1000), 1), maxWaitSeconds);
}

/** The first daily overdue reminder (09:00 on a working day) after `now`. */
export function nextOverdueReminder(due: Date, now: Date, calendar: WorkingCalendar): Date {
  const horizon = new Date(now.getTime() + 15 * 86_400_000);
  return overdueReminderTimes(due, horizon, calendar).find((t) => t.getTime() > now.getTime()) ?? horizon;
}

function deadlineName(s: Suggestion): CheckpointName {
  if (s.status === 'submitted' || s.status === 'screening') return 'screeningDue';
  return s.status === 'assigned' ? 'signDue' : 'due';
}

/** The limits the planner reads: when to remind before a deadline, and how often a study-tier note is due. */
export type PlanLimits = Pick<TimeLimits, 'reminders' | 'studyProgressNoteEvery'>;

/** Reminders before the handling deadline, and for the study tier its progress notes, in time order. */
function handlingCheckpoints(s: Suggestion, start: Date, due: Date, calendar: WorkingCalendar, limits: PlanLimits): { name: CheckpointName; at: Date }[] {
  const reminders = checkpoints(start, due, calendar, limits.reminders).map((c) => ({ name: c.name as CheckpointName, at: c.at }));
  const notes =
    s.tier === 'study'
      ? progressNoteReminders(start, due, limits.studyProgressNoteEvery, calendar, s.progressNotedAt ? new Date(s.progressNotedAt) : undefined).map((at) => ({
          name: 'progressNote' as const,
          at,
        }))
      : [];
  return [...reminders, ...notes].sort((a, b) => a.at.getTime() - b.at.getTime());
}

export function planFor(s: Suggestion, now: Date, calendar: WorkingCalendar, limits: PlanLimits = defaultTimeLimits): WorkflowPlan {
  const base = { suggestionId: s.id, version: s.version };
  if (s.workflowError) return { ...base, phase: 'parked', timeout: maxWaitSeconds };
  if (finished.has(s.status)) return { ...base, phase: 'done', timeout: 1 };

  const due = new Date(s.dueAt);
  let next: { name: CheckpointName; at: Date } | undefined;
  switch (s.status) {
    case 'infoRequested':
      // The clock is paused until the citizen answers; the answer re-plans. Wake up at the longest leg anyway.
      next = undefined;
      break;
    case 'replied':
      next = { name: 'ratingWindowEnd', at: due };
      break;
    case 'submitted':
    case 'screening':
    case 'assigned':
      next = { name: deadlineName(s), at: due };
      break;
    default: {
      // Handling (signed, reopened): reminders at 50 % and 80 % of the allowed time and one working day before,
      // and for the study tier a progress note every 30 days (unless one was posted in that period).
      // A phase that began after its deadline (data written by hand, a deadline moved back) has only the deadline.
      const start = new Date(Math.min(new Date(s.phaseStartedAt ?? s.updatedAt).getTime(), due.getTime()));
      next = handlingCheckpoints(s, start, due, calendar, limits).find((c) => c.at.getTime() > now.getTime());
    }
  }
  if (next && next.at.getTime() <= now.getTime()) next = undefined;
  if (!next && s.status !== 'infoRequested' && due.getTime() <= now.getTime()) {
    // A deadline passed while nobody was watching (a restart, a stopped workflow): act on it at once.
    const soon = new Date(now.getTime() + 1000);
    const escalatedThisPhase = !!s.escalatedAt && s.escalatedAt >= (s.phaseStartedAt ?? s.submittedAt);
    if (s.status === 'replied') next = { name: 'ratingWindowEnd', at: soon };
    else if (!escalatedThisPhase) next = { name: deadlineName(s), at: soon };
    else next = { name: 'overdueDaily', at: nextOverdueReminder(due, now, calendar) };
  }
  if (!next) return { ...base, phase: 'open', timeout: maxWaitSeconds };
  return { ...base, phase: 'open', timeout: waitSeconds(next.at, now), checkpoint: next.name, checkpointAt: next.at.toISOString() };
}
