import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain/errors';
import { applySchedule } from '../../../shared/domain/deadlines/schedule';
import { parseScheduleIcs, summaryKind } from '../../../shared/domain/deadlines/schedule-ics';
import { parseScheduleList } from '../../../shared/domain/deadlines/schedule-list';
import { translate } from '../../../shared/domain/i18n/messages';
import { localiseFields } from '../../../shared/http/errors';

/** The field messages a 400 would carry, in both languages. */
function problem(run: () => unknown): { zh: string; en: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { zh: localiseFields('zh-CN', error.fields!).schedule!, en: localiseFields('en', error.fields!).schedule! };
  }
  throw new Error('no problem found');
}

describe('a schedule pasted as a list', () => {
  it('reads dates with 休 / 班, names, ranges and the usual ways of writing a date', () => {
    const parsed = parseScheduleList(
      ['# 2027 年部分节假日安排', '2027-01-01 休 元旦', '2027/2/6 班 春节调休上班', '2027年2月10日 至 2027年2月12日 休 春节', '', '2027.02.20, 班', '2027-05-01~2027-05-02 holiday Labour Day'].join('\n'),
    );
    expect(parsed).toEqual({
      year: 2027,
      ignored: [],
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-06', kind: 'workday', name: '春节调休上班' },
        { date: '2027-02-10', kind: 'holiday', name: '春节' },
        { date: '2027-02-11', kind: 'holiday', name: '春节' },
        { date: '2027-02-12', kind: 'holiday', name: '春节' },
        { date: '2027-02-20', kind: 'workday' },
        { date: '2027-05-01', kind: 'holiday', name: 'Labour Day' },
        { date: '2027-05-02', kind: 'holiday', name: 'Labour Day' },
      ],
    });
  });

  it('reads two lists under headings, with CRLF line ends', () => {
    const parsed = parseScheduleList('放假：\r\n2027-10-01 国庆节\r\n2027-10-02\r\n调休上班:\r\n2027-09-26\r\n');
    expect(parsed.days).toEqual([
      { date: '2027-09-26', kind: 'workday' },
      { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2027-10-02', kind: 'holiday' },
    ]);
  });

  it('names the line and the rule, in Chinese and English', () => {
    expect(problem(() => parseScheduleList('2027-01-01 休\n2027-01-02 休\n2027-13-01 休'))).toEqual({
      zh: '放假安排：第 3 行的“2027-13-01”不是日期（应为 YYYY-MM-DD，如 2027-01-01）',
      en: 'Schedule: line 3: "2027-13-01" is not a date (use YYYY-MM-DD, e.g. 2027-01-01)',
    });
    expect(problem(() => parseScheduleList('2027-01-01 休\n元旦 休')).en).toBe('Schedule: line 2: "元旦" is not a date (use YYYY-MM-DD, e.g. 2027-01-01)');
    expect(problem(() => parseScheduleList('2027-01-01 元旦')).zh).toBe('放假安排：第 1 行没有写明“休”（放假）还是“班”（调休上班）');
    expect(problem(() => parseScheduleList('2027-02-16 ~ 2027-02-10 休')).en).toBe('Schedule: line 1: the range ends before it starts or is longer than 31 days');
    expect(problem(() => parseScheduleList('2027-01-01 休\n2027-01-02 休\n2028-03-01 休')).en).toBe('Schedule: line 3: 2028-03-01 is outside the schedule for 2027');
    expect(problem(() => parseScheduleList('2027-02-06 班\n2027-02-06 休')).en).toContain('line 2: 2027-02-06 is already listed as the other kind');
    expect(problem(() => parseScheduleList('# nothing\n\n')).zh).toBe(`放假安排：${translate('zh-CN', 'rule.scheduleEmpty')}`);
  });

  it('takes the year most days fall in, keeps the neighbouring December and January, and obeys a year that is named', () => {
    // The 2019 notice: 2018-12-30 to 2019-01-01 off, 2018-12-29 worked.
    const y2019 = parseScheduleList('2018-12-29 班\n2018-12-30 ~ 2019-01-01 休 元旦\n2019-02-04 ~ 2019-02-10 休 春节');
    expect(y2019.year).toBe(2019);
    expect(y2019.days[0]).toEqual({ date: '2018-12-29', kind: 'workday' });
    expect(parseScheduleList('2027-12-31 休', 2028).year).toBe(2028);
    expect(problem(() => parseScheduleList('2027-01-01 休', 2029)).en).toBe('Schedule: line 1: 2027-01-01 is outside the schedule for 2029');
  });
});

const ics = (events: string[], eol = '\r\n') => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//holidays//ZH', ...events, 'END:VCALENDAR', ''].join(eol);

