import { describe, expect, it } from 'vitest';
import { isPeriod, periodOf, periodRange, periodsEndingWith } from '../../../shared/domain/rates/periods';

describe('rate periods', () => {
  it('gives each kind its range of office days', () => {
    expect(periodRange('week', '2026-W49')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodRange('week', '2026-W01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(periodRange('week', '2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
    expect(periodRange('month', '2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('month', '2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('month', '2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodRange('year', '2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('day', '2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-11-30' });
  });

  it('finds the period of a day and the ones before it', () => {
    expect(periodOf('week', '2026-01-01')).toBe('2026-W01');
    expect(periodOf('month', '2026-01-01')).toBe('2026-01');
    expect(periodOf('all', '2026-01-01')).toBe('all');
    expect(periodsEndingWith('week', '2026-W02', 3)).toEqual(['2025-W52', '2026-W01', '2026-W02']);
    expect(periodsEndingWith('month', '2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(periodsEndingWith('year', '2026', 2)).toEqual(['2025', '2026']);
    expect(periodsEndingWith('all', 'all', 5)).toEqual(['all']);
    expect(periodsEndingWith('day', '2026-03-01', 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('accepts only well-formed periods, week 53 only where a year has one', () => {
    expect(isPeriod('week', '2020-W53')).toBe(true);
    expect(isPeriod('week', '2026-W53')).toBe(true);
    expect(isPeriod('week', '2025-W53')).toBe(false);
    expect(isPeriod('month', '2026-13')).toBe(false);
    expect(isPeriod('year', '26')).toBe(false);
    expect(isPeriod('all', 'all')).toBe(true);
    expect(isPeriod('day', '2026-02-29')).toBe(false);
    expect(isPeriod('day', '2024-02-29')).toBe(true);
  });

  it('covers every day of a year exactly once with its weeks', () => {
    for (const day of ['2026-03-15', '2026-12-31', '2027-01-01']) {
      const week = periodOf('week', day);
      const { from, to } = periodRange('week', week);
      expect(from <= day && day <= to).toBe(true);
    }
  });
});
