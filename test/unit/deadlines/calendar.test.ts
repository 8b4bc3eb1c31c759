import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, officialYears } from '../../../shared/domain/deadlines';
import { dayNumber, dayString } from '../../../shared/domain/deadlines/office-time';

const cal = createWorkingCalendar();
const workingIn = (from: string, to: string, c = cal) => {
  const out: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) if (c.isWorkingDay(dayString(n))) out.push(dayString(n));
  return out;
};

describe('official schedule from chinese-days@1.5.7', () => {
  it('knows 2004–2026 and nothing later', () => {
    expect([...officialYears].sort()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(cal.coverage(2026)).toBe('official');
    expect(cal.coverage(2004)).toBe('official');
    expect(cal.coverage(2027)).toBe('weekdays-only');
    expect(cal.coverage(2003)).toBe('weekdays-only');
  });

  it('2026 National Day: Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 are makeup workdays', () => {
    expect(workingIn('2026-09-19', '2026-10-11')).toEqual([
      '2026-09-20', // Sunday, 调休上班
      '2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24',
      // 2026-09-25 (Fri) is 中秋 — off
      '2026-09-28', '2026-09-29', '2026-09-30',
      '2026-10-08', '2026-10-09',
      '2026-10-10', // Saturday, 调休上班
    ]);
    expect(cal.describe('2026-10-01')).toEqual({ date: '2026-10-01', working: false, source: 'official', name: '国庆节', inLieu: false });
    expect(cal.describe('2026-10-07')).toMatchObject({ working: false, name: '国庆节', inLieu: true });
    expect(cal.describe('2026-09-20')).toMatchObject({ working: true, source: 'official', name: '国庆节' });
    expect(cal.describe('2026-09-25')).toMatchObject({ working: false, name: '中秋' });
  });

  it('2026 Spring Festival: Feb 15–23 off, Saturdays Feb 14 and Feb 28 are makeup workdays', () => {
    expect(workingIn('2026-02-13', '2026-03-01')).toEqual([
      '2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28',
    ]);
    expect(cal.describe('2026-02-17')).toMatchObject({ working: false, source: 'official', name: '春节' });
  });

  it('ordinary weekends are rest days, weekdays working days', () => {
    expect(workingIn('2026-03-07', '2026-03-15')).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']);
    expect(cal.describe('2026-03-07')).toEqual({ date: '2026-03-07', working: false, source: 'weekday-rule' });
  });

  it('year end 2026 → 2027 without overrides reads 2027-01-01 as an ordinary Friday', () => {
    expect(cal.isWorkingDay('2026-12-31')).toBe(true);
    expect(cal.describe('2027-01-01')).toEqual({ date: '2027-01-01', working: true, source: 'weekday-rule' });
    expect(cal.addWorkingDays('2026-12-30', 3)).toBe('2027-01-04');
  });

  // The package's own functions are only right at UTC or east of it (see official-holidays.ts); CI and Lambda run in UTC.
  it.runIf(new Date(2026, 0, 1).getTimezoneOffset() <= 0)('agrees day by day with the package functions', () => {
    let mismatches = 0;
    for (let n = dayNumber('2004-01-01'); n <= dayNumber('2027-12-31'); n++) {
      const day = dayString(n);
      const local = new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12);
      if (chineseDays.isWorkday(local) !== cal.isWorkingDay(day)) mismatches++;
      if (chineseDays.isInLieu(local) !== (cal.describe(day).inLieu ?? false)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(cal.isWorkingDay('2026-10-07')).toBe(false);
      expect(cal.isWorkingDay('2026-09-20')).toBe(true);
      // 2026-10-07 23:30 +08:00 is still Oct 7 in the office even though it is Oct 7 11:30 in New York.
      expect(cal.describe(new Date('2026-10-07T23:30:00+08:00')).date).toBe('2026-10-07');
      expect(cal.describe(new Date('2026-10-07T16:30:00Z')).date).toBe('2026-10-08');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('admin overrides', () => {
  // A plausible 2027 New Year entry, as an admin would type it before the package knows 2027.
  const with2027 = createWorkingCalendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);

  it('win over the weekday rule and report the year as covered by overrides', () => {
    expect(with2027.describe('2027-01-01')).toEqual({ date: '2027-01-01', working: false, source: 'override', name: '元旦' });
    expect(with2027.coverage(2027)).toBe('overrides');
    expect(with2027.coverage(2028)).toBe('weekdays-only');
    expect(with2027.addWorkingDays('2026-12-30', 3)).toBe('2027-01-05');
    expect(with2027.workingDaysBetween('2026-12-30', '2027-01-05')).toBe(3);
  });

  it('win over the official schedule in both directions', () => {
    const c = createWorkingCalendar([
      { date: '2026-10-10', kind: 'holiday' },
      { date: '2026-10-05', kind: 'workday', name: '本地安排' },
    ]);
    expect(c.isWorkingDay('2026-10-10')).toBe(false);
    expect(c.describe('2026-10-05')).toEqual({ date: '2026-10-05', working: true, source: 'override', name: '本地安排' });
    expect(c.coverage(2026)).toBe('official');
  });

  it('reject invalid dates and duplicate dates', () => {
    expect(() => createWorkingCalendar([{ date: '2027-02-30', kind: 'holiday' }])).toThrow(RangeError);
    expect(() => createWorkingCalendar([{ date: '2027-1-1', kind: 'holiday' }])).toThrow(RangeError);
    expect(() =>
      createWorkingCalendar([
        { date: '2027-01-01', kind: 'holiday' },
        { date: '2027-01-01', kind: 'workday' },
      ]),
    ).toThrow(/more than once/);
  });
});

describe('working-day arithmetic', () => {
  it('steps over the start day, forwards and backwards', () => {
    expect(cal.nextWorkingDay('2026-03-02')).toBe('2026-03-03'); // Monday → Tuesday
    expect(cal.nextWorkingDay('2026-03-07')).toBe('2026-03-09'); // Saturday → Monday
    expect(cal.addWorkingDays('2026-03-06', 0)).toBe('2026-03-06');
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
    expect(cal.workingDaysBetween('2026-10-08', '2026-09-30')).toBe(-1);
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-07')).toBe(0);
  });

  it('reads a Date as its office day (+08:00)', () => {
    expect(cal.isWorkingDay(new Date('2026-09-30T16:00:00Z'))).toBe(false); // 2026-10-01 00:00 +08:00
    expect(cal.isWorkingDay(new Date('2026-09-30T15:59:59.999Z'))).toBe(true);
  });

  it('rejects non-integer counts', () => {
    expect(() => cal.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });
});
