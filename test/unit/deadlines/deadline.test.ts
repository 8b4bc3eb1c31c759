import { describe, expect, it } from 'vitest';
import {
  calendarDays,
  checkpoints,
  createWorkingCalendar,
  defaultTimeLimits,
  dueAt,
  nextSmsWindow,
  overdueReminderTimes,
  pauseAdjusted,
  progressNoteTimes,
  workingDays,
} from '../../../shared/domain/deadlines';

const cal = createWorkingCalendar();
const at = (iso: string) => new Date(iso);
/** An instant written in office time, for readable expectations. */
const cst = (local: string) => new Date(`${local}+08:00`);
const eod = (day: string) => cst(`${day}T23:59:59.999`);

describe('dueAt', () => {
  it('1 working day submitted Monday 10:00 is due Tuesday end of day', () => {
    expect(dueAt(cst('2026-03-02T10:00'), workingDays(1), cal)).toEqual(eod('2026-03-03'));
  });

  it('a Saturday submission counts from Monday', () => {
    expect(dueAt(cst('2026-03-07T10:00'), workingDays(1), cal)).toEqual(eod('2026-03-09'));
  });

  it('uses the office day, not the UTC day: 2026-03-06 23:30 +08:00 is a Friday', () => {
    expect(dueAt(at('2026-03-06T15:30:00Z'), workingDays(1), cal)).toEqual(eod('2026-03-09'));
    // 2026-03-07 00:30 +08:00 is already Saturday (still Friday in UTC).
    expect(dueAt(at('2026-03-06T16:30:00Z'), workingDays(1), cal)).toEqual(eod('2026-03-09'));
    expect(dueAt(at('2026-03-05T16:30:00Z'), workingDays(1), cal)).toEqual(eod('2026-03-09')); // Fri 00:30 → Mon
  });

  it('National Day 2026: immediate tier from Sep 30 runs over the holiday and ends on makeup Saturday Oct 10', () => {
    expect(dueAt(cst('2026-09-30T10:00'), defaultTimeLimits.tiers.immediate, cal)).toEqual(eod('2026-10-10'));
    // Submitted during the holiday: Oct 8, 9, 10.
    expect(dueAt(cst('2026-10-03T10:00'), workingDays(3), cal)).toEqual(eod('2026-10-10'));
    // Friday Sep 18 + 1 working day is makeup Sunday Sep 20.
    expect(dueAt(cst('2026-09-18T10:00'), workingDays(1), cal)).toEqual(eod('2026-09-20'));
    expect(dueAt(cst('2026-09-28T10:00'), defaultTimeLimits.tiers.deadline, cal)).toEqual(eod('2026-10-23'));
  });

  it('Spring Festival 2026: Friday Feb 13 + 1 is makeup Saturday Feb 14; + 3 is Feb 25', () => {
    expect(dueAt(cst('2026-02-13T09:00'), workingDays(1), cal)).toEqual(eod('2026-02-14'));
    expect(dueAt(cst('2026-02-13T09:00'), workingDays(3), cal)).toEqual(eod('2026-02-25'));
  });

  it('year end 2026 → 2027, with and without a 2027-01-01 override', () => {
    const start = cst('2026-12-30T10:00');
    expect(dueAt(start, workingDays(3), cal)).toEqual(eod('2027-01-04'));
    const with2027 = createWorkingCalendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    expect(dueAt(start, workingDays(3), with2027)).toEqual(eod('2027-01-05'));
  });

  it('counts calendar days for the study tier and the rating window', () => {
    expect(dueAt(cst('2026-09-30T10:00'), defaultTimeLimits.tiers.study, cal)).toEqual(eod('2026-11-29'));
    expect(dueAt(cst('2026-09-30T23:00'), defaultTimeLimits.ratingWindow, cal)).toEqual(eod('2026-10-07'));
  });
});

describe('pauseAdjusted', () => {
  const due = eod('2026-03-13');
  it('moves the due day by the working days paused', () => {
    expect(pauseAdjusted(due, cst('2026-03-09T10:00'), cst('2026-03-11T15:00'), cal)).toEqual(eod('2026-03-17'));
    expect(pauseAdjusted(due, cst('2026-03-06T10:00'), cst('2026-03-09T08:00'), cal)).toEqual(eod('2026-03-16'));
  });
  it('a same-day pause or a weekend pause moves nothing', () => {
    expect(pauseAdjusted(due, cst('2026-03-09T10:00'), cst('2026-03-09T17:00'), cal)).toEqual(due);
    expect(pauseAdjusted(due, cst('2026-03-07T10:00'), cst('2026-03-08T17:00'), cal)).toEqual(due);
  });
  it('skips holidays when extending', () => {
    expect(pauseAdjusted(eod('2026-09-30'), cst('2026-09-28T10:00'), cst('2026-09-29T10:00'), cal)).toEqual(eod('2026-10-08'));
  });
  it('rejects a pause that ends before it starts', () => {
    expect(() => pauseAdjusted(due, cst('2026-03-09T10:00'), cst('2026-03-08T10:00'), cal)).toThrow(RangeError);
  });
});

