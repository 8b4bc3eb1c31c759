/**
 * What the rates need to know of one suggestion, read from it and its timeline: when it was submitted and first
 * assigned (the cohort dates), whether it was signed within the sign time limit, how long signing and replying
 * took in working hours, how it closed (on time, rated or not, and the rating's two answers), whether it was
 * adopted, reopened, merged or rejected, and whether it is overdue now. Pure: the same suggestion, timeline and
 * time limits give the same facts, which is what makes the aggregates reproducible.
 */
import type { TimeLimits, WorkingCalendar } from '../deadlines';
import { isAdopted } from '../suggestion/adoption';
import { handlingDueAt, signDueAt } from '../suggestion/phase-deadlines';
import type { Channel, Rating, Resolution, Suggestion, TimelineEntry } from '../suggestion/suggestion';
import { workingHoursBetween } from './working-hours';

export interface RateFacts {
  id: string;
  orgId: string;
  category: string;
  channel: Channel;
  campaignId?: string;
  /** The lead department (主办); co-handling departments are counted apart. */
  leadDepartmentId?: string;
  cohandlerDepartmentIds: string[];
  submittedAt: string;
  /** The first assignment: the date of the cohort the rates count it in. Never assigned: absent. */
  assignedAt?: string;
  /** Signed by the lead department within the sign time limit of its first assignment. */
  signedInTime: boolean;
  /** Working hours from the first assignment to the first signature. */
  signHours?: number;
  /** Working hours from the first signature to the first reply. */
  replyHours?: number;
  replied: boolean;
  closed: boolean;
  /** Closed, with its last reply given by the handling deadline in force (extensions included). */
  closedOnTime: boolean;
  rating?: Rating;
  /** The citizen's answer to "was the problem solved?" (asked with the rating). */
  resolution?: Resolution;
  /** Closed at the end of the rating window without a rating. */
  unratedClosure: boolean;
  adopted: boolean;
  rejected: boolean;
  merged: boolean;
  reopened: boolean;
  /** Open and past its current deadline at the time the facts were read. */
  overdue: boolean;
  /** Citizens who supported it instead of filing a copy (附议). */
  supports: number;
}

const finished = new Set(['closed', 'rejected', 'merged']);

export function rateFacts(s: Suggestion, timeline: readonly TimelineEntry[], now: Date, limits: TimeLimits, calendar: WorkingCalendar): RateFacts {
  const first = (action: string) => timeline.find((e) => e.action === action);
  const last = (action: string) => [...timeline].reverse().find((e) => e.action === action);
  const assigned = first('assign');
  const signed = first('sign');
  const firstReply = first('reply');
  const lastReply = last('reply');
  const closedEntry = timeline.find((e) => e.toStatus === 'closed');
  const closed = s.status === 'closed';
  // The deadline the last reply was due by: recorded with it; for older records, the handling time limit from the
  // first signature.
  const replyDueAt = s.reply?.dueAt ?? (signed ? handlingDueAt(new Date(signed.at), s.tier ?? 'deadline', limits, calendar).toISOString() : undefined);
  return {
    id: s.id,
    orgId: s.orgId,
    category: s.category,
    channel: s.channel,
    ...(s.campaignId ? { campaignId: s.campaignId } : {}),
    ...(s.leadDepartmentId ? { leadDepartmentId: s.leadDepartmentId } : {}),
    cohandlerDepartmentIds: s.cohandlerDepartmentIds ?? [],
    submittedAt: s.submittedAt,
    ...(assigned ? { assignedAt: assigned.at } : {}),
    signedInTime: !!(assigned && signed && new Date(signed.at) <= signDueAt(new Date(assigned.at), limits, calendar)),
    ...(assigned && signed ? { signHours: workingHoursBetween(new Date(assigned.at), new Date(signed.at), calendar) } : {}),
    ...(signed && firstReply ? { replyHours: workingHoursBetween(new Date(signed.at), new Date(firstReply.at), calendar) } : {}),
    replied: !!firstReply,
    closed,
    closedOnTime: closed && !!lastReply && !!replyDueAt && lastReply.at <= replyDueAt,
    ...(s.rating ? { rating: s.rating.rating } : {}),
    ...(s.rating?.resolution ? { resolution: s.rating.resolution } : {}),
    unratedClosure: closed && !s.rating && closedEntry?.action === 'autoClose',
    adopted: isAdopted(s),
    rejected: s.status === 'rejected',
    merged: s.status === 'merged',
    reopened: (s.reopenCount ?? 0) > 0 || timeline.some((e) => e.action === 'reopen'),
    overdue: !finished.has(s.status) && s.status !== 'replied' && new Date(s.dueAt) < now,
    supports: 0,
  };
}
