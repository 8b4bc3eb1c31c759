/**
 * How often the spike detector (shared/domain/topics/spike-detector.ts) cries wolf, and how often it finds a real
 * spike, on seeded synthetic series: 1,000 steady Poisson series (daily means spread from 0.1 to 30 a day, 56 days,
 * the last 28 tested each: 28,000 tests) count the false alarms; 1,000 more get one spike injected on their last
 * day (4× their mean plus 5, drawn as Poisson) and count the spikes found. Reproducible: a fixed seed.
 * `npm run bench:metrics` prints spike_false_alarms_per_1000_series from it; run alone: npx tsx bench/spike-false-alarms.ts
 */
import { dayNumber, dayString } from '../shared/domain/deadlines/office-time';
import { testDay } from '../shared/domain/topics/spike-detector';

/** mulberry32: a small seeded generator, good enough for synthetic counts. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw (Knuth's product method below 30, a rounded normal above: the means here stay small). */
export function poissonSample(random: () => number, lambda: number): number {
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random())));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export interface SpikeFalseAlarms {
  series: number;
  falseAlarms: number;
  perThousandSeries: number;
  spikesInjected: number;
  spikesFound: number;
}

const days = 56;
const first = dayNumber('2026-01-05');

export function measureSpikeFalseAlarms(options: { series?: number; seed?: number } = {}): SpikeFalseAlarms {
  const n = options.series ?? 1000;
  const random = seededRandom(options.seed ?? 20261201);
  // Means spread on a log scale: most topics are small, a few are large.
  const meanOf = () => Math.exp(Math.log(0.1) + random() * (Math.log(30) - Math.log(0.1)));
  let falseAlarms = 0;
  for (let s = 0; s < n; s++) {
    const lambda = meanOf();
    const counts = new Map<string, number>();
    for (let d = 0; d < days; d++) counts.set(dayString(first + d), poissonSample(random, lambda));
    for (let d = 28; d < days; d++) if (testDay(counts, dayString(first + d)).spike) falseAlarms++;
  }
  let spikesFound = 0;
  for (let s = 0; s < n; s++) {
    const lambda = meanOf();
    const counts = new Map<string, number>();
    for (let d = 0; d < days - 1; d++) counts.set(dayString(first + d), poissonSample(random, lambda));
    const last = dayString(first + days - 1);
    counts.set(last, poissonSample(random, 4 * lambda + 5));
    if (testDay(counts, last).spike) spikesFound++;
  }
  return { series: n, falseAlarms, perThousandSeries: (falseAlarms / n) * 1000, spikesInjected: n, spikesFound };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = measureSpikeFalseAlarms();
  console.log(`spike detector on ${m.series} steady series x 28 tested days: ${m.falseAlarms} false alarms; ${m.spikesFound}/${m.spikesInjected} injected spikes found`);
  console.log(`spike_false_alarms_per_1000_series=${m.perThousandSeries}`);
}
