import { describe, expect, it } from 'vitest';
import type { RatesState } from '../../../shared/ports';
import { whenRatesReady } from '../../../shared/use-cases/rate-report';

const states = (...list: RatesState[]) => {
  let i = 0;
  return { state: async () => list[Math.min(i++, list.length - 1)]! };
};
const noSleep = async () => undefined;

describe('a bulletin waits for the rates', () => {
  it('goes ahead once a full recompute has finished', async () => {
    const rates = states({}, { fullRunning: '2026-12-01T00:00:00Z' }, { lastFull: { at: '2026-12-01T00:00:00Z', changed: 5, ms: 10 } });
    expect(await whenRatesReady(rates, 'o', { timeoutMs: 10_000, pollMs: 1_000, sleep: noSleep })).toBe(true);
  });

  it('waits while a recompute runs, and gives up after its time', async () => {
    const rates = states({ lastFull: { at: '2026-12-01T00:00:00Z', changed: 5, ms: 10 }, fullRunning: '2026-12-01T00:05:00Z' });
    expect(await whenRatesReady(rates, 'o', { timeoutMs: 3_000, pollMs: 1_000, sleep: noSleep })).toBe(false);
  });
});
