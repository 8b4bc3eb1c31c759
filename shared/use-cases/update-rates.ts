/**
 * Keeps the rates up to date (scheduled every 5 minutes). A run reads the suggestions changed since its watermark,
 * and the open ones whose deadline passed since the last run (they turned overdue without changing): its cost grows
 * with the changes, not with the table. For each, it computes the facts now (facts.ts) and, when they differ from
 * the facts kept, moves the figures by exactly the difference of the two (contributions.ts) in the same write that
 * keeps the new facts — and only if the kept facts are still those it read. So nothing is added blindly: a run that
 * is retried, overlaps another or comes a day late finds the kept facts already equal to the new ones and adds
 * nothing, and a missed day is counted on its own day when the run comes.
 * The full recompute (an admin's request, the CLI, or the first run on a data folder) counts every suggestion from
 * nothing, in memory, and writes every figure outright; scheduled runs wait while it runs.
 */
import { bucketKey, bucketsOf, type Bucket } from '../domain/rates/buckets';
import { bucketContributions, changeDeltas, isEmptyTally } from '../domain/rates/contributions';
import { rateFacts, type RateFacts } from '../domain/rates/facts';
import { allTime, periodOf, summaryKinds, type SummaryKind } from '../domain/rates/periods';
import { addTallies, emptyTally, type Tally } from '../domain/rates/tally';
import { StaleFactsError, type Clock, type KeptFacts, type RateStore, type SuggestionHistory, type SupervisionStore } from '../ports';
import { inParallel } from './in-parallel';
import { deadlinePolicy } from './org-calendar';

export interface UpdateRatesDeps {
  rates: RateStore;
  supervision: Pick<SupervisionStore, 'calendarOverrides' | 'timeLimits'>;
  clock: Clock;
}

export interface RatesRunReport {
  full: boolean;
  /** Suggestions read. */
  changed: number;
  /** Of those, the ones whose figures moved. */
  counted: number;
  /** Runs skipped because a full recompute was under way. */
  skipped?: boolean;
}

const pageSize = 200;
/** A full recompute that has not finished in this long is taken to have died. */
const fullLeaseMs = 15 * 60_000;
const attempts = 3;
/**
 * Requests a full recompute keeps in flight: independent items, so DynamoDB takes them side by side — but few
 * enough that a busy database (a fresh demo's first minute) still accepts each connection within the SDK's timeout.
 */
const writers = 8;

const sameFacts = (a: RateFacts | undefined, b: RateFacts) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

export async function updateRates(deps: UpdateRatesDeps, orgId: string, options: { full?: boolean } = {}): Promise<RatesRunReport> {
  const started = deps.clock.now();
  const state = await deps.rates.state(orgId);
  // A first run (or data kept before the rates existed) is a full one; so is one an admin asked for since the last.
  const full = options.full === true || !state.lastFull || (!!state.fullRequested && state.fullRequested.at > state.lastFull.at);
  if (!full && state.fullRunning && started.getTime() - Date.parse(state.fullRunning) < fullLeaseMs) {
    return { full, changed: 0, counted: 0, skipped: true };
  }
  const factsOf = async ({ suggestion, timeline }: SuggestionHistory) => {
    const { calendar, limits } = await deadlinePolicy(deps.supervision, orgId, suggestion.campaignId, started.getTime());
    return rateFacts(suggestion, timeline, started, limits, calendar);
  };
  return full ? fullRecompute(deps, orgId, started, factsOf) : incremental(deps, orgId, state, started, factsOf);
}

async function incremental(
  deps: UpdateRatesDeps,
  orgId: string,
  state: Awaited<ReturnType<RateStore['state']>>,
  started: Date,
  factsOf: (h: SuggestionHistory) => Promise<RateFacts>,
): Promise<RatesRunReport> {
  const report: RatesRunReport = { full: false, changed: 0, counted: 0 };
  const count = async (history: SuggestionHistory) => {
    report.changed++;
    const next = await factsOf(history);
    for (let attempt = 1; ; attempt++) {
      const previous = await deps.rates.facts(orgId, next.id);
      if (sameFacts(previous?.facts, next)) return;
      try {
        await deps.rates.applyChange(orgId, next, previous, changeDeltas(previous?.facts, next));
        report.counted++;
        return;
      } catch (error) {
        // Another run counted a change of it meanwhile: count ours on top of theirs.
        if (!(error instanceof StaleFactsError) || attempt >= attempts) throw error;
      }
    }
  };
  let watermark = state.watermark;
  for (let first = true; ; first = false) {
    const page = await deps.rates.changedSince(orgId, watermark, pageSize, first);
    for (const history of page.items) await count(history);
    // Only once the page is counted: a run that dies before reads the page again (and finds it counted).
    if (page.watermark) {
      watermark = page.watermark;
      await deps.rates.saveState(orgId, { watermark });
    }
    if (page.items.length < pageSize) break;
  }
  if (state.overdueCheckedAt) {
    for (const history of await deps.rates.dueBetween(orgId, state.overdueCheckedAt, started.toISOString())) await count(history);
  }
  await deps.rates.saveState(orgId, { overdueCheckedAt: started.toISOString() });
  return report;
}

