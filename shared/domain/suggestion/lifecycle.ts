/**
 * The lifecycle of a suggestion: which action may move it from which status, by whom, and whether the citizen
 * sees the step. `transition()` is the ONE function every state change goes through: it refuses illegal moves
 * and returns the timeline entry to record with the new state, so a change and its record cannot come apart.
 */
import { IllegalTransitionError } from '../errors';
import type { Actor, ActorType, Suggestion, SuggestionStatus, TimelineEntry, Visibility } from './suggestion';

export const actions = [
  'submit',
  'beginScreening',
  'reject',
  'merge',
  'assign',
  'sign',
  'sendBack',
  'requestInfo',
  'answerInfo',
  'requestExtension',
  'approveExtension',
  'denyExtension',
  'reply',
  'rate',
  'reopen',
  'close',
  'autoClose',
  'escalate',
  'remind',
  'instruct',
  'cohandlerOpinion',
  'progressNote',
  'workflowFailed',
  'resumeWorkflow',
  // Adoption records (issue 10, point 4):
  'adopt',
  'correctAdoption',
  'adoptionProgress',
  'featureIdea',
  'unfeatureIdea',
] as const;
export type Action = (typeof actions)[number];

/** Names timelines and audit logs recorded before an action was renamed, and the action's name now. */
const formerNames: Record<string, Action> = { contribute: 'cohandlerOpinion' };

/** The action a stored record names, by its current name. */
export function currentActionName(stored: string): string {
  return formerNames[stored] ?? stored;
}

interface Rule {
  from: readonly (SuggestionStatus | null)[];
  /** 'same' records an event without changing the status (reminders, extensions, escalations). */
  to: SuggestionStatus | 'same';
  by: readonly ActorType[];
  /** Staff roles allowed, when a staff actor may take it. */
  roles?: readonly string[];
  visibility: Visibility;
}

const handling: SuggestionStatus[] = ['signed', 'infoRequested', 'reopened'];
const open: SuggestionStatus[] = ['submitted', 'screening', 'assigned', 'signed', 'infoRequested', 'replied', 'reopened'];
/** Answered at least once: where an adoption record may be kept up (adoption records, issue 10 point 4). */
const answered: SuggestionStatus[] = ['replied', 'reopened', 'closed'];
const adoptionRoles = ['admin', 'dispatcher', 'supervisor', 'handler'];

export const lifecycle: Record<Action, Rule> = {
  // Issue 12: staff entry and callbacks — the operator (接线员) enters a citizen's suggestion (代录).
  submit: { from: [null], to: 'submitted', by: ['citizen', 'staff', 'system'], roles: ['admin', 'dispatcher', 'operator'], visibility: 'public' },
  beginScreening: { from: ['submitted'], to: 'screening', by: ['system'], visibility: 'public' },
  reject: { from: ['screening'], to: 'rejected', by: ['staff'], roles: ['admin', 'dispatcher'], visibility: 'public' },
  merge: { from: ['screening'], to: 'merged', by: ['staff'], roles: ['admin', 'dispatcher'], visibility: 'public' },
  assign: { from: ['screening'], to: 'assigned', by: ['staff'], roles: ['admin', 'dispatcher'], visibility: 'public' },
  sign: { from: ['assigned', 'reopened'], to: 'signed', by: ['staff'], roles: ['handler'], visibility: 'public' },
  sendBack: { from: ['assigned', 'signed'], to: 'screening', by: ['staff'], roles: ['handler'], visibility: 'internal' },
  requestInfo: { from: ['signed', 'reopened'], to: 'infoRequested', by: ['staff'], roles: ['handler'], visibility: 'public' },
  answerInfo: { from: ['infoRequested'], to: 'signed', by: ['citizen'], visibility: 'public' },
  requestExtension: { from: handling, to: 'same', by: ['staff'], roles: ['handler'], visibility: 'internal' },
  approveExtension: { from: handling, to: 'same', by: ['staff'], roles: ['admin', 'dispatcher'], visibility: 'internal' },
  denyExtension: { from: handling, to: 'same', by: ['staff'], roles: ['admin', 'dispatcher'], visibility: 'internal' },
  reply: { from: ['signed', 'reopened'], to: 'replied', by: ['staff'], roles: ['handler'], visibility: 'public' },
  rate: { from: ['replied'], to: 'closed', by: ['citizen'], visibility: 'public' },
  reopen: { from: ['replied'], to: 'reopened', by: ['citizen', 'system'], visibility: 'public' },
  close: { from: ['replied'], to: 'closed', by: ['staff'], roles: ['admin', 'dispatcher'], visibility: 'public' },
  autoClose: { from: ['replied'], to: 'closed', by: ['system'], visibility: 'public' },
  escalate: { from: open, to: 'same', by: ['system', 'staff'], roles: ['admin', 'dispatcher', 'supervisor'], visibility: 'internal' },
  remind: { from: open, to: 'same', by: ['system'], visibility: 'internal' },
  instruct: { from: open, to: 'same', by: ['staff'], roles: ['admin', 'supervisor'], visibility: 'internal' },
  // 协办意见: a co-handling department's input for the lead department, from assignment until the reply.
  cohandlerOpinion: { from: ['assigned', ...handling], to: 'same', by: ['staff'], roles: ['handler'], visibility: 'internal' },
  // 阶段性进展: the lead department tells the citizen how the handling goes (the study tier owes one every 30 days).
  progressNote: { from: ['signed', 'reopened'], to: 'same', by: ['staff'], roles: ['handler'], visibility: 'public' },
  workflowFailed: { from: [...open, 'closed', 'rejected', 'merged'], to: 'same', by: ['system'], visibility: 'internal' },
  resumeWorkflow: { from: [...open, 'closed', 'rejected', 'merged'], to: 'same', by: ['staff'], roles: ['admin'], visibility: 'internal' },
  // Adoption records (issue 10, point 4). 采纳: once the department has answered (replied) or it is closed — not while
  // a reopened one is being answered again; the record and its progress then stay open to updates in all three.
  adopt: { from: ['replied', 'closed'], to: 'same', by: ['staff'], roles: adoptionRoles, visibility: 'public' },
  // A correction's reason is for staff and the audit; the citizen sees the corrected record.
  correctAdoption: { from: answered, to: 'same', by: ['staff'], roles: adoptionRoles, visibility: 'internal' },
  adoptionProgress: { from: answered, to: 'same', by: ['staff'], roles: adoptionRoles, visibility: 'public' },
  // 案例库: the office curates the public case library.
  featureIdea: { from: answered, to: 'same', by: ['staff'], roles: ['admin', 'dispatcher', 'supervisor'], visibility: 'internal' },
  unfeatureIdea: { from: answered, to: 'same', by: ['staff'], roles: ['admin', 'dispatcher', 'supervisor'], visibility: 'internal' },
};

