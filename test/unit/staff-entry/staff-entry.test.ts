/** 代录 (issue 12): the envelope of a staff entry and its timeline note. */
import { describe, expect, it } from 'vitest';
import { splitStaffEntry, staffEntryEnvelopeSchema, staffEntryNote } from '../../../shared/domain/intake/staff-entry';

describe('a staff entry envelope', () => {
  it('splits the line, kind, place and time off the submission, which keeps its channel', () => {
    const { envelope, submission } = splitStaffEntry({ channel: 'offline', offlineKind: 'box', place: '意见箱 3', receivedAt: '2026-05-06T02:00:00Z', title: 't' });
    expect(envelope).toEqual({ channel: 'offline', offlineKind: 'box', place: '意见箱 3', receivedAt: '2026-05-06T02:00:00Z' });
    expect(submission).toEqual({ channel: 'offline', title: 't' });
  });

  it('wants an offline kind for offline entries only, and only the hotline or offline channels', () => {
    const problems = (v: unknown) => (staffEntryEnvelopeSchema.safeParse(v).error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);
    expect(problems({ channel: 'offline' })).toEqual(['offlineKind:required']);
    expect(problems({ channel: 'hotline', offlineKind: 'box' })).toEqual(['offlineKind:offlineKindOnlyOffline']);
    expect(problems({ channel: 'web' })).toHaveLength(1);
    expect(problems({ channel: 'hotline', place: '12345 #1' })).toEqual([]);
  });

  it('notes who entered it and by which line', () => {
    expect(staffEntryNote('陈晨', { channel: 'hotline', place: '#A-1' })).toBe('陈晨 代录，渠道：热线，#A-1');
    expect(staffEntryNote('陈晨', { channel: 'offline', offlineKind: 'visit' })).toBe('陈晨 代录，渠道：线下（走访）');
  });
});
