/** Suggestions and stand-ins for the topics job's unit and integration tests. */
import { submitted } from '../../../shared/domain/suggestion/lifecycle';
import type { Suggestion } from '../../../shared/domain/suggestion/suggestion';
import type { StaffProfile } from '../../../shared/domain/staff/staff';
import type { NotificationQueue, NotificationRequest } from '../../../shared/ports';

let n = 0;
/** A submitted suggestion of organisation `orgId` (ids sort by submission time, as ULIDs do). */
export function topicSuggestion(fields: { title: string; content?: string; category?: string; at: string; address?: string; orgId?: string; id?: string }): Suggestion {
  n++;
  return submitted(
    {
      id: fields.id ?? `${fields.at.replace(/\D/g, '')}${String(n).padStart(4, '0')}`,
      orgId: fields.orgId ?? 'org-t',
      trackingCode: `JY-${String(n).padStart(6, '0')}`,
      pinHash: 'x',
      title: fields.title,
      content: fields.content ?? fields.title,
      category: fields.category ?? 'urban-management',
      channel: 'web',
      ...(fields.address ? { location: { address: fields.address } } : {}),
      dueAt: fields.at,
      submittedAt: fields.at,
    },
    { type: 'citizen', id: 'citizen' },
  ).suggestion;
}

export const dispatchers: StaffProfile[] = [
  { username: 'd1', name: '李静', role: 'dispatcher', orgId: 'org-t', email: 'd1@example.org', phone: '13800000001' },
  { username: 'h1', name: '赵强', role: 'handler', orgId: 'org-t', departmentId: 'transport', email: 'h1@example.org' },
];

export class RecordingQueue implements NotificationQueue {
  readonly sent: NotificationRequest[] = [];
  async enqueue(requests: readonly NotificationRequest[]) {
    this.sent.push(...requests);
  }
}

/** A 路灯 cluster: `perDay` suggestions a day on the given days, in one 街道, some traditional or full-width. */
export function lampCluster(days: string[], perDay: number, orgId = 'org-t'): Suggestion[] {
  const texts = ['幸福街道的路灯不亮了', '路燈不亮，晚上出行不安全', '阳光社区路灯坏了好几天', '小区门口路灯不亮', '路灯晚上不亮，老人走路怕摔', 'ＸＸ路的路灯不亮，请维修'];
  return days.flatMap((day, d) =>
    Array.from({ length: perDay }, (_, i) =>
      topicSuggestion({ orgId, title: texts[(d * perDay + i) % texts.length]!, at: `${day}T0${1 + (i % 8)}:1${i % 10}:00.000Z`, address: '示范区幸福街道阳光社区3栋' }),
    ),
  );
}
