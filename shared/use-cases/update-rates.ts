/**
 * Keeps the rates up to date (scheduled every 5 minutes). A run reads the suggestions changed since its watermark —
 * its cost grows with the changes, not the table — and the open ones whose deadline passed since the last run
 * (they turned overdue without changing). For each:
 *  1. reads its facts now (facts.ts) and the facts it had, and saves the new ones with their bucket memberships;
 *  2. collects the buckets either counts in (a change can move a suggestion out of a day or a department);
 * then recomputes each touched (group, day) bucket from its members, each week, month and year holding a touched
 * day from its days' tallies, and all time from the years; and moves the watermark last.
 * Nothing is ever added blindly: every figure is recomputed from what it sums, under a key that follows from the
 * data, so a run that is retried, overlaps another or comes a day late writes the same figures.
 * The full recompute (an admin's request, the CLI, or the first run) is the same run from the first change, with
 * the buckets written once at the end; it replaces no data before it has the new, so the dashboard never reads an
 * empty store in between.
 */
import { bucketKey, bucketTally, bucketsOf, type Bucket } from '../domain/rates/buckets';
import { rateFacts } from '../domain/rates/facts';
import { allTime, periodOf, periodRange } from '../domain/rates/periods';
import { addTallies, emptyTally } from '../domain/rates/tally';
import type { Clock, RateStore, SuggestionHistory, SupervisionStore } from '../ports';
import { deadlinePolicy } from './org-calendar';

export interface UpdateRatesDeps {
  rates: RateStore;
  supervision: Pick<SupervisionStore, 'calendarOverrides' | 'timeLimits'>;
  clock: Clock;
}

export interface RatesRunReport {
  full: boolean;
  changed: number;
  bucketsRecomputed: number;
  summariesRecomputed: number;
}

const pageSize = 200;

export async function updateRates(deps: UpdateRatesDeps, orgId: string, options: { full?: boolean } = {}): Promise<RatesRunReport> {
  const started = deps.clock.now();
  const state = await deps.rates.state(orgId);
  // A first run (or data kept before the rates existed) is a full one; so is one an admin asked for since the last.
  const full = options.full === true || !state.lastFull || (!!state.fullRequested && state.fullRequested.at > state.lastFull.at);
  const report: RatesRunReport = { full, changed: 0, bucketsRecomputed: 0, summariesRecomputed: 0 };
  const touched = new Map<string, Bucket>();

  const read = async ({ suggestion, timeline }: SuggestionHistory) => {
    const { calendar, limits } = await deadlinePolicy(deps.supervision, orgId, suggestion.campaignId, started.getTime());
    const previous = await deps.rates.facts(orgId, suggestion.id);
    const facts = rateFacts(suggestion, timeline, started, limits, calendar);
    await deps.rates.saveFacts(orgId, facts, previous);
    for (const b of [...(previous ? bucketsOf(previous) : []), ...bucketsOf(facts)]) touched.set(bucketKey(b), b);
    report.changed++;
  };
  const flush = async () => {
    await recompute(deps.rates, orgId, [...touched.values()], report);
    touched.clear();
  };

  let watermark = full ? undefined : state.watermark;
  for (;;) {
    const page = await deps.rates.changedSince(orgId, watermark, pageSize);
    for (const history of page.items) await read(history);
    if (page.watermark) watermark = page.watermark;
    // Only once the page's buckets are written: a run that dies before reads the page again.
    if (!full) {
      await flush();
      if (page.watermark) await deps.rates.saveState(orgId, { watermark: page.watermark });
    }
    if (page.items.length < pageSize) break;
  }
  // Deadlines that passed since the last check (a full run read everything as of now).
  if (!full && state.overdueCheckedAt) {
    for (const history of await deps.rates.dueBetween(orgId, state.overdueCheckedAt, started.toISOString())) await read(history);
    await flush();
  }
  if (full) await flush();
  const finished = deps.clock.now();
  await deps.rates.saveState(orgId, {
    ...(watermark ? { watermark } : {}),
    overdueCheckedAt: started.toISOString(),
    ...(full ? { lastFull: { at: started.toISOString(), changed: report.changed, ms: finished.getTime() - started.getTime() } } : {}),
  });
  return report;
}

/** Each bucket from its members; then each period holding a touched day from its days; all time from its years. */
async function recompute(rates: RateStore, orgId: string, buckets: readonly Bucket[], report: RatesRunReport): Promise<void> {
  if (!buckets.length) return;
  for (const bucket of buckets) {
    await rates.saveTally(orgId, bucket, bucketTally(await rates.members(orgId, bucket), bucket));
    report.bucketsRecomputed++;
  }
  const periods = new Map<string, { group: string; kind: 'week' | 'month' | 'year'; period: string }>();
  for (const { group, day } of buckets) {
    for (const kind of ['week', 'month', 'year'] as const) {
      const period = periodOf(kind, day);
      periods.set(`${group}|${kind}|${period}`, { group, kind, period });
    }
  }
  // Years first: all time is their sum.
  const ordered = [...periods.values()].sort((a, b) => (a.kind === 'year' ? 0 : 1) - (b.kind === 'year' ? 0 : 1));
  for (const { group, kind, period } of ordered) {
    const { from, to } = periodRange(kind, period);
    const days = await rates.tallies(orgId, group, from, to);
    await rates.saveSummary(orgId, kind, period, group, [...days.values()].reduce(addTallies, emptyTally()));
    report.summariesRecomputed++;
  }
  const years = await rates.summaries(orgId, 'year', '0000', '9999');
  for (const group of new Set(buckets.map((b) => b.group))) {
    const total = years.reduce((sum, y) => (y.groups[group] ? addTallies(sum, y.groups[group]) : sum), emptyTally());
    await rates.saveSummary(orgId, 'all', allTime, group, total);
    report.summariesRecomputed++;
  }
}
