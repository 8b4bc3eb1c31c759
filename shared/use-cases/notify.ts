/**
 * Who hears about what: builds notification requests for staff (by role, optionally one department) and for
 * the citizen (only with consent). Each request's idempotency key names suggestion, event, recipient and
 * checkpoint, so a retried task never notifies twice.
 */
import type { StaffRole } from '../http/api-types';
import type { Suggestion } from '../domain/suggestion/suggestion';
import type { Directory, NotificationEvent, NotificationRequest } from '../ports';

export async function staffRecipients(
  directory: Directory,
  s: Suggestion,
  event: NotificationEvent,
  checkpoint: string,
  audience: { roles: StaffRole[]; departmentId?: string },
  params: Record<string, string | number>,
): Promise<NotificationRequest[]> {
  const staff = (await directory.staff(s.orgId)).filter(
    (p) => audience.roles.includes(p.role) && (!audience.departmentId || p.role !== 'handler' || p.departmentId === audience.departmentId),
  );
  const out: NotificationRequest[] = [];
  for (const person of staff) {
    for (const [channel, to] of [['email', person.email], ['sms', person.phone]] as const) {
      if (!to) continue;
      out.push({ idempotencyKey: `${s.id}#${event}#${channel}#${to}#${checkpoint}`, event, suggestionId: s.id, channel, to, locale: 'zh-CN', params });
    }
  }
  return out;
}

export function citizenRecipients(s: Suggestion, event: NotificationEvent, checkpoint: string, params: Record<string, string | number>): NotificationRequest[] {
  if (!s.contact?.consent) return [];
  const out: NotificationRequest[] = [];
  for (const [channel, to] of [['sms', s.contact.phone], ['email', s.contact.email]] as const) {
    if (!to) continue;
    out.push({ idempotencyKey: `${s.id}#${event}#${channel}#${to}#${checkpoint}`, event, suggestionId: s.id, channel, to, locale: 'zh-CN', params });
  }
  return out;
}

export function commonParams(s: Suggestion, publicBaseUrl: string): Record<string, string> {
  return {
    title: s.title,
    trackingCode: s.trackingCode,
    dueDate: s.dueAt.slice(0, 10),
    staffUrl: `${publicBaseUrl}/#/staff/s/${s.id}`,
    trackUrl: `${publicBaseUrl}/#/track?code=${s.trackingCode}`,
    answerUrl: `${publicBaseUrl}/#/answer?code=${s.trackingCode}`,
    rateUrl: `${publicBaseUrl}/#/rate?code=${s.trackingCode}`,
  };
}

/** Who is responsible in each phase: dispatchers while screening, the lead department's handlers after. */
export function responsibleAudience(s: Suggestion): { roles: StaffRole[]; departmentId?: string } {
  return s.leadDepartmentId && !['submitted', 'screening'].includes(s.status)
    ? { roles: ['handler'], departmentId: s.leadDepartmentId }
    : { roles: ['dispatcher'] };
}
