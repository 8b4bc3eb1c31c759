/** Demo time: the clock the functions read runs N times faster, and a restart continues it where it stood. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scaledClock } from '../../shared/aws/composition';
import { continuedOrigin, demoClockFile, demoTime, startDemoClock } from '../../infra/local/demo-clock';

const dir = mkdtempSync(path.join(tmpdir(), 'jianyi-demo-clock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const day = 86_400_000;

describe('demo clock', () => {
  it('passes a day per minute at x1440, counted from the start', () => {
    let real = Date.UTC(2026, 10, 2, 9);
    const clock = startDemoClock({ scale: 1440, realNow: () => real });
    expect(clock.origin).toBe(real);
    expect(clock.environment).toEqual({ JIANYI_TIME_SCALE: '1440', JIANYI_CLOCK_ORIGIN: String(real) });
    real += 60_000;
    expect(clock.now().getTime()).toBe(Date.UTC(2026, 10, 3, 9));
    // The functions' clock agrees (shared/aws/composition.ts reads the same two numbers).
    expect(scaledClock(1440, clock.origin, () => real).now().getTime()).toBe(clock.now().getTime());
    clock.stop();
  });

  it('continues the demo time after a restart instead of jumping back to the wall clock', () => {
    let real = Date.UTC(2026, 10, 2, 9);
    const first = startDemoClock({ scale: 1440, dataDir: dir, realNow: () => real });
    real += 5 * 60_000; // five demo days
    first.stop();
    const stoppedAt = first.now().getTime();
    expect(JSON.parse(readFileSync(path.join(dir, demoClockFile), 'utf8')).demoNow).toBe(stoppedAt);

    real += 60 * 60_000; // down for an hour of wall-clock time
    const second = startDemoClock({ scale: 1440, dataDir: dir, realNow: () => real });
    expect(second.continued).toBe(true);
    expect(second.now().getTime()).toBe(stoppedAt);
    real += 60_000;
    expect(second.now().getTime()).toBe(stoppedAt + day);
    second.stop();
  });

  it('starts over when the saved demo time is behind the wall clock, and runs at real speed unscaled', () => {
    let real = Date.UTC(2030, 0, 1);
    const clock = startDemoClock({ scale: 60, dataDir: dir, realNow: () => real });
    expect(clock.continued).toBe(false);
    expect(clock.origin).toBe(real);
    clock.stop();
    const plain = startDemoClock({ scale: 1, realNow: () => real });
    real += 1000;
    expect(plain.now().getTime()).toBe(real);
    plain.stop();
  });

  it('computes the origin that continues a given demo time', () => {
    const origin = continuedOrigin(1440, 5_000_000, 1_000_000);
    expect(demoTime(1440, origin, 1_000_000)).toBeCloseTo(5_000_000, -1);
  });
});
