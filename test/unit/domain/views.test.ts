import { describe, expect, it } from 'vitest';
import { canSeeSuggestion, canRevealContact, type StaffPrincipal } from '../../../shared/domain/staff/principal';
import { citizenView, isOverdue, maskContact } from '../../../shared/domain/suggestion/views';
import type { Suggestion, TimelineEntry } from '../../../shared/domain/suggestion/suggestion';

const s: Suggestion = {
  id: '01J0000000000000000000000A',
  orgId: 'demo',
  trackingCode: 'ABCDEFGH',
  pinHash: 'salt$hash',
  title: 't',
  content: 'c',
  category: 'traffic',
  channel: 'web',
  contact: { name: '张三丰', phone: '13812345678', email: 'zhang@example.com', consent: true },
  status: 'assigned',
  leadDepartmentId: 'transport',
  cohandlerDepartmentIds: ['housing'],
  dueAt: '2026-11-24T15:59:59.999Z',
  submittedAt: '2026-11-23T02:00:00.000Z',
  updatedAt: '2026-11-23T02:00:00.000Z',
  version: 3,
};
const entry = (visibility: 'public' | 'internal', action: string): TimelineEntry => ({
  at: '2026-11-23T02:00:00.000Z', seq: '000001', action, actor: { type: 'system', id: 'w' }, fromStatus: null, toStatus: 'submitted', visibility,
});

describe('views', () => {
  it('shows the citizen only public timeline entries and never the PIN hash or contact', () => {
    const view = citizenView(s, [entry('public', 'submit'), entry('internal', 'remind')]);
    expect(view.timeline.map((e) => e.action)).toEqual(['submit']);
    expect(JSON.stringify(view)).not.toContain('salt$hash');
    expect(JSON.stringify(view)).not.toContain('13812345678');
  });

  it('masks contact details', () => {
    expect(maskContact(s.contact!)).toEqual({ name: '张**', phone: '138****5678', email: 'z***@example.com', consent: true });
  });

  it('is overdue only while open and past due', () => {
    expect(isOverdue(s, new Date('2026-11-25T00:00:00Z'))).toBe(true);
    expect(isOverdue(s, new Date('2026-11-24T00:00:00Z'))).toBe(false);
    expect(isOverdue({ ...s, status: 'closed' }, new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });

  it('lets handlers see only their department, lead or co-handler', () => {
    const handler = (departmentId: string): StaffPrincipal => ({ username: 'h', name: 'h', role: 'handler', orgId: 'demo', departmentId });
    expect(canSeeSuggestion(handler('transport'), s)).toBe(true);
    expect(canSeeSuggestion(handler('housing'), s)).toBe(true);
    expect(canSeeSuggestion(handler('health'), s)).toBe(false);
    expect(canSeeSuggestion({ username: 'd', name: 'd', role: 'dispatcher', orgId: 'other' }, s)).toBe(false);
    expect(canRevealContact({ username: 'v', name: 'v', role: 'viewer', orgId: 'demo' })).toBe(false);
    expect(canRevealContact({ username: 'd', name: 'd', role: 'dispatcher', orgId: 'demo' })).toBe(true);
  });
});
