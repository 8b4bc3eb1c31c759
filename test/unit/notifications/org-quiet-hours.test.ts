import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimeLimitOverrides } from '../../../shared/domain/deadlines';
import { forgetOrgCalendar, smsQuietHoursOf } from '../../../shared/use-cases/org-calendar';

/** Stored limits per organisation and campaign, counting the reads. */
function store(org: Record<string, TimeLimitOverrides>, campaigns: Record<string, TimeLimitOverrides> = {}) {
  const reads: string[] = [];
  return {
    reads,
    timeLimits: async (orgId: string, campaignId?: string) => {
      reads.push(`${orgId}#${campaignId ?? ''}`);
      return { ...(org[orgId] ? { org: org[orgId] } : {}), ...(campaignId && campaigns[campaignId] ? { campaign: campaigns[campaignId] } : {}) };
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('the SMS quiet hours a notification is delivered under', () => {
  it('are the organisation\'s, a campaign\'s over them, and the default where neither sets any', async () => {
    const limits = store({ 'qh-a': { smsQuietHours: { from: '20:00', to: '09:00' } }, 'qh-b': { screening: { amount: 2, unit: 'workingDays' } } }, { 'qh-late': { smsQuietHours: { from: '23:00', to: '07:00' } } });
    const of = smsQuietHoursOf(limits);
    expect(await of({ orgId: 'qh-a' })).toEqual({ from: '20:00', to: '09:00' });
    expect(await of({ orgId: 'qh-a', campaignId: 'qh-late' })).toEqual({ from: '23:00', to: '07:00' });
    expect(await of({ orgId: 'qh-b' })).toEqual({ from: '22:00', to: '08:00' });
    // A message queued before requests named their organisation.
    expect(await of({} as { orgId: string })).toEqual({ from: '22:00', to: '08:00' });
  });

  it('are read once a minute per container, so a change applies within a minute', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T02:00:00Z') });
    const org: Record<string, TimeLimitOverrides> = { 'qh-c': { smsQuietHours: { from: '21:00', to: '08:00' } } };
    const limits = store(org);
    const of = smsQuietHoursOf(limits);
    expect(await of({ orgId: 'qh-c' })).toEqual({ from: '21:00', to: '08:00' });
    org['qh-c'] = { smsQuietHours: { from: '20:00', to: '09:00' } };
    vi.advanceTimersByTime(59_000);
    expect(await of({ orgId: 'qh-c' })).toEqual({ from: '21:00', to: '08:00' });
    vi.advanceTimersByTime(1_000);
    expect(await of({ orgId: 'qh-c' })).toEqual({ from: '20:00', to: '09:00' });
    expect(limits.reads).toEqual(['qh-c#', 'qh-c#']);
    // In the container where the admin saved, the next read is fresh at once.
    org['qh-c'] = {};
    forgetOrgCalendar('qh-c');
    expect(await of({ orgId: 'qh-c' })).toEqual({ from: '22:00', to: '08:00' });
  });
});
