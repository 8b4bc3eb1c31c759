import { describe, expect, it } from 'vitest';
import { coveredBy, uncoveredYearsAhead } from '../../../shared/domain/deadlines/coverage';

const official = new Set([2025, 2026]);

describe('which uncovered years admins are warned about', () => {
  it('warns from 60 days before a year the calendar does not cover, and not a day earlier', () => {
    const covered = coveredBy([], official);
    expect(uncoveredYearsAhead('2026-11-01', covered)).toEqual([]);
    expect(uncoveredYearsAhead('2026-11-02', covered)).toEqual([2027]); // 2027-01-01 minus 60 days
    expect(uncoveredYearsAhead('2026-12-01', covered)).toEqual([2027]);
    // Into the uncovered year, for as long as it stays uncovered.
    expect(uncoveredYearsAhead('2027-06-30', covered)).toEqual([2027]);
    expect(uncoveredYearsAhead('2027-11-15', covered)).toEqual([2027, 2028]);
  });

  it('stops warning once the year is covered by an imported schedule', () => {
    expect(uncoveredYearsAhead('2026-12-01', coveredBy([2027], official))).toEqual([]);
    expect(uncoveredYearsAhead('2027-11-15', coveredBy([2027], official))).toEqual([2028]);
  });

  it('reads the day in office time (+08:00): 2 November starts at 16:00 UTC on the 1st', () => {
    const covered = coveredBy([], official);
    expect(uncoveredYearsAhead(new Date('2026-11-01T15:59:59Z'), covered)).toEqual([]);
    expect(uncoveredYearsAhead(new Date('2026-11-01T16:00:00Z'), covered)).toEqual([2027]);
  });

  it('counts the official package’s years as covered', () => {
    expect(uncoveredYearsAhead('2025-12-01', coveredBy([], official))).toEqual([]);
    // The shipped package: chinese-days 1.5.7 knows 2026.
    expect(coveredBy([])(2026)).toBe(true);
  });
});
