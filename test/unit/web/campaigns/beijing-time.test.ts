import { describe, expect, it } from 'vitest';
import { beijingDay, beijingInputToIso, daysBetween, isoToBeijingInput } from '../../../../web/src/campaigns/beijing-time';

describe('campaign times typed in Beijing time', () => {
  it('reads a datetime-local value as Beijing time', () => {
    expect(beijingInputToIso('2026-12-01T09:00')).toBe('2026-12-01T09:00:00+08:00');
    expect(Date.parse(beijingInputToIso('2026-12-01T09:00')!)).toBe(Date.parse('2026-12-01T01:00:00Z'));
    expect(beijingInputToIso('2026-12-01T09:00:30')).toBe('2026-12-01T09:00:30+08:00');
  });

  it('refuses what is not a real wall-clock time', () => {
    expect(beijingInputToIso('')).toBeUndefined();
    expect(beijingInputToIso('2026-02-30T09:00')).toBeUndefined();
    expect(beijingInputToIso('2026-12-01 09:00')).toBeUndefined();
    expect(beijingInputToIso('2026-12-01T24:00')).toBeUndefined();
  });

  it('shows any instant as the Beijing wall clock, across the date line', () => {
    expect(isoToBeijingInput('2026-12-01T09:00:00+08:00')).toBe('2026-12-01T09:00');
    expect(isoToBeijingInput('2026-11-30T16:30:00Z')).toBe('2026-12-01T00:30');
    expect(isoToBeijingInput('2026-12-01T09:00:00-05:00')).toBe('2026-12-01T22:00');
    expect(isoToBeijingInput(undefined)).toBe('');
    expect(isoToBeijingInput('nonsense')).toBe('');
  });

  it('round-trips', () => {
    for (const value of ['2026-01-01T00:00', '2026-06-30T23:59', '2027-02-28T12:05']) expect(isoToBeijingInput(beijingInputToIso(value))).toBe(value);
  });

  it('names the Beijing day and lists the days of a range', () => {
    expect(beijingDay(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    expect(daysBetween('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(daysBetween('2026-12-02', '2026-12-01')).toEqual([]);
    expect(daysBetween('2026-01-01', '2027-12-31', 10)).toHaveLength(10);
  });
});
