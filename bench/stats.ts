/** Small helpers for benchmark figures: percentiles and a fixed-concurrency runner. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (!sortedMs.length) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index]!;
}

export interface RunResult {
  latenciesMs: number[];
  elapsedMs: number;
  errors: number;
}

/** Runs `total` calls of `task` with at most `concurrency` in flight; records each call's latency. */
export async function runConcurrent(total: number, concurrency: number, task: (i: number) => Promise<boolean>): Promise<RunResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const t0 = performance.now();
        const ok = await task(i).catch(() => false);
        latenciesMs.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  latenciesMs.sort((a, b) => a - b);
  return { latenciesMs, elapsedMs: performance.now() - started, errors };
}

export function summary(r: RunResult): { rps: number; p50: number; p99: number } {
  return { rps: (r.latenciesMs.length / r.elapsedMs) * 1000, p50: percentile(r.latenciesMs, 50), p99: percentile(r.latenciesMs, 99) };
}
