/**
 * A campaign's window as the office reads and types it: Beijing time (UTC+8, no daylight saving), whatever the
 * device's own time zone. A `datetime-local` input holds a wall-clock time without a zone; these read it as
 * Beijing time and write it back from an instant, so an organizer abroad still opens the campaign at 09:00 in
 * Beijing.
 */
const offsetMs = 8 * 3600_000;
const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** '2026-12-01T09:00' (Beijing) -> '2026-12-01T09:00:00+08:00'; undefined when it is not a real time. */
export function beijingInputToIso(value: string): string | undefined {
  const match = localPattern.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '00'] = match;
  const at = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // Date.UTC rolls 2026-02-30 over into March: such a date was never typed by a picker, and is refused.
  const back = new Date(at);
  if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) return undefined;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}+08:00`;
}

/** Any ISO instant -> the Beijing wall-clock time a `datetime-local` input shows ('2026-12-01T09:00'); '' if none. */
export function isoToBeijingInput(iso: string | undefined): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  return new Date(at + offsetMs).toISOString().slice(0, 16);
}

/** The Beijing calendar day of an instant ('2026-12-01'), as the figures' byDay keys are. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + offsetMs).toISOString().slice(0, 10);
}

/** Every day from `from` to `to` inclusive (YYYY-MM-DD), so a chart's gaps show as zeros rather than vanish. */
export function daysBetween(from: string, to: string, maxDays = 400): string[] {
  const days: string[] = [];
  let at = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(at) || Number.isNaN(end)) return days;
  while (at <= end && days.length < maxDays) {
    days.push(new Date(at).toISOString().slice(0, 10));
    at += 86_400_000;
  }
  return days;
}
