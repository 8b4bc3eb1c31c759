/**
 * The counts behind the rates, for one group (an organisation, a department, a campaign, a category, a channel) and
 * one period. Two cohorts: what was assigned in the period (closure, on time, response, satisfaction, resolution,
 * adoption, reopening, times), and what was submitted in it (duplicates, rejections: those never reach assignment).
 * Only sums: a tally of a union is the sum of the tallies, so the aggregates can be kept per day and added up to a
 * week, a month, a year — and recomputed from the facts to the same figures.
 */
import type { RateFacts } from './facts';

export interface Tally {
  // Submitted in the period.
  submitted: number;
  merged: number;
  rejected: number;
  // Assigned in the period (the cohort).
  assigned: number;
  /** Assigned and not later merged or rejected: the adoption rate's base. */
  valid: number;
  signedInTime: number;
  signed: number;
  /** Working minutes, whole: sums of whole numbers are exact in any order (hours as floats are not). */
  signMinutes: number;
  replied: number;
  replyMinutes: number;
  closed: number;
  closedOnTime: number;
  rated: number;
  satisfiedOrBasic: number;
  dissatisfied: number;
  unratedClosed: number;
  /** Rated and answered "was it solved?". */
  resolutionAnswered: number;
  resolvedYes: number;
  resolvedPartly: number;
  adopted: number;
  reopened: number;
  overdue: number;
  supports: number;
}

export const emptyTally = (): Tally => ({
  submitted: 0, merged: 0, rejected: 0, assigned: 0, valid: 0, signedInTime: 0, signed: 0, signMinutes: 0, replied: 0,
  replyMinutes: 0, closed: 0, closedOnTime: 0, rated: 0, satisfiedOrBasic: 0, dissatisfied: 0, unratedClosed: 0,
  resolutionAnswered: 0, resolvedYes: 0, resolvedPartly: 0, adopted: 0, reopened: 0, overdue: 0, supports: 0,
});

export function addTallies(a: Tally, b: Tally): Tally {
  const sum = emptyTally();
  for (const key of Object.keys(sum) as (keyof Tally)[]) sum[key] = a[key] + b[key];
  return sum;
}

/** One suggestion's contribution: its submission side if `submittedIn`, its cohort side if `assignedIn`. */
export function tallyOf(f: RateFacts, { submittedIn, assignedIn }: { submittedIn: boolean; assignedIn: boolean }): Tally {
  const t = emptyTally();
  if (submittedIn) {
    t.submitted = 1;
    t.merged = f.merged ? 1 : 0;
    t.rejected = f.rejected ? 1 : 0;
  }
  if (assignedIn && f.assignedAt) {
    t.assigned = 1;
    t.valid = f.merged || f.rejected ? 0 : 1;
    t.signedInTime = f.signedInTime ? 1 : 0;
    t.signed = f.signHours === undefined ? 0 : 1;
    t.signMinutes = Math.round((f.signHours ?? 0) * 60);
    t.replied = f.replyHours === undefined ? 0 : 1;
    t.replyMinutes = Math.round((f.replyHours ?? 0) * 60);
    t.closed = f.closed ? 1 : 0;
    t.closedOnTime = f.closedOnTime ? 1 : 0;
    t.rated = f.rating ? 1 : 0;
    t.satisfiedOrBasic = f.rating === 'satisfied' || f.rating === 'basic' ? 1 : 0;
    t.dissatisfied = f.rating === 'dissatisfied' ? 1 : 0;
    t.unratedClosed = f.unratedClosure ? 1 : 0;
    t.resolutionAnswered = f.rating && f.resolution ? 1 : 0;
    t.resolvedYes = f.rating && f.resolution === 'yes' ? 1 : 0;
    t.resolvedPartly = f.rating && f.resolution === 'partly' ? 1 : 0;
    t.adopted = f.adopted && !f.merged && !f.rejected ? 1 : 0;
    t.reopened = f.reopened ? 1 : 0;
    t.overdue = f.overdue ? 1 : 0;
    t.supports = f.supports;
  }
  return t;
}
