/**
 * Keeps the rates up to date (scheduled; the full recompute is the same run from nothing). A run reads the
 * suggestions changed since the watermark — its cost grows with the changes, not the table — and for each:
 *  1. reads its facts now (rate-facts.ts) and the facts it had, and saves the new ones with their buckets;
 *  2. collects the buckets either counts in (a change can move a suggestion out of a day or a department);
 * then recomputes each touched bucket from its members and writes it under its key, and moves the watermark last.
 * A run that is retried, overlaps another or comes a day late recomputes the same buckets from the same members:
 * the figures are the same, and nothing is ever added blindly.
 */
import { bucketKey, bucketTally, bucketsOf, type Bucket } from '../domain/rates/buckets';
import { rateFacts } from '../domain/rates/facts';
import type { Clock, RateStore, SupervisionStore } from '../ports';
import { deadlinePolicy } from './org-calendar';

export interface UpdateRatesDeps {
  rates: RateStore;
  supervision: Pick<SupervisionStore, 'calendarOverrides' | 'timeLimits'>;
  clock: Clock;
}

export interface RatesRunReport {
  changed: number;
  bucketsRecomputed: number;
}

const pageSize = 200;

export async function updateRates(deps: UpdateRatesDeps, orgId: string, options: { full?: boolean } = {}): Promise<RatesRunReport> {
  if (options.full) await deps.rates.clear(orgId);
  let watermark = options.full ? undefined : await deps.rates.watermark(orgId);
  const now = deps.clock.now();
  const report: RatesRunReport = { changed: 0, bucketsRecomputed: 0 };
  for (;;) {
    const page = await deps.rates.changedSince(orgId, watermark, pageSize);
    const touched = new Map<string, Bucket>();
    for (const { suggestion, timeline } of page.items) {
      const { calendar, limits } = await deadlinePolicy(deps.supervision, orgId, suggestion.campaignId, now.getTime());
      const previous = await deps.rates.facts(orgId, suggestion.id);
      const facts = rateFacts(suggestion, timeline, now, limits, calendar);
      await deps.rates.saveFacts(orgId, facts, previous);
      for (const b of [...(previous ? bucketsOf(previous) : []), ...bucketsOf(facts)]) touched.set(bucketKey(b), b);
      report.changed++;
    }
    for (const bucket of touched.values()) {
      await deps.rates.saveTally(orgId, bucket, bucketTally(await deps.rates.members(orgId, bucket), bucket));
      report.bucketsRecomputed++;
    }
    // Only once the page's buckets are written: a run that dies before reads the page again.
    if (page.watermark) {
      watermark = page.watermark;
      await deps.rates.saveWatermark(orgId, watermark);
    }
    if (page.items.length < pageSize) return report;
  }
}
