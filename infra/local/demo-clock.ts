/**
 * Demo time for `npm start --time-scale=N` (or JIANYI_TIME_SCALE=N): the domain clock runs N times faster than
 * the wall clock, and the workflow's waits are divided by N, so with N = 1440 one day passes per minute and a
 * person can watch reminders, escalations and auto-closes happen.
 *
 * The functions read the clock from JIANYI_TIME_SCALE and JIANYI_CLOCK_ORIGIN (shared/aws/composition.ts):
 *   now = origin + (Date.now() - origin) * scale
 * The origin is the start time on a first run. With a data directory, the demo time is saved (on stop and every
 * few seconds) and the next start picks an origin that continues it from where it stood, rather than jumping back
 * to the wall clock (which would make every deadline seem far away again) or on by the time the stack was down.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const demoClockFile = 'demo-clock.json';

interface SavedDemoClock {
  readonly scale: number;
  readonly origin: number;
  /** The demo time (epoch ms) when saved. */
  readonly demoNow: number;
  readonly savedAt: string;
}

export interface DemoClock {
  readonly scale: number;
  /** Epoch ms: JIANYI_CLOCK_ORIGIN. */
  readonly origin: number;
  /** True when this start continued a saved demo time. */
  readonly continued: boolean;
  now(): Date;
  /** The variables the functions read. */
  readonly environment: { JIANYI_TIME_SCALE: string; JIANYI_CLOCK_ORIGIN: string };
  save(): void;
  stop(): void;
}

/** The origin at which `origin + (realNow - origin) * scale` equals `demoNow`: the demo time goes on from there. */
export function continuedOrigin(scale: number, demoNow: number, realNow: number): number {
  if (!(scale > 1)) return realNow;
  return (realNow * scale - demoNow) / (scale - 1);
}

export function demoTime(scale: number, origin: number, realNow: number): number {
  return scale > 1 ? origin + (realNow - origin) * scale : realNow;
}

function readSaved(file: string): SavedDemoClock | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedDemoClock;
    return Number.isFinite(saved.demoNow) ? saved : undefined;
  } catch {
    return undefined;
  }
}

export function startDemoClock(options: { scale: number; dataDir?: string; realNow?: () => number; saveEveryMs?: number }): DemoClock {
  const realNow = options.realNow ?? Date.now;
  const scale = options.scale > 1 ? options.scale : 1;
  const file = options.dataDir ? path.join(options.dataDir, demoClockFile) : undefined;
  const saved = file ? readSaved(file) : undefined;
  const started = realNow();
  // A saved demo time behind the wall clock (a run at real speed since) is not continued.
  const continued = scale > 1 && saved !== undefined && saved.demoNow > started;
  const origin = continued ? continuedOrigin(scale, saved.demoNow, started) : started;
  const now = () => new Date(demoTime(scale, origin, realNow()));
  const save = (): void => {
    if (!file || scale === 1) return;
    mkdirSync(path.dirname(file), { recursive: true });
    const record: SavedDemoClock = { scale, origin, demoNow: now().getTime(), savedAt: new Date(realNow()).toISOString() };
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  };
  const timer = file && scale > 1 ? setInterval(save, options.saveEveryMs ?? 5_000) : undefined;
  timer?.unref();
  save();
  return {
    scale,
    origin,
    continued,
    now,
    environment: { JIANYI_TIME_SCALE: String(scale), JIANYI_CLOCK_ORIGIN: String(origin) },
    save,
    stop() {
      clearInterval(timer);
      save();
    },
  };
}
