/**
 * SMS are not sent during quiet hours (22:00–08:00 office time by default); email goes any time. A message due in
 * quiet hours is deferred to the end of them. Office time is +08:00 whatever the server's zone.
 */
import { defaultTimeLimits, type QuietHours } from './time-limits';
import { clockMs, DAY_MS, instantMs, officeMsOfDay } from './office-time';

/**
 * `instant` itself when an SMS may go out then, otherwise the next end of quiet hours (08:00 +08:00 by default).
 * Quiet hours include their start and exclude their end: 22:00:00.000 waits, 08:00:00.000 sends.
 */
export function nextSmsWindow(instant: Date, quiet: QuietHours = defaultTimeLimits.smsQuietHours): Date {
  const t = instantMs(instant);
  const from = clockMs(quiet.from);
  const to = clockMs(quiet.to);
  const now = officeMsOfDay(instant);
  const inQuiet = from < to ? now >= from && now < to : now >= from || now < to;
  if (!inQuiet) return new Date(t);
  const midnight = t - now;
  return new Date(now < to ? midnight + to : midnight + DAY_MS + to);
}
