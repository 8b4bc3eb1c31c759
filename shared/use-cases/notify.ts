/**
 * Who hears about what: builds notification requests for staff (by role, optionally one department) and for
 * the citizen (only with consent). Each request's idempotency key names suggestion, event, recipient and
 * checkpoint, so a retried task never notifies twice.
 */
import type { StaffRole } from '../domain/staff/staff';
import type { Suggestion } from '../domain/suggestion/suggestion';
import type { Directory, NotificationEvent, NotificationRequest } from '../ports';

/** Whose settings apply when it is delivered (the SMS quiet hours): the suggestion's organisation and campaign. */
export function deliveryScope(s: Pick<Suggestion, 'orgId' | 'campaignId'>): Pick<NotificationRequest, 'orgId' | 'campaignId'> {
  return { orgId: s.orgId, ...(s.campaignId ? { campaignId: s.campaignId } : {}) };
}

/** Staff roles to notify (active accounts only); handlers only of the named departments (when any are named). */
export interface Audience {
  roles: StaffRole[];
  departmentId?: string;
  departmentIds?: string[];
}

export async function staffRecipients(
  directory: Directory,
  s: Suggestion,
  event: NotificationEvent,
  checkpoint: string,
  audience: Audience,
  params: Record<string, string | number>,
): Promise<NotificationRequest[]> {
  const departments = [...(audience.departmentId ? [audience.departmentId] : []), ...(audience.departmentIds ?? [])];
  const staff = (await directory.staff(s.orgId)).filter(
    (p) => p.active !== false && audience.roles.includes(p.role) && (!departments.length || p.role !== 'handler' || (!!p.departmentId && departments.includes(p.departmentId))),
  );
  const out: NotificationRequest[] = [];
  for (const person of staff) {
    for (const [channel, to] of [['email', person.email], ['sms', person.phone]] as const) {
      if (!to) continue;
      out.push({ idempotencyKey: `${s.id}#${event}#${channel}#${to}#${checkpoint}`, event, suggestionId: s.id, ...deliveryScope(s), channel, to, locale: 'zh-CN', params });
    }
  }
  return out;
}

/** The citizen, only with consent, in the language they submitted in. */
export function citizenRecipients(s: Suggestion, event: NotificationEvent, checkpoint: string, params: Record<string, string | number>): NotificationRequest[] {
  if (!s.contact?.consent) return [];
  const out: NotificationRequest[] = [];
  for (const [channel, to] of [['sms', s.contact.phone], ['email', s.contact.email]] as const) {
    if (!to) continue;
    out.push({ idempotencyKey: `${s.id}#${event}#${channel}#${to}#${checkpoint}`, event, suggestionId: s.id, ...deliveryScope(s), channel, to, locale: s.locale ?? 'zh-CN', params });
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

const handlingStatuses: readonly Suggestion['status'][] = ['signed', 'infoRequested', 'reopened'];

/**
 * Who is responsible in each phase: dispatchers while screening, the lead department's handlers after; while it
 * is being handled, the co-handling departments' handlers too (their opinion is due before the deadline).
 */
export function responsibleAudience(s: Suggestion): Audience {
  if (!s.leadDepartmentId || ['submitted', 'screening'].includes(s.status)) return { roles: ['dispatcher'] };
  const cohandlers = handlingStatuses.includes(s.status) ? (s.cohandlerDepartmentIds ?? []) : [];
  return { roles: ['handler'], departmentIds: [s.leadDepartmentId, ...cohandlers] };
}
