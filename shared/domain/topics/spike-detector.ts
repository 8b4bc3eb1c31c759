/**
 * The spike detector (苗头性意见): does a day's count rise well above what its own series usually brings?
 *
 * Why this test: a topic's daily count is a count of independent submissions, which chance alone makes vary as a
 * Poisson variable around the series' usual level; so the question "could today be chance?" is the one-sided
 * tail P(X >= today | baseline). The baseline is the mean of the 28 days before (four whole weeks, so weekdays and
 * weekends weigh as they do in any week; a missing day counts zero, so a missed run cannot fake a peak). When
 * those 28 days vary more than Poisson allows (topics that come in waves), the tail is a negative binomial's with
 * the same mean and the observed variance, which is wider, so a series that is often bursty is not flagged for
 * being bursty once more. A day is a spike when that tail is below 1 in 1,000 — AND it has at least 5 suggestions
 * AND at least 3 times the baseline: with tiny series (a baseline of 0.1 a day) 2 or 3 suggestions are already
 * improbable, yet nobody should be paged for them; and on large steady series (40 a day) a 25% rise can be
 * "significant" without being the early warning a dispatcher needs. The tail test alone flags too much; the
 * guards alone flag every new word: together they flag what a person would call a spike.
 * A few lines, explainable to the office, no trained model; measured in bench/spike-false-alarms.ts.
 */
import { dayNumber, dayString, type DayString } from '../deadlines/office-time';
import { negativeBinomialUpperTail, poissonUpperTail } from './tail-probability';

export const spikeRule = {
  /** Days before the tested day whose mean is its baseline. */
  baselineDays: 28,
  /** The one-sided tail probability below which a day is improbable. */
  pValue: 0.001,
  /** At least this many suggestions on the day. */
  minCount: 5,
  /** At least this many times the baseline. */
  minRatio: 3,
  /**
   * The baseline never counts below one suggestion in the whole window: a series seen for the first time has a
   * mean of 0, against which any count is infinitely improbable; with the floor it is merely very improbable.
   */
  minBaseline: 1 / 28,
  /** The negative binomial's smallest dispersion r (the widest tail the window's variance may choose). */
  minDispersion: 1,
} as const;

export interface SpikeTest {
  day: DayString;
  count: number;
  /** Mean daily count over the baseline window. */
  baseline: number;
  /** Variance of the daily counts over the window. */
  variance: number;
  /** One-sided tail probability of a count this high or higher. */
  pValue: number;
  /** Which distribution the tail is from. */
  model: 'poisson' | 'negativeBinomial';
  spike: boolean;
}

/** Tests one day of a series given by its counts per day (missing days count zero). */
export function testDay(counts: ReadonlyMap<DayString, number>, day: DayString, rule: typeof spikeRule = spikeRule): SpikeTest {
  const n = dayNumber(day);
  const window = Array.from({ length: rule.baselineDays }, (_, i) => counts.get(dayString(n - rule.baselineDays + i)) ?? 0);
  const mean = window.reduce((a, b) => a + b, 0) / window.length;
  const variance = window.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, window.length - 1);
  const baseline = Math.max(mean, rule.minBaseline);
  const count = counts.get(day) ?? 0;
  const overdispersed = variance > baseline * 1.0001 && mean > 0;
  // The dispersion is read from 28 days, and a sparse series (one earlier day of 3 among zeros) would read as
  // wildly bursty and hide any spike: never wider than a geometric distribution (r = 1, variance = mean + mean²).
  const dispersion = Math.max(rule.minDispersion, (baseline * baseline) / (variance - baseline));
  const pValue = overdispersed ? negativeBinomialUpperTail(count, baseline, dispersion) : poissonUpperTail(count, baseline);
  const spike = count >= rule.minCount && count >= rule.minRatio * mean && pValue < rule.pValue;
  return { day, count, baseline: mean, variance, pValue, model: overdispersed ? 'negativeBinomial' : 'poisson', spike };
}

/** The spikes among the given days of a series. */
export function spikesIn(counts: ReadonlyMap<DayString, number>, days: readonly DayString[], rule: typeof spikeRule = spikeRule): SpikeTest[] {
  return days.map((day) => testDay(counts, day, rule)).filter((t) => t.spike);
}

/** A spike as the barometer (晴雨表) keeps it: the test's figures, and whether dispatchers were told. */
export interface TopicSpike extends Omit<SpikeTest, 'spike'> {
  series: `${'keyword' | 'category' | 'place'}:${string}`;
  /** When the job first found it. */
  detectedAt: string;
  /** When the notice to dispatchers was queued (absent: not yet, or the day was too old to tell anyone). */
  notifiedAt?: string;
  /** The suggestions of the day (the first few). */
  suggestions: { id: string; title: string }[];
}
