/** In-memory stand-ins for the notifier's ports. */
import { defaultTimeLimits } from '../../../shared/domain/deadlines';
import type { QueuedNotification } from '../../../shared/domain/notifications/delivery';
import type { FailedNotificationRecord } from '../../../shared/domain/notifications/failed';
import type { FailedNotificationStore } from '../../../shared/ports';
import type { AuditRecord, Clock, NotificationLedger, NotificationProvider, NotificationRequest, RenderedNotification } from '../../../shared/ports';
import type { NotifierDeps } from '../../../shared/use-cases/deliver-notification';
import type { NotificationRetryControl } from '../../../shared/ports';

export class MemoryLedger implements NotificationLedger {
  readonly states = new Map<string, 'sending' | 'sent'>();
  async claim(key: string): Promise<'claimed' | 'alreadySent' | 'inProgress'> {
    const state = this.states.get(key);
    if (state === 'sent') return 'alreadySent';
    if (state === 'sending') return 'inProgress';
    this.states.set(key, 'sending');
    return 'claimed';
  }
  async markSent(key: string): Promise<void> {
    this.states.set(key, 'sent');
  }
  async release(key: string): Promise<void> {
    this.states.delete(key);
  }
}

export class MemoryFailed implements FailedNotificationStore {
  readonly records = new Map<string, FailedNotificationRecord>();
  /** Audit records written with a deletion (one write in the real store). */
  readonly audits: AuditRecord[] = [];
  async put(record: FailedNotificationRecord) {
    this.records.set(record.id, record);
  }
  async get(orgId: string, id: string) {
    const record = this.records.get(id);
    return record?.orgId === orgId ? record : undefined;
  }
  async list(orgId: string, limit: number) {
    return [...this.records.values()].filter((r) => r.orgId === orgId).slice(0, limit);
  }
  async delete(orgId: string, id: string, audit: AuditRecord) {
    if (this.records.get(id)?.orgId === orgId) this.records.delete(id);
    this.audits.push(audit);
  }
}

export class RecordingRetries implements NotificationRetryControl {
  readonly visibility: { receiptHandle: string; seconds: number }[] = [];
  readonly requeued: { message: QueuedNotification; delaySeconds: number }[] = [];
  async changeVisibility(receiptHandle: string, seconds: number) {
    this.visibility.push({ receiptHandle, seconds });
  }
  async requeue(message: QueuedNotification, delaySeconds: number) {
    this.requeued.push({ message, delaySeconds });
  }
}

/** A provider that fails while `down` is true and records what it sent. */
export class FlakyProvider implements NotificationProvider {
  down = false;
  readonly sent: { message: RenderedNotification; request: NotificationRequest }[] = [];
  async send(message: RenderedNotification, request: NotificationRequest) {
    if (this.down) throw new Error('provider unavailable (503)');
    this.sent.push({ message, request });
  }
}

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

export function notifierDeps(overrides: Partial<NotifierDeps> = {}) {
  const ledger = new MemoryLedger();
  const failed = new MemoryFailed();
  const retries = new RecordingRetries();
  const provider = new FlakyProvider();
  const clock = fixedClock('2026-05-06T02:00:00Z'); // 10:00 in Shanghai: SMS allowed
  const deps: NotifierDeps = {
    ledger,
    failed,
    retries,
    provider,
    clock,
    maxReceives: 5,
    quietHours: 'defer',
    smsQuietHours: async () => defaultTimeLimits.smsQuietHours,
    log: { warn: () => undefined, error: () => undefined },
    ...overrides,
  };
  return { deps, ledger, failed, retries, provider, clock };
}

export function request(overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  return {
    idempotencyKey: 's1#receipt#sms#13800138000#0',
    event: 'receipt',
    suggestionId: 's1',
    orgId: 'demo',
    channel: 'sms',
    to: '13800138000',
    locale: 'zh-CN',
    params: { title: '加装遮阳棚', trackingCode: 'JY-ABCD', dueDate: '2026-05-07', trackUrl: 'https://x/#/track?code=JY-ABCD' },
    ...overrides,
  };
}

export function received(body: unknown, receiveCount = 1, messageId = 'm1') {
  return { messageId, receiptHandle: `rh-${messageId}-${receiveCount}`, body: JSON.stringify(body), receiveCount };
}
