/**
 * What one suggestion adds to the kept figures: to each (group, day) bucket it counts in, and to each week, month,
 * year and all time holding those days. A change of a suggestion moves the figures by exactly the difference
 * between its contributions after and before — so the job applies that difference once, together with the facts it
 * was computed from (update-rates.ts), and a retried or overlapping run finds nothing left to add. The full
 * recompute adds the contributions of every suggestion from nothing; both give the same figures because they add
 * the same contributions (the property test holds them to it).
 */
import type { DayString } from '../deadlines/office-time';
import { bucketKey, bucketsOf, groupsOf, type Bucket, type RateGroup } from './buckets';
import type { RateFacts } from './facts';
import { allTime, periodOf, summaryKinds, type SummaryKind } from './periods';
import { addTallies, emptyTally, tallyOf, type Tally } from './tally';
import { officeDayOf } from '../deadlines/office-time';

export interface BucketContribution {
  bucket: Bucket;
  tally: Tally;
}

export interface SummaryContribution {
  kind: SummaryKind;
  period: string;
  group: RateGroup;
  tally: Tally;
}

export const summaryKey = (s: Pick<SummaryContribution, 'kind' | 'period'>): string => `${s.kind}|${s.period}`;

/** Its contribution to each bucket it counts in. */
export function bucketContributions(f: RateFacts): BucketContribution[] {
  const submittedDay = officeDayOf(new Date(f.submittedAt));
  const assignedDay = f.assignedAt ? officeDayOf(new Date(f.assignedAt)) : undefined;
  return bucketsOf(f).map((bucket) => ({
    bucket,
    tally: tallyOf(f, { submittedIn: bucket.day === submittedDay, assignedIn: bucket.day === assignedDay }),
  }));
}

/** Its contribution to each period's figures: the sum of its buckets' whose day the period holds. */
export function summaryContributions(f: RateFacts): SummaryContribution[] {
  const out = new Map<string, SummaryContribution>();
  for (const { bucket, tally } of bucketContributions(f)) {
    for (const kind of summaryKinds) {
      const period = kind === 'all' ? allTime : periodOf(kind, bucket.day as DayString);
      const key = `${kind}|${period}|${bucket.group}`;
      const current = out.get(key);
      out.set(key, { kind, period, group: bucket.group, tally: current ? addTallies(current.tally, tally) : tally });
    }
  }
  return [...out.values()];
}

export type TallyDelta = Partial<Tally>;

function difference(after: Tally | undefined, before: Tally | undefined): TallyDelta {
  const delta: TallyDelta = {};
  for (const key of Object.keys(emptyTally()) as (keyof Tally)[]) {
    const d = (after?.[key] ?? 0) - (before?.[key] ?? 0);
    if (d !== 0) delta[key] = d;
  }
  return delta;
}

export interface ChangeDeltas {
  buckets: Array<{ bucket: Bucket; delta: TallyDelta }>;
  summaries: Array<{ kind: SummaryKind; period: string; group: RateGroup; delta: TallyDelta }>;
}

/** How the figures move when a suggestion's facts go from `before` (none: new) to `after`; zero moves left out. */
export function changeDeltas(before: RateFacts | undefined, after: RateFacts): ChangeDeltas {
  const byBucket = (f: RateFacts | undefined) => new Map((f ? bucketContributions(f) : []).map((c) => [bucketKey(c.bucket), c]));
  const bySummary = (f: RateFacts | undefined) => new Map((f ? summaryContributions(f) : []).map((c) => [`${summaryKey(c)}|${c.group}`, c]));
  const [oldB, newB, oldS, newS] = [byBucket(before), byBucket(after), bySummary(before), bySummary(after)];
  const buckets: ChangeDeltas['buckets'] = [];
  for (const key of new Set([...oldB.keys(), ...newB.keys()])) {
    const delta = difference(newB.get(key)?.tally, oldB.get(key)?.tally);
    if (Object.keys(delta).length) buckets.push({ bucket: (newB.get(key) ?? oldB.get(key))!.bucket, delta });
  }
  const summaries: ChangeDeltas['summaries'] = [];
  for (const key of new Set([...oldS.keys(), ...newS.keys()])) {
    const c = (newS.get(key) ?? oldS.get(key))!;
    const delta = difference(newS.get(key)?.tally, oldS.get(key)?.tally);
    if (Object.keys(delta).length) summaries.push({ kind: c.kind, period: c.period, group: c.group, delta });
  }
  return { buckets, summaries };
}

/** Adds a delta to a tally (the in-memory store and the full recompute's accumulator). */
export function applyDelta(t: Tally | undefined, delta: TallyDelta): Tally {
  const out = { ...(t ?? emptyTally()) };
  for (const [key, d] of Object.entries(delta) as [keyof Tally, number][]) out[key] += d;
  return out;
}

export const isEmptyTally = (t: Tally): boolean => Object.values(t).every((v) => v === 0);

/** Whether a group counts the suggestion at all (the drill-down's first test). */
export const countsIn = (f: RateFacts, group: RateGroup): boolean => groupsOf(f).includes(group);
