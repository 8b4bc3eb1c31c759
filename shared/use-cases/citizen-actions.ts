/**
 * The citizen's two actions, authorised by tracking code + PIN like tracking (same limits, same 404):
 *  - answer an information request: the clock restarts, the deadline moves by the working days it was paused;
 *  - rate the reply: satisfied / basic close it; the first dissatisfied rating reopens it with a new deadline;
 *    a second one closes it and opens a 督办 record for the supervisors.
 * Both answer the workflow's waiting token with the next plan.
 */
import * as z from 'zod';
import { ConflictError } from '../domain/errors';
import { pauseAdjusted } from '../domain/deadlines';
import { transition } from '../domain/suggestion/lifecycle';
import { handlingDueAt } from '../domain/suggestion/phase-deadlines';
import { ratings, resolutions, type Suggestion } from '../domain/suggestion/suggestion';
import { citizenView } from '../domain/suggestion/views';
import { parseOrThrow } from '../domain/validation';
import type { CitizenView } from '../domain/suggestion/view-types';
import type { RateLimiter } from '../ports';
import { answerWorkflow, type HandlingDeps } from './staff-actions/perform';
import { commonParams, staffRecipients } from './notify';
import { deadlinePolicy } from './org-calendar';
import { authenticateCitizen } from './track-suggestion';

export type CitizenDeps = Pick<HandlingDeps, 'store' | 'directory' | 'supervision' | 'notifications' | 'workflow' | 'clock' | 'publicBaseUrl' | 'log'> & {
  rateLimiter: RateLimiter;
};

export const infoAnswerSchema = z.strictObject({ answer: z.string().trim().min(1).max(5000) });
/** How satisfied the citizen is, and whether the problem was solved: both asked, both counted (满意率, 解决率). */
export const ratingSchema = z.strictObject({ rating: z.enum(ratings), resolution: z.enum(resolutions), comment: z.string().trim().max(1000).optional() });

interface Credentials {
  trackingCode: string;
  pin: string | undefined;
  sourceIp: string;
}

const citizenActor = (s: Suggestion) => ({ type: 'citizen' as const, id: s.trackingCode });

async function finish(deps: CitizenDeps, before: Suggestion, next: Suggestion, entry: Parameters<CitizenDeps['store']['saveTransition']>[2]): Promise<CitizenView> {
  await deps.store.saveTransition(next, before.version, entry);
  await answerWorkflow(deps, next, await deadlinePolicy(deps.supervision, next.orgId, next.campaignId));
  return citizenView(next, await deps.store.timeline(next.id));
}

export async function answerInfoRequest(deps: CitizenDeps, credentials: Credentials, body: unknown): Promise<CitizenView> {
  const input = parseOrThrow(infoAnswerSchema, body);
  const s = await authenticateCitizen(deps, credentials);
  if (s.status !== 'infoRequested' || !s.infoRequest) throw new ConflictError('error.illegalTransition', { from: s.status, action: 'answerInfo' }, 'illegal_transition');
  const now = deps.clock.now();
  const { calendar } = await deadlinePolicy(deps.supervision, s.orgId, s.campaignId);
  const { suggestion, entry } = transition(s, {
    action: 'answerInfo',
    actor: citizenActor(s),
    at: now.toISOString(),
    note: input.answer,
    changes: {
      infoRequest: { ...s.infoRequest, answer: input.answer, answeredAt: now.toISOString() },
      dueAt: pauseAdjusted(new Date(s.dueAt), new Date(s.infoRequest.askedAt), now, calendar).toISOString(),
    },
  });
  const view = await finish(deps, s, suggestion, entry);
  if (suggestion.leadDepartmentId) {
    const requests = await staffRecipients(deps.directory, suggestion, 'reminder', `answered@${now.toISOString()}`, { roles: ['handler'], departmentId: suggestion.leadDepartmentId }, {
      ...commonParams(suggestion, deps.publicBaseUrl),
      checkpoint: 'infoAnswered',
    });
    if (requests.length) await deps.notifications.enqueue(requests);
  }
  return view;
}

export async function rateReply(deps: CitizenDeps, credentials: Credentials, body: unknown): Promise<CitizenView> {
  const input = parseOrThrow(ratingSchema, body);
  const s = await authenticateCitizen(deps, credentials);
  if (s.status !== 'replied') throw new ConflictError('error.illegalTransition', { from: s.status, action: 'rate' }, 'illegal_transition');
  const now = deps.clock.now();
  const at = now.toISOString();
  const rating = { rating: input.rating, resolution: input.resolution, ...(input.comment ? { comment: input.comment } : {}), at };
  const reopen = input.rating === 'dissatisfied' && !s.reopenCount;
  const { calendar, limits } = await deadlinePolicy(deps.supervision, s.orgId, s.campaignId);
  const { suggestion, entry } = reopen
    ? transition(s, {
        action: 'reopen',
        actor: citizenActor(s),
        at,
        note: input.comment ?? input.rating,
        changes: { rating, reopenCount: 1, dueAt: handlingDueAt(now, s.tier ?? 'deadline', limits, calendar).toISOString(), phaseStartedAt: at },
      })
    : transition(s, { action: 'rate', actor: citizenActor(s), at, note: input.rating, changes: { rating } });
  const view = await finish(deps, s, suggestion, entry);

  const params = commonParams(suggestion, deps.publicBaseUrl);
  const requests = reopen
    ? await staffRecipients(deps.directory, suggestion, 'reopened', 'reopen', { roles: ['handler', 'dispatcher'], ...(suggestion.leadDepartmentId ? { departmentId: suggestion.leadDepartmentId } : {}) }, params)
    : input.rating === 'dissatisfied'
      ? await staffRecipients(deps.directory, suggestion, 'escalation', 'dissatisfiedTwice', { roles: ['supervisor'] }, params)
      : [];
  if (!reopen && input.rating === 'dissatisfied') {
    await deps.supervision.saveEscalation(suggestion.orgId, {
      id: suggestion.id,
      suggestionId: suggestion.id,
      trackingCode: suggestion.trackingCode,
      title: suggestion.title,
      ...(suggestion.leadDepartmentId ? { departmentId: suggestion.leadDepartmentId } : {}),
      status: suggestion.status,
      dueAt: suggestion.dueAt,
      escalatedAt: at,
      reason: 'dissatisfiedTwice',
      instructions: (await deps.supervision.escalation(suggestion.orgId, suggestion.id))?.instructions ?? [],
    });
  }
  if (requests.length) await deps.notifications.enqueue(requests);
  return view;
}
