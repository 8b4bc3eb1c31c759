/**
 * The official State Council holiday schedule (放假 and 调休 makeup workdays) as shipped by chinese-days@1.5.7.
 *
 * Why the package's JSON snapshot and not its functions (isWorkday, getDayDetail, …): the functions build their
 * tables at import time by parsing 'YYYY-M-D' as UTC midnight and then reading the machine's local date. In a zone
 * west of UTC every entry shifts back one day (on a New York laptop 2026-10-07 reads as a workday and 2026-09-20 as
 * a rest day). The snapshot `dist/chinese-days.json` is the same table already written out as 'YYYY-MM-DD' keys,
 * so it is independent of the machine's zone. A unit test checks that the snapshot agrees with the functions for
 * every day the package knows when the tests run in UTC or east of it.
 *
 * Coverage verified for 1.5.7: years 2004–2026; nothing for 2027 (2027-01-01 reads as an ordinary Friday).
 */
import snapshot from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { dayNumber, yearOfDayNumber } from './office-time';

interface Snapshot {
  /** Rest days declared by the State Council, value 'English name,中文名,days added'. */
  holidays: Record<string, string>;
  /** Makeup workdays (调休上班) that fall on weekends. */
  workdays: Record<string, string>;
  /** Rest days that are paid back by a makeup workday (调休日). */
  inLieuDays: Record<string, string>;
}

export interface OfficialDay {
  working: boolean;
  /** Chinese name of the holiday the day belongs to, e.g. '国庆节'. */
  name: string;
  /** English name, e.g. 'National Day'. */
  nameEn: string;
  /** A rest day paid back by a makeup workday. */
  inLieu: boolean;
}

const data = snapshot as unknown as Snapshot;

/** 'National Day,国庆节,3' → names; the trailing number (extra days granted) is not needed here. */
function names(value: string): { name: string; nameEn: string } {
  const parts = value.split(',');
  return { name: parts.at(-2) ?? value, nameEn: parts.slice(0, -2).join(',') || value };
}

const byDay = new Map<number, OfficialDay>();
for (const [day, value] of Object.entries(data.holidays)) {
  byDay.set(dayNumber(day), { working: false, ...names(value), inLieu: day in data.inLieuDays });
}
for (const [day, value] of Object.entries(data.workdays)) {
  byDay.set(dayNumber(day), { working: true, ...names(value), inLieu: false });
}

/** Years for which the package carries the official schedule (every published year declares holidays). */
export const officialYears: ReadonlySet<number> = new Set(
  Object.keys(data.holidays).map((day) => yearOfDayNumber(dayNumber(day))),
);

/** The official entry for a day, or undefined when the day follows the ordinary Monday–Friday rule. */
export function officialDay(n: number): OfficialDay | undefined {
  return byDay.get(n);
}
