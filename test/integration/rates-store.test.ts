/**
 * The rates job's store on DynamoDB Local: over the seeded demo history, the kept tallies equal a full computation
 * of the same histories in memory; a second run changes nothing; an action moves exactly its buckets, and the
 * result still equals a full recompute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRateStore } from '../../shared/aws/dynamo-rate-store';
import { DynamoSuggestionStore } from '../../shared/aws/dynamo-suggestion-store';
import { officeDayOf } from '../../shared/domain/deadlines/office-time';
import type { Tally } from '../../shared/domain/rates/tally';
import { MemoryRateStore } from '../../shared/memory/memory-rate-store';
import { summaryKinds } from '../../shared/domain/rates/periods';
import type { RateSummary } from '../../shared/ports';
import { openStatuses } from '../../shared/domain/suggestion/suggestion';
import { systemClock } from '../../shared/aws/composition';
import { updateRates, type UpdateRatesDeps } from '../../shared/use-cases/update-rates';
import { startTestStack, submitForScreening, type TestStack } from './harness';

let t: TestStack;
let store: DynamoRateStore;
let deps: UpdateRatesDeps;
const supervision = { calendarOverrides: async () => [], timeLimits: async () => ({}) };

beforeAll(async () => {
  t = await startTestStack();
  await t.settle();
  store = new DynamoRateStore(t.stack.documents, t.stack.tableName, new DynamoSuggestionStore(t.stack.documents, t.stack.tableName));
  deps = { rates: store, supervision, clock: systemClock };
}, 120_000);
afterAll(async () => t?.stop());

/** The same histories, computed in full in memory. */
let memorySummaries = new Map<string, RateSummary>();
async function inMemory(): Promise<Map<string, Tally>> {
  const memory = new MemoryRateStore();
  const { items } = await store.changedSince('demo', undefined, 10_000);
  for (const history of items) memory.record(history);
  await updateRates({ rates: memory, supervision, clock: systemClock }, 'demo');
  memorySummaries = memory.summarySnapshot();
  return memory.snapshot();
}

/** Every summary DynamoDB keeps, as the memory store's snapshot spells them. */
async function keptSummaries(): Promise<Map<string, RateSummary>> {
  const out = new Map<string, RateSummary>();
  for (const kind of summaryKinds) for (const s of await store.summaries('demo', kind, kind === 'all' ? 'all' : '0000', kind === 'all' ? 'all' : '9999')) out.set(`${kind}|${s.period}`, s);
  return out;
}

/** What DynamoDB keeps, for the buckets the memory computation has. */
async function kept(buckets: Iterable<string>): Promise<Map<string, Tally>> {
  const groups = new Set([...buckets].map((key) => key.split('|')[0]!));
  const out = new Map<string, Tally>();
  for (const group of groups) for (const [day, tally] of await store.tallies('demo', group, '0000', '9999')) out.set(`${group}|${day}`, tally);
  return out;
}

describe('the rates on DynamoDB', () => {
  it('keeps per (group, day) what a full computation of the same histories gives, and a second run changes nothing', async () => {
    const report = await updateRates(deps, 'demo');
    expect(report.changed).toBeGreaterThan(20);
    const expected = await inMemory();
    expect(await kept(expected.keys())).toEqual(expected);
    expect(await keptSummaries()).toEqual(memorySummaries);
    expect(memorySummaries.get('all|all')?.groups.org?.submitted).toBe(report.changed);
    await updateRates(deps, 'demo');
    expect(await kept(expected.keys())).toEqual(expected);
    expect(await keptSummaries()).toEqual(memorySummaries);
  }, 120_000);

  it('moves exactly the buckets an assignment touches, and still equals the full recompute', async () => {
    const dispatcher = await t.token('dispatcher');
    const { id } = await submitForScreening(t, dispatcher);
    const today = officeDayOf(new Date());
    const before = (await store.tallies('demo', 'department:transport', today, today)).get(today)?.assigned ?? 0;
    const r = await t.api(`/api/staff/suggestions/${id}/screen`, {
      method: 'POST',
      token: dispatcher,
      json: { decision: 'assign', category: 'traffic', tier: 'deadline', leadDepartmentId: 'transport' },
    });
    expect(r.status).toBe(200);
    // Two runs at once (an overlap): each change is counted once, whichever run gets to it.
    const [a, b] = await Promise.all([updateRates(deps, 'demo'), updateRates(deps, 'demo')]);
    expect(a.changed + b.changed).toBeLessThan(20);
    expect(a.counted + b.counted).toBeGreaterThanOrEqual(1);
    expect((await store.tallies('demo', 'department:transport', today, today)).get(today)?.assigned).toBe(before + 1);
    const expected = await inMemory();
    expect(await kept(expected.keys())).toEqual(expected);
    expect(await keptSummaries()).toEqual(memorySummaries);
    // The full recompute agrees too.
    await updateRates(deps, 'demo', { full: true });
    expect(await kept(expected.keys())).toEqual(expected);
    expect(await keptSummaries()).toEqual(memorySummaries);
    expect((await store.state('demo')).lastFull).toMatchObject({ changed: expect.any(Number) });
  }, 120_000);

  it('re-reads the open suggestions whose deadline passed since the last run', async () => {
    const { items } = await store.changedSince('demo', undefined, 10_000);
    const open = items.map((h) => h.suggestion).filter((s) => openStatuses.includes(s.status));
    expect(open.length).toBeGreaterThan(0);
    const due = open.map((s) => s.dueAt).sort();
    const found = await store.dueBetween('demo', '0000', due.at(-1)!);
    expect(found.map((h) => h.suggestion.id).sort()).toEqual(open.map((s) => s.id).sort());
    expect(await store.dueBetween('demo', due.at(-1)!, '9999')).toEqual([]);
  }, 120_000);
});
