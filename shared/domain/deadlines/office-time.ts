/**
 * Office time: days and clock times as an office in China sees them.
 *
 * Offices keep China Standard Time (UTC+8, no daylight saving) wherever the server runs: Lambda runs in UTC and a
 * developer laptop may be anywhere. So day boundaries are computed with a fixed +08:00 offset, never with the
 * machine's zone (no `getDate()`, `setHours()`, `toLocaleString()` here).
 *
 * Days travel as 'YYYY-MM-DD' strings (what admins type, what JSON stores) and are stepped internally as day numbers
 * (whole days since 1970-01-01): integers are cheap to compare and increment in the working-day loops.
 */
import { officeOffsetMs } from '../office-day';

/** An office day, 'YYYY-MM-DD' in Asia/Shanghai. */
export type DayString = string;
/** A day given either as its string or as any instant inside it (read in office time). */
export type DayLike = DayString | Date;

export const DAY_MS = 86_400_000;
export { officeOffsetMs };

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The epoch milliseconds of a valid Date; an Invalid Date is a programming error, not a deadline. */
export function instantMs(at: Date): number {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}

/** True for a real calendar date written 'YYYY-MM-DD' (rejects '2026-02-30', '2026-2-3'). */
export function isDayString(value: string): boolean {
  const m = DAY_PATTERN.exec(value);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === value;
}

/** Whole days since 1970-01-01 for a 'YYYY-MM-DD' day. */
export function dayNumber(day: DayString): number {
  if (!isDayString(day)) throw new RangeError(`not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/** The 'YYYY-MM-DD' string of a day number. */
export function dayString(n: number): DayString {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The office day number containing an instant. */
export function officeDayNumberOf(at: Date): number {
  return Math.floor((instantMs(at) + officeOffsetMs) / DAY_MS);
}

/** The office day ('YYYY-MM-DD') containing an instant. */
export function officeDayOf(at: Date): DayString {
  return dayString(officeDayNumberOf(at));
}

/** Day number of a day given as string or instant. */
export function toDayNumber(day: DayLike): number {
  return day instanceof Date ? officeDayNumberOf(day) : dayNumber(day);
}

/** Milliseconds since office midnight of an instant (0 ≤ result < DAY_MS). */
export function officeMsOfDay(at: Date): number {
  const shifted = instantMs(at) + officeOffsetMs;
  return shifted - Math.floor(shifted / DAY_MS) * DAY_MS;
}

/** 00:00:00.000 +08:00 of a day number. */
export function startOfDayNumber(n: number): Date {
  return new Date(n * DAY_MS - officeOffsetMs);
}

/** 23:59:59.999 +08:00 of a day number: the last instant that still belongs to it. */
export function endOfDayNumber(n: number): Date {
  return new Date((n + 1) * DAY_MS - officeOffsetMs - 1);
}

/** 00:00:00.000 +08:00 of a day. */
export function startOfOfficeDay(day: DayLike): Date {
  return startOfDayNumber(toDayNumber(day));
}

/** 23:59:59.999 +08:00 of a day. */
export function endOfOfficeDay(day: DayLike): Date {
  return endOfDayNumber(toDayNumber(day));
}

/** Day of the week in office time, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** The year of a day number (for coverage questions). */
export function yearOfDayNumber(n: number): number {
  return new Date(n * DAY_MS).getUTCFullYear();
}

/** A clock time 'HH:MM' (00:00–23:59) as milliseconds after midnight. */
export function clockMs(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`not an HH:MM clock time: ${JSON.stringify(hhmm)}`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

/** The instant at clock time 'HH:MM' +08:00 on a day number. */
export function atClockOnDayNumber(n: number, hhmm: string): Date {
  return new Date(startOfDayNumber(n).getTime() + clockMs(hhmm));
}

/**
 * When reminders go out on a working day: the office morning. Overdue reminders and the working-time checkpoints
 * all land here, so staff see them when they arrive rather than at midnight.
 */
export const OFFICE_MORNING = '09:00';