describe('checkpoints', () => {
  const show = (cs: ReturnType<typeof checkpoints>) => cs.map((c) => [c.name, c.at.toISOString()]);

  it('15 working days across National Day: half on day 8, 80% on day 12, last-day morning, due', () => {
    const start = cst('2026-09-28T10:00');
    const due = dueAt(start, workingDays(15), cal);
    expect(show(checkpoints(start, due, cal))).toEqual([
      ['half', cst('2026-10-14T09:00').toISOString()],
      ['eightyPercent', cst('2026-10-20T09:00').toISOString()],
      ['oneDayLeft', cst('2026-10-23T09:00').toISOString()],
      ['due', eod('2026-10-23').toISOString()],
    ]);
  });

  it('3 working days: 80% and the last day coincide, the more urgent name is kept', () => {
    const start = cst('2026-03-02T10:00');
    expect(show(checkpoints(start, dueAt(start, workingDays(3), cal), cal))).toEqual([
      ['half', cst('2026-03-04T09:00').toISOString()],
      ['oneDayLeft', cst('2026-03-05T09:00').toISOString()],
      ['due', eod('2026-03-05').toISOString()],
    ]);
  });

  it('1 working day: one morning reminder and the due instant', () => {
    const start = cst('2026-03-02T10:00');
    expect(show(checkpoints(start, dueAt(start, workingDays(1), cal), cal))).toEqual([
      ['oneDayLeft', cst('2026-03-03T09:00').toISOString()],
      ['due', eod('2026-03-03').toISOString()],
    ]);
  });

  it('a due on the start day has only the due checkpoint', () => {
    const start = cst('2026-03-02T10:00');
    expect(show(checkpoints(start, eod('2026-03-02'), cal))).toEqual([['due', eod('2026-03-02').toISOString()]]);
  });

  it('study tier: measured in the working days inside the 60 calendar days', () => {
    const start = cst('2026-09-30T10:00');
    const due = dueAt(start, defaultTimeLimits.tiers.study, cal);
    const names = checkpoints(start, due, cal).map((c) => c.name);
    expect(names).toEqual(['half', 'eightyPercent', 'oneDayLeft', 'due']);
    // Nov 29 2026 is a Sunday: the last working day is Friday Nov 27.
    expect(checkpoints(start, due, cal)[2]!.at).toEqual(cst('2026-11-27T09:00'));
  });
});

describe('overdueReminderTimes', () => {
  it('09:00 on each working day after due, up to until', () => {
    const times = overdueReminderTimes(eod('2026-09-29'), cst('2026-10-12T09:00'), cal);
    expect(times).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12'].map((d) => cst(`${d}T09:00`)));
  });
  it('is empty when until is not later than the next morning', () => {
    expect(overdueReminderTimes(eod('2026-03-02'), cst('2026-03-03T08:59'), cal)).toEqual([]);
    expect(overdueReminderTimes(eod('2026-03-02'), cst('2026-03-01T00:00'), cal)).toEqual([]);
  });
});

describe('progressNoteTimes', () => {
  it('study tier: one note due 30 days in, the reply itself at 60', () => {
    const start = cst('2026-09-30T10:00');
    const due = dueAt(start, defaultTimeLimits.tiers.study, cal);
    expect(progressNoteTimes(start, due, defaultTimeLimits.studyProgressNoteEvery, cal)).toEqual([eod('2026-10-30')]);
    expect(progressNoteTimes(start, due, calendarDays(20), cal)).toEqual([eod('2026-10-20'), eod('2026-11-09')]);
  });
});

describe('nextSmsWindow', () => {
  it('sends inside 08:00–22:00 office time, defers quiet hours to 08:00', () => {
    expect(nextSmsWindow(cst('2026-03-02T12:00'))).toEqual(cst('2026-03-02T12:00'));
    expect(nextSmsWindow(cst('2026-03-02T08:00'))).toEqual(cst('2026-03-02T08:00'));
    expect(nextSmsWindow(cst('2026-03-02T21:59:59.999'))).toEqual(cst('2026-03-02T21:59:59.999'));
    expect(nextSmsWindow(cst('2026-03-02T22:00'))).toEqual(cst('2026-03-03T08:00'));
    expect(nextSmsWindow(cst('2026-03-02T03:00'))).toEqual(cst('2026-03-02T08:00'));
    // 23:30 UTC is 07:30 +08:00 next day.
    expect(nextSmsWindow(at('2026-03-02T23:30:00Z'))).toEqual(cst('2026-03-03T08:00'));
  });
  it('honours other quiet hours, wrapping midnight or not', () => {
    expect(nextSmsWindow(cst('2026-03-02T12:30'), { from: '12:00', to: '13:30' })).toEqual(cst('2026-03-02T13:30'));
    expect(nextSmsWindow(cst('2026-03-02T23:30'), { from: '23:00', to: '07:00' })).toEqual(cst('2026-03-03T07:00'));
  });
});
