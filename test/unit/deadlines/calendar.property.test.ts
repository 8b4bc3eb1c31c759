import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, type CalendarOverride } from '../../../shared/domain/deadlines';
import { dayNumber, dayString } from '../../../shared/domain/deadlines/office-time';

// 2025–2028: official years, the uncovered 2027–2028 and the year boundary between them.
const day = fc.integer({ min: dayNumber('2025-01-01'), max: dayNumber('2028-12-31') }).map(dayString);
const override: fc.Arbitrary<CalendarOverride> = fc.record({ date: day, kind: fc.constantFrom('holiday' as const, 'workday' as const) });
const overrides = fc.uniqueArray(override, { selector: (o) => o.date, maxLength: 40 });
const calendar = overrides.map((os) => createWorkingCalendar(os));
const n = fc.integer({ min: 1, max: 80 });

describe('working calendar properties', () => {
  it('addWorkingDays(a, n) is a working day after a for n ≥ 1', () => {
    fc.assert(
      fc.property(calendar, day, n, (cal, a, k) => {
        const r = cal.addWorkingDays(a, k);
        expect(cal.isWorkingDay(r)).toBe(true);
        expect(r > a).toBe(true);
        expect(cal.nextWorkingDay(a)).toBe(cal.addWorkingDays(a, 1));
      }),
    );
  });

  it('addWorkingDays is strictly monotonic in n', () => {
    fc.assert(
      fc.property(calendar, day, n, n, (cal, a, i, j) => {
        fc.pre(i !== j);
        const [lo, hi] = i < j ? [i, j] : [j, i];
        expect(cal.addWorkingDays(a, lo) < cal.addWorkingDays(a, hi)).toBe(true);
      }),
    );
  });

  it('workingDaysBetween(a, addWorkingDays(a, n)) = n, also backwards', () => {
    fc.assert(
      fc.property(calendar, day, fc.integer({ min: -80, max: 80 }), (cal, a, k) => {
        expect(cal.workingDaysBetween(a, cal.addWorkingDays(a, k))).toBe(k);
      }),
    );
  });

  it('workingDaysBetween adds up over consecutive spans', () => {
    fc.assert(
      fc.property(calendar, day, day, day, (cal, a, b, c) => {
        const [x, y, z] = [a, b, c].sort();
        expect(cal.workingDaysBetween(x!, y!) + cal.workingDaysBetween(y!, z!)).toBe(cal.workingDaysBetween(x!, z!));
      }),
    );
  });

  it('overrides always win', () => {
    fc.assert(
      fc.property(overrides, (os) => {
        const cal = createWorkingCalendar(os);
        for (const o of os) {
          expect(cal.isWorkingDay(o.date)).toBe(o.kind === 'workday');
          expect(cal.describe(o.date).source).toBe('override');
          const year = Number(o.date.slice(0, 4));
          expect(cal.coverage(year)).toBe(year <= 2026 ? 'official' : 'overrides');
        }
      }),
    );
  });

  it('days without overrides read the same as with no overrides at all', () => {
    const plain = createWorkingCalendar();
    fc.assert(
      fc.property(overrides, day, (os, d) => {
        fc.pre(!os.some((o) => o.date === d));
        expect(createWorkingCalendar(os).isWorkingDay(d)).toBe(plain.isWorkingDay(d));
      }),
    );
  });
});