async function fullRecompute(deps: UpdateRatesDeps, orgId: string, started: Date, factsOf: (h: SuggestionHistory) => Promise<RateFacts>): Promise<RatesRunReport> {
  await deps.rates.saveState(orgId, { fullRunning: started.toISOString() });
  const report: RatesRunReport = { full: true, changed: 0, counted: 0 };
  const tallies = new Map<string, { bucket: Bucket; tally: Tally }>();
  const stale = new Map<string, Bucket>();
  // A suggestion changed during the run comes again later in the index: counted once, with its latest facts.
  const counted = new Map<string, RateFacts>();
  const add = (f: RateFacts, sign: 1 | -1) => {
    for (const { bucket, tally } of bucketContributions(f)) {
      const key = bucketKey(bucket);
      const scaled = sign === 1 ? tally : (Object.fromEntries(Object.entries(tally).map(([k, v]) => [k, -v])) as unknown as Tally);
      const current = tallies.get(key);
      tallies.set(key, { bucket, tally: current ? addTallies(current.tally, scaled) : scaled });
    }
  };
  let watermark: string | undefined;
  for (;;) {
    const page = await deps.rates.changedSince(orgId, watermark, pageSize);
    // The page's reads and writes in parallel (each suggestion's own items); the counting itself is in memory.
    const read: Array<{ next: RateFacts; previous: KeptFacts | undefined }> = [];
    await inParallel(page.items, writers, async (history) => {
      const next = await factsOf(history);
      read.push({ next, previous: await deps.rates.facts(orgId, next.id) });
    });
    // In the page's order, so a suggestion read twice (it changed during the run) keeps its latest facts.
    const order = new Map(page.items.map((h, i) => [h.suggestion.id, i]));
    read.sort((a, b) => order.get(a.next.id)! - order.get(b.next.id)!);
    for (const { next, previous } of read) {
      report.changed++;
      const before = counted.get(next.id);
      if (before) add(before, -1);
      else for (const b of previous ? bucketsOf(previous.facts) : []) stale.set(bucketKey(b), b);
      add(next, 1);
      counted.set(next.id, next);
    }
    await inParallel(read.filter(({ next, previous }) => !sameFacts(previous?.facts, next)), writers, ({ next, previous }) => deps.rates.resetFacts(orgId, next, previous));
    if (page.watermark) watermark = page.watermark;
    if (page.items.length < pageSize) break;
  }
  report.counted = counted.size;
  // Every bucket outright; the ones only the old facts counted in, emptied.
  const outright = [...tallies.values(), ...[...stale].filter(([key]) => !tallies.has(key)).map(([, bucket]) => ({ bucket, tally: emptyTally() }))];
  const chunks: Array<typeof outright> = [];
  for (let i = 0; i < outright.length; i += 100) chunks.push(outright.slice(i, i + 100));
  await inParallel(chunks, writers, (chunk) => deps.rates.putTallies(orgId, chunk));
  // Every period from its days.
  const periods = new Map<string, { kind: SummaryKind; period: string; groups: Record<string, Tally> }>();
  const stalePeriods = new Map<string, { kind: SummaryKind; period: string }>();
  for (const { bucket, tally } of [...tallies.values(), ...[...stale.values()].map((bucket) => ({ bucket, tally: undefined }))]) {
    for (const kind of summaryKinds) {
      const period = kind === 'all' ? allTime : periodOf(kind, bucket.day);
      const key = `${kind}|${period}`;
      if (!tally || isEmptyTally(tally)) {
        stalePeriods.set(key, { kind, period });
        continue;
      }
      const entry = periods.get(key) ?? { kind, period, groups: {} };
      entry.groups[bucket.group] = entry.groups[bucket.group] ? addTallies(entry.groups[bucket.group]!, tally) : tally;
      periods.set(key, entry);
    }
  }
  await inParallel(periods.values(), writers, ({ kind, period, groups }) => deps.rates.putSummary(orgId, kind, period, groups));
  await inParallel([...stalePeriods].filter(([key]) => !periods.has(key)), writers, ([, { kind, period }]) => deps.rates.putSummary(orgId, kind, period, {}));
  const finished = deps.clock.now();
  await deps.rates.saveState(orgId, {
    ...(watermark ? { watermark } : {}),
    overdueCheckedAt: started.toISOString(),
    lastFull: { at: started.toISOString(), changed: report.changed, ms: finished.getTime() - started.getTime() },
    fullRunning: undefined,
  });
  return report;
}