describe('a schedule as an .ics feed', () => {
  it('reads all-day events with an exclusive DTEND, folded lines, escapes and CRLF', () => {
    const text = ics([
      'BEGIN:VEVENT',
      'UID:1@test',
      'SUMMARY:春节',
      ' 假期', // folded: '春节假期'
      'DTSTART;VALUE=DATE:20270205',
      'DTEND;VALUE=DATE:20270208',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:2@test',
      'SUMMARY:上班(补春节假期)',
      'DTSTART;VALUE=DATE:20270131',
      'DTEND;VALUE=DATE:20270201',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:3@test',
      'SUMMARY:元旦\\, 放假',
      'DTSTART;VALUE=DATE:20270101',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:4@test',
      'SUMMARY:立春',
      'DTSTART;VALUE=DATE:20270204',
      'END:VEVENT',
    ]);
    expect(parseScheduleIcs(text)).toEqual({
      year: 2027,
      ignored: ['立春'],
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦, 放假' },
        { date: '2027-01-31', kind: 'workday', name: '上班(补春节假期)' },
        { date: '2027-02-05', kind: 'holiday', name: '春节假期' },
        { date: '2027-02-06', kind: 'holiday', name: '春节假期' },
        { date: '2027-02-07', kind: 'holiday', name: '春节假期' },
      ],
    });
  });

  it('reads LF files folded with a tab, DURATION, date-times in UTC, and an all-day event ending on its own day', () => {
    const text = ics(
      [
        'BEGIN:VEVENT',
        'SUMMARY:国庆节放',
        '\t假',
        'DTSTART;VALUE=DATE:20271001',
        'DURATION:P3D',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'SUMMARY:国庆节调休',
        // 16:00 UTC on 25 September is midnight of the 26th in Beijing.
        'DTSTART:20270925T160000Z',
        'DTEND:20270926T160000Z',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'SUMMARY:休',
        'DTSTART;VALUE=DATE:20271008',
        'DTEND;VALUE=DATE:20271008',
        'END:VEVENT',
      ],
      '\n',
    );
    expect(parseScheduleIcs(text).days).toEqual([
      { date: '2027-09-26', kind: 'workday', name: '国庆节调休' },
      { date: '2027-10-01', kind: 'holiday', name: '国庆节放假' },
      { date: '2027-10-02', kind: 'holiday', name: '国庆节放假' },
      { date: '2027-10-03', kind: 'holiday', name: '国庆节放假' },
      { date: '2027-10-08', kind: 'holiday', name: '休' },
    ]);
  });

  it('tells days off from makeup workdays the way the published feeds write them', () => {
    expect(['春节假期', '春节放假', '休', '春节（休）', 'Spring Festival holiday'].map(summaryKind)).toEqual(['holiday', 'holiday', 'holiday', 'holiday', 'holiday']);
    expect(['上班(补春节假期)', '补班', '班', '春节调休', 'Makeup workday'].map(summaryKind)).toEqual(['workday', 'workday', 'workday', 'workday', 'workday']);
    expect(['立春', '母亲节'].map(summaryKind)).toEqual([undefined, undefined]);
  });

  it('refuses what is not a calendar, and names a bad event', () => {
    expect(problem(() => parseScheduleIcs('2027-01-01 休')).en).toBe('Schedule: not valid iCalendar (.ics) content');
    expect(problem(() => parseScheduleIcs('BEGIN:VEVENT\nSUMMARY:休\nDTSTART;VALUE=DATE:20270101\nEND:VEVENT')).zh).toBe('放假安排：不是有效的 iCalendar（.ics）内容');
    expect(problem(() => parseScheduleIcs(ics(['BEGIN:VEVENT', 'SUMMARY:元旦放假', 'DTSTART;VALUE=DATE:2027xx01', 'END:VEVENT']))).en).toBe(
      'Schedule: event 1 (元旦放假) has no usable start date (DTSTART)',
    );
    expect(problem(() => parseScheduleIcs(ics(['BEGIN:VEVENT', 'SUMMARY:长假', 'DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270401', 'END:VEVENT']))).en).toBe(
      'Schedule: event 1 (长假) ends before it starts or is longer than 31 days',
    );
    expect(problem(() => parseScheduleIcs(ics(['BEGIN:VEVENT', 'SUMMARY:立春', 'DTSTART;VALUE=DATE:20270204', 'END:VEVENT']))).en).toBe('Schedule: no days off or makeup workdays found');
  });
});

describe('saving a schedule over the stored overrides', () => {
  it("replaces the year's overrides and any on the schedule's days, and keeps the others", () => {
    const existing = [
      { date: '2026-12-31', kind: 'holiday' as const, name: '本地' },
      { date: '2027-01-04', kind: 'holiday' as const, name: '旧' },
      { date: '2028-01-01', kind: 'holiday' as const },
    ];
    const schedule = parseScheduleList('2026-12-31 班\n2027-01-01 休 元旦');
    expect(applySchedule(existing, schedule)).toEqual({
      overrides: [
        { date: '2026-12-31', kind: 'workday' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2028-01-01', kind: 'holiday' },
      ],
      replaced: [existing[0], existing[1]],
    });
  });
});