export function canTransition(from: SuggestionStatus | null, action: Action, actor: Actor): boolean {
  const rule = lifecycle[action];
  if (!rule.from.includes(from)) return false;
  if (!rule.by.includes(actor.type)) return false;
  if (actor.type === 'staff' && rule.roles && !rule.roles.includes(actor.role ?? '')) return false;
  return true;
}

export interface TransitionInput {
  action: Action;
  actor: Actor;
  at: string;
  note?: string;
  /** Fields the action sets alongside the status (deadline, department, reply …). */
  changes?: Partial<Omit<Suggestion, 'id' | 'status' | 'version' | 'trackingCode' | 'pinHash'>>;
}

export interface TransitionResult {
  suggestion: Suggestion;
  entry: TimelineEntry;
}

/** Sequence numbers are the version written, so two entries of one suggestion never share a sort key. */
export function timelineSeq(version: number): string {
  return String(version).padStart(6, '0');
}

export function transition(current: Suggestion, input: TransitionInput): TransitionResult {
  const rule = lifecycle[input.action];
  if (!canTransition(current.status, input.action, input.actor)) {
    throw new IllegalTransitionError('error.illegalTransition', { from: current.status, action: input.action });
  }
  const toStatus = rule.to === 'same' ? current.status : rule.to;
  const version = current.version + 1;
  const suggestion: Suggestion = {
    ...current,
    ...input.changes,
    status: toStatus,
    updatedAt: input.at,
    version,
  };
  const entry: TimelineEntry = {
    at: input.at,
    seq: timelineSeq(version),
    action: input.action,
    actor: input.actor,
    fromStatus: current.status,
    toStatus,
    visibility: rule.visibility,
    ...(input.note ? { note: input.note } : {}),
  };
  return { suggestion, entry };
}

/** The first step: a new suggestion comes into being only through the lifecycle, like every later one. */
export function submitted(draft: Omit<Suggestion, 'status' | 'version' | 'updatedAt'>, actor: Actor): TransitionResult {
  if (!canTransition(null, 'submit', actor)) {
    throw new IllegalTransitionError('error.illegalTransition', { from: '-', action: 'submit' });
  }
  const suggestion: Suggestion = { ...draft, status: 'submitted', updatedAt: draft.submittedAt, version: 1 };
  const entry: TimelineEntry = {
    at: draft.submittedAt,
    seq: timelineSeq(1),
    action: 'submit',
    actor,
    fromStatus: null,
    toStatus: 'submitted',
    visibility: 'public',
  };
  return { suggestion, entry };
}
