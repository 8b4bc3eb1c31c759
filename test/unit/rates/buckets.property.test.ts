/**
 * Kept per (group, day) under keys that follow from the data, the aggregates are the same whether computed in full
 * or kept up to date by recomputing only the buckets a batch of changes touched — in any order, twice, or late.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketKey, bucketTally, bucketsOf, isoWeekOf, periodsOf, rollUp, type Bucket } from '../../../shared/domain/rates/buckets';
import { officeDayOf } from '../../../shared/domain/deadlines/office-time';
import type { RateFacts } from '../../../shared/domain/rates/facts';
import { addTallies, emptyTally, tallyOf, type Tally } from '../../../shared/domain/rates/tally';
import { channels, ratings, resolutions } from '../../../shared/domain/suggestion/suggestion';

const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') }).map((ms) => new Date(ms).toISOString());
const facts = (id: string): fc.Arbitrary<RateFacts> =>
  fc
    .record({
      submittedAt: instant,
      assignAfterHours: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { nil: undefined }),
      leadDepartmentId: fc.option(fc.constantFrom('transport', 'urban', 'health'), { nil: undefined }),
      cohandlerDepartmentIds: fc.subarray(['transport', 'urban', 'health']),
      campaignId: fc.option(fc.constantFrom('c1', 'c2'), { nil: undefined }),
      category: fc.constantFrom('traffic', 'housing', 'environment'),
      channel: fc.constantFrom(...channels),
      signedInTime: fc.boolean(),
      signHours: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
      replyHours: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
      closed: fc.boolean(),
      closedOnTime: fc.boolean(),
      rating: fc.option(fc.constantFrom(...ratings), { nil: undefined }),
      resolution: fc.option(fc.constantFrom(...resolutions), { nil: undefined }),
      unratedClosure: fc.boolean(),
      adopted: fc.boolean(),
      fate: fc.constantFrom('open', 'open', 'open', 'rejected', 'merged'),
      reopened: fc.boolean(),
      overdue: fc.boolean(),
      supports: fc.nat(5),
    })
    .map(({ assignAfterHours, fate, submittedAt, ...f }) => ({
      ...f,
      id,
      orgId: 'demo',
      submittedAt,
      ...(assignAfterHours === undefined ? {} : { assignedAt: new Date(Date.parse(submittedAt) + assignAfterHours * 3_600_000).toISOString() }),
      replied: f.replyHours !== undefined,
      rejected: fate === 'rejected',
      merged: fate === 'merged',
      ...(f.leadDepartmentId ? {} : { leadDepartmentId: undefined }),
    }) as RateFacts);

const ids = Array.from({ length: 12 }, (_, i) => `s${i}`);
const world = fc.tuple(...ids.map((id) => fc.option(facts(id), { nil: undefined, freq: 3 })));

/** The full computation: every suggestion's contribution to every bucket. */
function full(all: readonly RateFacts[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const f of all) {
    for (const b of bucketsOf(f)) out.set(bucketKey(b), bucketTally(all.filter((g) => bucketsOf(g).some((x) => bucketKey(x) === bucketKey(b))), b));
  }
  return out;
}

/**
 * The incremental run: for the suggestions that changed, recompute only the buckets their old and new facts count
 * in, each from its members now (what an index on the bucket gives), and write them under their keys.
 */
function applyChanges(aggregates: Map<string, Tally>, before: ReadonlyMap<string, RateFacts>, now: ReadonlyMap<string, RateFacts>, changed: readonly string[]): Map<string, Tally> {
  const next = new Map(aggregates);
  const touched = new Map<string, Bucket>();
  for (const id of changed) for (const f of [before.get(id), now.get(id)]) if (f) for (const b of bucketsOf(f)) touched.set(bucketKey(b), b);
  const members = [...now.values()];
  for (const [key, bucket] of touched) {
    const inBucket = members.filter((f) => bucketsOf(f).some((b) => bucketKey(b) === key));
    if (inBucket.length) next.set(key, bucketTally(inBucket, bucket));
    else next.delete(key);
  }
  return next;
}

const byId = (list: readonly (RateFacts | undefined)[]) => new Map(list.filter((f): f is RateFacts => !!f).map((f) => [f.id, f]));

describe('rate aggregates per (group, day)', () => {
  it('incremental = full on random histories, whatever the order of the changes and if a batch runs twice', () => {
    fc.assert(
      fc.property(world, world, fc.array(fc.constantFrom(...ids), { maxLength: 12 }), (start, end, order) => {
        const before = byId(start);
        const after = byId(end);
        const changed = ids.filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)));
        // Changes in batches in a random order, the first batch run again at the end (a retried job).
        const shuffled = [...new Set([...order.filter((id) => changed.includes(id)), ...changed])];
        let aggregates = full([...before.values()]);
        const state = new Map(before);
        const batches = [shuffled.slice(0, 4), shuffled.slice(4)];
        for (const batch of [...batches, batches[0]!]) {
          const was = new Map(state);
          for (const id of batch) {
            const f = after.get(id);
            if (f) state.set(id, f);
            else state.delete(id);
          }
          aggregates = applyChanges(aggregates, was, state, batch);
        }
        expect(aggregates).toEqual(full([...after.values()]));
      }),
      { numRuns: 80 },
    );
  });

  it('rolls days up to weeks, months and years: a period is the sum of its days, each suggestion counted once', () => {
    fc.assert(
      fc.property(world, (list) => {
        const all = [...byId(list).values()];
        const days = new Map<string, Tally>();
        for (const [key, tally] of full(all)) if (key.startsWith('org|')) days.set(key.slice('org|'.length), tally);
        for (const kind of ['week', 'month', 'year'] as const) {
          const periods = new Set([...days.keys()].map((day) => periodsOf(day)[kind]));
          for (const period of periods) {
            const inPeriod = (iso: string | undefined) => !!iso && periodsOf(officeDayOf(new Date(iso)))[kind] === period;
            const direct = all.reduce((sum, f) => addTallies(sum, tallyOf(f, { submittedIn: inPeriod(f.submittedAt), assignedIn: inPeriod(f.assignedAt) })), emptyTally());
            expect(rollUp(days, kind, period)).toEqual(direct);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('names ISO weeks as the standard does', () => {
    expect(isoWeekOf('2026-12-01')).toBe('2026-W49');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53'); // a Friday: still 2026's last week
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01'); // a Monday
  });
});
