/**
 * A bulletin (通报): the rates per department and the ranking of one organisation for one ISO week or month, as
 * a printable page and a workbook, kept so that a re-download is the same file. Its key follows from the data
 * (organisation, kind, period): generating a period that exists replaces nothing; a regeneration on demand is a
 * new revision (audited), and earlier revisions stay.
 */
import { ValidationError } from '../errors';
import { isoWeekOf } from '../rates/buckets';
import { officeDay } from '../office-day';

export const bulletinKinds = ['week', 'month'] as const;
export type BulletinKind = (typeof bulletinKinds)[number];
export const bulletinFormats = ['html', 'xlsx'] as const;
export type BulletinFormat = (typeof bulletinFormats)[number];

export interface BulletinRecord {
  orgId: string;
  kind: BulletinKind;
  /** 2026-W48 or 2026-11. */
  period: string;
  /** 1 for the scheduled (or first) one; each regeneration on demand adds one. */
  revision: number;
  generatedAt: string;
  /** 'schedule', or the username who asked. */
  generatedBy: string;
  from: string;
  to: string;
  /** Where each format's file is kept (FileStore keys). */
  files: Record<BulletinFormat, string>;
  /** The figures as generated (the rate report), so what the files say can be shown and checked again. */
  figures: unknown;
}

/** The bulletin's id in URLs and notifications: week-2026-W48-r1. */
export function bulletinId(b: Pick<BulletinRecord, 'kind' | 'period' | 'revision'>): string {
  return `${b.kind}-${b.period}-r${b.revision}`;
}

export function parseBulletinId(id: string): { kind: BulletinKind; period: string; revision: number } | undefined {
  const match = /^(week|month)-(\d{4}-W\d{2}|\d{4}-\d{2})-r(\d{1,4})$/.exec(id);
  if (!match || !isPeriod(match[1] as BulletinKind, match[2]!)) return undefined;
  return { kind: match[1] as BulletinKind, period: match[2]!, revision: Number(match[3]) };
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
const dayString = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

export function isPeriod(kind: BulletinKind, period: string): boolean {
  if (kind === 'month') return /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const match = /^(\d{4})-W(\d{2})$/.exec(period);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= 53 && isoWeekOf(periodDays('week', period).from) === period;
}

/** The first and last office day of a period (inclusive). */
export function periodDays(kind: BulletinKind, period: string): { from: string; to: string } {
  if (kind === 'month') {
    const [year, month] = period.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    return { from: `${period}-01`, to: last };
  }
  const [year, week] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  // ISO week 1 holds 4 January; its Monday starts the year's weeks.
  const jan4 = dayNumber(`${year}-01-04`);
  const monday = jan4 - (((jan4 + 3) % 7) + 7) % 7 + (week - 1) * 7;
  return { from: dayString(monday), to: dayString(monday + 6) };
}

/** The period the schedule reports on at `now`: the previous ISO week, or the previous month (office time). */
export function previousPeriod(kind: BulletinKind, now: Date): string {
  const today = officeDay(now);
  if (kind === 'week') return isoWeekOf(dayString(dayNumber(today) - 7));
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The file name a format downloads under: 通报-周-2026-W48-第1版.html */
export function bulletinFileName(b: Pick<BulletinRecord, 'kind' | 'period' | 'revision'>, format: BulletinFormat, locale: 'zh-CN' | 'en'): string {
  return locale === 'en'
    ? `bulletin-${b.kind}-${b.period}-r${b.revision}.${format}`
    : `通报-${b.kind === 'week' ? '周' : '月'}-${b.period}-第${b.revision}版.${format}`;
}

export const bulletinContentTypes: Record<BulletinFormat, string> = {
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A bulletin is made only of a period that has ended (office time): its last day is before today. */
export function checkBulletinPeriod(kind: BulletinKind, period: string, now: Date): void {
  if (!isPeriod(kind, period)) throw new ValidationError({ period: { rule: 'bulletinPeriod' } });
  if (periodDays(kind, period).to >= officeDay(now)) throw new ValidationError({ period: { rule: 'bulletinFuture' } });
}
