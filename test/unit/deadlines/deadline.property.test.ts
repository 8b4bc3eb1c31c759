import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkpoints,
  createWorkingCalendar,
  dueAt,
  nextSmsWindow,
  overdueReminderTimes,
  pauseAdjusted,
  type CalendarOverride,
  type TimeLimit,
} from '../../../shared/domain/deadlines';
import { dayNumber, dayString, officeDayOf, officeMsOfDay } from '../../../shared/domain/deadlines/office-time';

const HOUR = 3_600_000;
const instant = fc.date({ min: new Date('2025-01-01T00:00:00+08:00'), max: new Date('2028-12-31T23:59:59.999+08:00'), noInvalidDate: true });
const day = fc.integer({ min: dayNumber('2025-01-01'), max: dayNumber('2028-12-31') }).map(dayString);
const override: fc.Arbitrary<CalendarOverride> = fc.record({ date: day, kind: fc.constantFrom('holiday' as const, 'workday' as const) });
const calendar = fc.uniqueArray(override, { selector: (o) => o.date, maxLength: 30 }).map((os) => createWorkingCalendar(os));
const limit: fc.Arbitrary<TimeLimit> = fc.record({
  amount: fc.integer({ min: 1, max: 70 }),
  unit: fc.constantFrom('workingDays' as const, 'calendarDays' as const),
});

describe('deadline properties', () => {
  it('due ≥ start, ends a day at 23:59:59.999 +08:00, and a working-day limit ends on a working day', () => {
    fc.assert(
      fc.property(calendar, instant, limit, (cal, start, l) => {
        const due = dueAt(start, l, cal);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
        expect(officeMsOfDay(due)).toBe(24 * HOUR - 1);
        if (l.unit === 'workingDays') {
          expect(cal.isWorkingDay(due)).toBe(true);
          expect(cal.workingDaysBetween(start, due)).toBe(l.amount);
        }
      }),
    );
  });

  it('checkpoints are sorted, unique, within [start, due], end with due, and half ≤ eightyPercent', () => {
    fc.assert(
      fc.property(calendar, instant, limit, (cal, start, l) => {
        const due = dueAt(start, l, cal);
        const cs = checkpoints(start, due, cal);
        const times = cs.map((c) => c.at.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(new Set(times).size).toBe(times.length);
        for (const t of times) {
          expect(t).toBeGreaterThanOrEqual(start.getTime());
          expect(t).toBeLessThanOrEqual(due.getTime());
        }
        expect(cs.at(-1)).toEqual({ name: 'due', at: due });
        const half = cs.find((c) => c.name === 'half');
        const eighty = cs.find((c) => c.name === 'eightyPercent');
        if (half && eighty) expect(half.at.getTime()).toBeLessThanOrEqual(eighty.at.getTime());
        for (const c of cs) if (c.name !== 'due') expect(cal.isWorkingDay(c.at)).toBe(true);
      }),
    );
  });

  it('overdue reminders are 09:00 +08:00 on working days in (due, until]', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 40 * 24 * HOUR }), (cal, due, span) => {
        const until = new Date(due.getTime() + span);
        for (const t of overdueReminderTimes(due, until, cal)) {
          expect(t.getTime()).toBeGreaterThan(due.getTime());
          expect(t.getTime()).toBeLessThanOrEqual(until.getTime());
          expect(officeMsOfDay(t)).toBe(9 * HOUR);
          expect(cal.isWorkingDay(t)).toBe(true);
        }
      }),
    );
  });

  it('a pause never brings the due instant forward and moves it by the paused working days', () => {
    fc.assert(
      fc.property(calendar, instant, instant, fc.integer({ min: 0, max: 30 * 24 * HOUR }), (cal, due, from, len) => {
        const to = new Date(from.getTime() + len);
        const moved = pauseAdjusted(due, from, to, cal);
        expect(moved.getTime()).toBeGreaterThanOrEqual(due.getTime());
        expect(officeMsOfDay(moved)).toBe(officeMsOfDay(due));
        const paused = cal.workingDaysBetween(from, to);
        expect(officeDayOf(moved)).toBe(paused === 0 ? officeDayOf(due) : cal.addWorkingDays(due, paused));
      }),
    );
  });

  it('nextSmsWindow is in 08:00–22:00 +08:00, not before the input and at most 10 h later', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const r = nextSmsWindow(t);
        const clock = officeMsOfDay(r);
        expect(clock).toBeGreaterThanOrEqual(8 * HOUR);
        expect(clock).toBeLessThan(22 * HOUR);
        expect(r.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(r.getTime()).toBeLessThan(t.getTime() + 10 * HOUR + 1);
        if (officeMsOfDay(t) >= 8 * HOUR && officeMsOfDay(t) < 22 * HOUR) expect(r.getTime()).toBe(t.getTime());
      }),
    );
  });
});
