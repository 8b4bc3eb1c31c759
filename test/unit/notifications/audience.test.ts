import { describe, expect, it } from 'vitest';
import type { StaffProfile } from '../../../shared/http/api-types';
import type { Directory } from '../../../shared/ports';
import type { Suggestion, SuggestionStatus } from '../../../shared/domain/suggestion/suggestion';
import { citizenRecipients, responsibleAudience, staffRecipients } from '../../../shared/use-cases/notify';

const people: StaffProfile[] = [
  { orgId: 'demo', username: 'd', name: 'D', role: 'dispatcher', email: 'd@x.cn' },
  { orgId: 'demo', username: 'lead', name: 'L', role: 'handler', departmentId: 'transport', email: 'lead@x.cn', phone: '13800000002' },
  { orgId: 'demo', username: 'co', name: 'C', role: 'handler', departmentId: 'urban-mgmt', email: 'co@x.cn' },
  { orgId: 'demo', username: 'other', name: 'O', role: 'handler', departmentId: 'housing', email: 'other@x.cn' },
  { orgId: 'demo', username: 'left', name: 'Left', role: 'handler', departmentId: 'transport', email: 'left@x.cn', active: false },
];
const directory: Directory = {
  departments: async () => [],
  staff: async () => people,
  queueStats: async () => undefined,
  saveQueueStats: async () => undefined,
};

function suggestion(status: SuggestionStatus): Suggestion {
  return {
    id: 's1',
    orgId: 'demo',
    trackingCode: 'ABCDEFGH',
    pinHash: 'x$y',
    title: 't',
    content: 'c',
    category: 'traffic',
    channel: 'web',
    status,
    dueAt: '2026-12-10T09:00:00.000Z',
    phaseStartedAt: '2026-12-01T09:00:00.000Z',
    submittedAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    version: 3,
    ...(status === 'screening' ? {} : { leadDepartmentId: 'transport', cohandlerDepartmentIds: ['urban-mgmt'] }),
  } as Suggestion;
}

const recipients = async (status: SuggestionStatus) =>
  (await staffRecipients(directory, suggestion(status), 'reminder', 'half@x', responsibleAudience(suggestion(status)), {})).map((r) => r.to).sort();

describe('who is reminded', () => {
  it('reminds the dispatchers while screening', async () => {
    expect(await recipients('screening')).toEqual(['d@x.cn']);
  });

  it('reminds only the lead department while it waits to be signed for', async () => {
    expect(await recipients('assigned')).toEqual(['13800000002', 'lead@x.cn']);
  });

  it('reminds the lead and the co-handling departments while it is handled, and no other department (nor anyone disabled)', async () => {
    for (const status of ['signed', 'infoRequested', 'reopened'] as const) {
      expect(await recipients(status)).toEqual(['13800000002', 'co@x.cn', 'lead@x.cn']);
    }
  });

  it('carries the organisation and the campaign, whose quiet hours apply when it is delivered', async () => {
    const standing = await staffRecipients(directory, suggestion('signed'), 'reminder', 'half@x', responsibleAudience(suggestion('signed')), {});
    expect(standing.map((r) => [r.orgId, r.campaignId])).toEqual(standing.map(() => ['demo', undefined]));
    const campaign = { ...suggestion('signed'), campaignId: 'xiance-2026', contact: { phone: '13900000000', consent: true } };
    const both = [
      ...(await staffRecipients(directory, campaign, 'reminder', 'half@x', responsibleAudience(campaign), {})),
      ...citizenRecipients(campaign, 'reply', 'reply@x', {}),
    ];
    expect(both.length).toBeGreaterThan(1);
    for (const r of both) expect(r).toMatchObject({ orgId: 'demo', campaignId: 'xiance-2026' });
  });

  it('keys each request by suggestion, event, recipient and checkpoint', async () => {
    const requests = await staffRecipients(directory, suggestion('signed'), 'reminder', 'half@x', responsibleAudience(suggestion('signed')), {});
    expect(new Set(requests.map((r) => r.idempotencyKey)).size).toBe(requests.length);
    expect(requests.map((r) => r.idempotencyKey)).toContain('s1#reminder#email#co@x.cn#half@x');
  });
});
