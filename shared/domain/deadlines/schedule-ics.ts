/**
 * A holiday schedule as an iCalendar (.ics) feed — the form the Chinese holiday calendars are published in (e.g.
 * holiday-cn's '春节假期' / '上班(补春节假期)', the '春节放假' / '春节调休' pairs of other feeds, Apple's '休' / '班').
 * ical.js (RFC 5545) reads the file: line unfolding (CRLF or LF, space or tab), escapes, parameters such as
 * DTSTART;VALUE=DATE. Here each VEVENT becomes days: DTSTART up to DTEND exclusive (or DTSTART + DURATION, or the
 * one day), and SUMMARY says whether they are days off or makeup workdays; events that are neither (solar terms,
 * observances) are listed as ignored. RRULE is not expanded: the published schedules list every day.
 */
import ICAL from 'ical.js';
import type { OverrideKind } from './calendar';
import { dayNumber, dayString, officeDayOf } from './office-time';
import { daysFrom, finishSchedule, scheduleError, type ParsedSchedule, type SourcedDay } from './schedule';

/** What a SUMMARY says the day is. Order matters: '上班(补春节假期)' names a holiday, yet is a workday. */
export function summaryKind(summary: string): OverrideKind | undefined {
  if (/班/.test(summary)) return 'workday'; // 上班, 补班, 调休上班, 班
  if (/假/.test(summary)) return 'holiday'; // 放假, 假期, 休假
  if (/调休/.test(summary)) return 'workday'; // '春节调休' beside '春节放假'
  if (/休/.test(summary)) return 'holiday'; // '休', '春节（休）'
  if (/make-?up|working day|workday|business day/i.test(summary)) return 'workday';
  if (/holiday|day off|days off|vacation/i.test(summary)) return 'holiday';
  return undefined;
}

/**
 * The office day (+08:00) of an iCalendar time. A date, a floating time or one with a TZID is taken as written (the
 * feeds are in Asia/Shanghai); a UTC time is converted.
 */
function officeDay(time: ICAL.Time): string {
  const written = `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
  if (time.isDate || time.zone?.tzid !== 'UTC') return written;
  return officeDayOf(new Date(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second)));
}

/** The last day an event covers: the day before a date DTEND (exclusive), the day holding the second before a time. */
function lastDay(start: ICAL.Time, end: ICAL.Time): string {
  if (end.isDate) return dayString(dayNumber(officeDay(end)) - 1);
  const before = end.clone();
  before.adjust(0, 0, 0, -1);
  return officeDay(before) < officeDay(start) ? officeDay(start) : officeDay(before);
}

function components(text: string): ICAL.Component[] {
  try {
    const parsed = ICAL.parse(text.replace(/^\uFEFF/, '')) as unknown[];
    const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[][];
    return list.map((jcal) => new ICAL.Component(jcal as never));
  } catch {
    throw scheduleError({ rule: 'icsFormat' });
  }
}

export function parseScheduleIcs(text: string, year?: number): ParsedSchedule {
  const calendars = components(text);
  if (!calendars.some((c) => c.name === 'vcalendar')) throw scheduleError({ rule: 'icsFormat' });
  const events = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  const days: SourcedDay[] = [];
  const ignored: string[] = [];
  events.forEach((event, index) => {
    const number = index + 1;
    const summary = String(event.getFirstPropertyValue('summary') ?? '').trim();
    const kind = summaryKind(summary);
    if (!kind) {
      ignored.push(summary || `#${number}`);
      return;
    }
    let first: string;
    let last: string;
    try {
      const start = event.getFirstPropertyValue('dtstart') as ICAL.Time | null;
      if (!start || typeof start !== 'object') throw new Error('no DTSTART');
      const end = event.getFirstPropertyValue('dtend') as ICAL.Time | null;
      const duration = event.getFirstPropertyValue('duration') as ICAL.Duration | null;
      first = officeDay(start);
      if (end) last = lastDay(start, end);
      else if (duration) {
        const until = start.clone();
        until.addDuration(duration);
        last = lastDay(start, until);
      } else last = first;
    } catch {
      throw scheduleError({ rule: 'icsEventDate', params: { event: number, summary: summary.slice(0, 30) } });
    }
    // Some feeds end an all-day event on its own start day; it still covers that day.
    if (dayNumber(last) < dayNumber(first)) last = first;
    const span = daysFrom(first, last);
    if (!span) throw scheduleError({ rule: 'icsEventRange', params: { event: number, summary: summary.slice(0, 30) } });
    for (const date of span) days.push({ date, kind, ...(summary ? { name: summary } : {}), source: { event: number } });
  });
  return finishSchedule(days, ignored, year);
}
