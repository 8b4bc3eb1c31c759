/** Configuration every function may read without any SDK: the clock and the organisation (see composition.ts). */
import type { Clock } from '../ports';
import { optionalEnv } from './env';

/**
 * The clock every handler uses. For demos the local runtime can speed time up: with JIANYI_TIME_SCALE=1440 a
 * day passes per minute, counted from JIANYI_CLOCK_ORIGIN (epoch ms). Unset on AWS: real time.
 */
export function scaledClock(scale: number, originMs: number, realNow: () => number = Date.now): Clock {
  if (!(scale > 1)) return { now: () => new Date(realNow()) };
  return { now: () => new Date(originMs + (realNow() - originMs) * scale) };
}

export const systemClock: Clock = scaledClock(Number(process.env.JIANYI_TIME_SCALE ?? 1), Number(process.env.JIANYI_CLOCK_ORIGIN ?? Date.now()));
export const orgId = () => optionalEnv('ORG_ID', 'demo');
