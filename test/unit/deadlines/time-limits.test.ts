import { describe, expect, it } from 'vitest';
import { calendarDays, defaultTimeLimits, resolveTimeLimits, timeLimitProblems, workingDays } from '../../../shared/domain/deadlines';

describe('default time limits (PRODUCT.md)', () => {
  it('are the product defaults', () => {
    expect(defaultTimeLimits).toEqual({
      screening: workingDays(1),
      sign: workingDays(1),
      tiers: { immediate: workingDays(3), deadline: workingDays(15), study: calendarDays(60) },
      studyProgressNoteEvery: calendarDays(30),
      ratingWindow: calendarDays(7),
      reminders: { half: 0.5, eightyPercent: 0.8, oneDayLeft: 1 },
      smsQuietHours: { from: '22:00', to: '08:00' },
    });
    expect(timeLimitProblems(defaultTimeLimits)).toEqual([]);
  });

  it('cannot be changed through a resolved copy', () => {
    const resolved = resolveTimeLimits();
    expect(() => {
      (resolved.tiers.immediate as { amount: number }).amount = 99;
    }).toThrow(TypeError);
    expect(defaultTimeLimits.tiers.immediate.amount).toBe(3);
  });
});

describe('resolveTimeLimits', () => {
  it('returns the defaults without overrides', () => {
    expect(resolveTimeLimits()).toEqual(defaultTimeLimits);
    expect(resolveTimeLimits(null, null)).toEqual(defaultTimeLimits);
  });

  it('campaign wins over organisation wins over default, field by field', () => {
    const resolved = resolveTimeLimits(
      { tiers: { immediate: workingDays(2), deadline: workingDays(10) }, ratingWindow: calendarDays(10), reminders: { half: 0.4 } },
      { tiers: { deadline: workingDays(5) }, reminders: { eightyPercent: 0.9 }, screening: undefined },
    );
    expect(resolved.tiers).toEqual({ immediate: workingDays(2), deadline: workingDays(5), study: calendarDays(60) });
    expect(resolved.ratingWindow).toEqual(calendarDays(10));
    expect(resolved.reminders).toEqual({ half: 0.4, eightyPercent: 0.9, oneDayLeft: 1 });
    expect(resolved.screening).toEqual(workingDays(1)); // undefined inherits, it does not erase
    expect(resolved.smsQuietHours).toEqual({ from: '22:00', to: '08:00' });
  });

  it('rejects unusable settings with the reasons', () => {
    expect(() => resolveTimeLimits({ tiers: { immediate: workingDays(0) } })).toThrow(/tiers.immediate.amount/);
    expect(() => resolveTimeLimits({ sign: workingDays(1.5) })).toThrow(/sign.amount/);
    expect(() => resolveTimeLimits({ reminders: { half: 0.9 } })).toThrow(/reminders.half must not come after/);
    expect(() => resolveTimeLimits(undefined, { smsQuietHours: { from: '25:00', to: '08:00' } })).toThrow(/HH:MM/);
    expect(() => resolveTimeLimits(undefined, { smsQuietHours: { from: '08:00', to: '08:00' } })).toThrow(/must differ/);
  });
});
