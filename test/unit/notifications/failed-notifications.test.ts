import { describe, expect, it } from 'vitest';
import { failedNotificationRecord } from '../../../shared/domain/notifications/failed';
import type { StaffPrincipal } from '../../../shared/domain/staff/principal';
import type { AuditEntry } from '../../../shared/http/api-types';
import type { NotificationRequest } from '../../../shared/ports';
import { listFailedNotifications, retryFailedNotification, revealFailedRecipient } from '../../../shared/use-cases/failed-notifications';
import { fixedClock, MemoryFailed, request } from './fakes';

const admin: StaffPrincipal = { username: 'admin1', name: '管理员', role: 'admin', orgId: 'demo' };
const dispatcher: StaffPrincipal = { ...admin, username: 'd1', role: 'dispatcher' };

function deps() {
  const failed = new MemoryFailed();
  const enqueued: NotificationRequest[] = [];
  const audit: AuditEntry[] = [];
  return {
    failed,
    enqueued,
    audits: audit,
    deps: {
      failed,
      notifications: { enqueue: async (r: readonly NotificationRequest[]) => void enqueued.push(...r) },
      audit: { record: async (e: AuditEntry) => void audit.push(e), list: async () => ({ entries: audit }) },
      clock: fixedClock('2026-05-06T03:00:00Z'),
    },
  };
}

describe('failed notifications (admin)', () => {
  it('lists newest first, without the stored request', async () => {
    const { deps: d, failed } = deps();
    await failed.put(failedNotificationRecord(request(), 5, 'down', new Date('2026-05-06T01:00:00Z')));
    await failed.put(failedNotificationRecord(request({ idempotencyKey: 'k2', suggestionId: 's2' }), 5, 'down', new Date('2026-05-06T02:00:00Z')));
    const { items } = await listFailedNotifications(d, admin);
    expect(items.map((i) => i.suggestionId)).toEqual(['s2', 's1']);
    expect(items[0]).not.toHaveProperty('request');
    expect(items[0]).toMatchObject({ event: 'receipt', channel: 'sms', attempts: 5, lastError: 'down' });
  });

  it('shows and retries only the admin\'s own organisation\'s (the records are partitioned per organisation)', async () => {
    const { deps: d, failed, enqueued } = deps();
    const theirs = failedNotificationRecord(request({ idempotencyKey: 'k-other', suggestionId: 's-other', orgId: 'other-district' }), 5, 'down', new Date('2026-05-06T01:00:00Z'));
    await failed.put(theirs);
    expect(theirs.orgId).toBe('other-district');
    expect((await listFailedNotifications(d, admin)).items).toEqual([]);
    await expect(retryFailedNotification(d, admin, theirs.id)).rejects.toMatchObject({ status: 404 });
    expect(enqueued).toEqual([]);
    expect((await listFailedNotifications(d, { ...admin, orgId: 'other-district' })).items.map((i) => i.suggestionId)).toEqual(['s-other']);
  });

  it('masks every recipient, also where the provider’s error quotes it', async () => {
    const { deps: d, failed } = deps();
    await failed.put(failedNotificationRecord(request(), 5, 'gateway refused 13800138000: blocked', new Date('2026-05-06T01:00:00Z')));
    const email = request({ idempotencyKey: 'k2', channel: 'email', to: 'zhang.san@example.com' });
    await failed.put(failedNotificationRecord(email, 5, 'Email address is not verified: zhang.san@example.com', new Date('2026-05-06T02:00:00Z')));
    const { items } = await listFailedNotifications(d, admin);
    expect(items.map(({ to, lastError }) => ({ to, lastError }))).toEqual([
      { to: 'z***@example.com', lastError: 'Email address is not verified: z***@example.com' },
      { to: '138****8000', lastError: 'gateway refused 138****8000: blocked' },
    ]);
    expect(JSON.stringify(items)).not.toMatch(/13800138000|zhang\.san/);
  });

  it('reveals one recipient to an admin, audited first and without the recipient in the audit log', async () => {
    const { deps: d, failed, audits } = deps();
    const record = failedNotificationRecord(request(), 5, 'down', new Date('2026-05-06T01:00:00Z'));
    await failed.put(record);
    expect(await revealFailedRecipient(d, admin, record.id)).toEqual({ id: record.id, to: '13800138000' });
    expect(audits).toEqual([
      {
        orgId: 'demo',
        at: '2026-05-06T03:00:00.000Z',
        actor: { id: 'admin1', role: 'admin' },
        action: 'revealRecipient',
        target: 's1',
        detail: `receipt sms (failed notification ${record.id})`,
      },
    ]);
    // No audit entry, no answer: the reveal is not shown when it cannot be recorded.
    const failing = { ...d, audit: { ...d.audit, record: async () => Promise.reject(new Error('audit down')) } };
    await expect(revealFailedRecipient(failing, admin, record.id)).rejects.toThrow('audit down');
    await expect(revealFailedRecipient(d, admin, 'missing')).rejects.toMatchObject({ status: 404 });
    await expect(revealFailedRecipient(d, dispatcher, record.id)).rejects.toMatchObject({ status: 403 });
    expect(audits).toHaveLength(1);
  });

  it('is for admins only', async () => {
    const { deps: d } = deps();
    await expect(listFailedNotifications(d, dispatcher)).rejects.toMatchObject({ status: 403 });
    await expect(retryFailedNotification(d, dispatcher, 'x')).rejects.toMatchObject({ status: 403 });
    await expect(revealFailedRecipient(d, dispatcher, 'x')).rejects.toMatchObject({ status: 403 });
  });

  it('retry re-enqueues the original request, deletes the record and audits it', async () => {
    const { deps: d, failed, enqueued } = deps();
    const record = failedNotificationRecord(request(), 5, 'down', new Date('2026-05-06T01:00:00Z'));
    await failed.put(record);
    const item = await retryFailedNotification(d, admin, record.id);
    expect(item).toMatchObject({ id: record.id, to: '138****8000' });
    expect(item).not.toHaveProperty('request');
    expect(enqueued).toEqual([request()]);
    expect(failed.records.size).toBe(0);
    // The audit record goes with the deletion, in the same write.
    expect(failed.audits).toEqual([
      { orgId: 'demo', at: '2026-05-06T03:00:00.000Z', actor: { id: 'admin1', role: 'admin' }, action: 'retryNotification', target: 's1', detail: 'receipt sms after 5 attempts' },
    ]);
    await expect(retryFailedNotification(d, admin, record.id)).rejects.toMatchObject({ status: 404 });
  });
});
