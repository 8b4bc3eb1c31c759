/** What each audience may see of a suggestion. */
import type { CitizenView, MaskedContact, PublicTimelineEntry, QueueItem, StaffSuggestionDetail } from './view-types';
import { maskEmail, maskName, maskPhone } from '../masking';
import type { Contact, Suggestion, TimelineEntry } from './suggestion';
import { citizenAdoption, isAdopted } from './views-adoption';

export function citizenView(s: Suggestion, timeline: readonly TimelineEntry[]): CitizenView {
  return {
    trackingCode: s.trackingCode,
    title: s.title,
    content: s.content,
    category: s.category,
    channel: s.channel,
    status: s.status,
    submittedAt: s.submittedAt,
    dueAt: s.dueAt,
    timeline: timeline
      .filter((e) => e.visibility === 'public')
      .map((e) => publicEntry(e)),
    ...(s.reply ? { reply: { text: s.reply.text, at: s.reply.at } } : {}),
    ...(s.status === 'infoRequested' && s.infoRequest ? { infoRequest: { question: s.infoRequest.question, askedAt: s.infoRequest.askedAt } } : {}),
    canRate: s.status === 'replied',
    ...(s.adoption ? { adoption: citizenAdoption(s.adoption) } : {}),
  };
}

// Issue 12: staff entry and callbacks
/** A public timeline entry; a staff member's submission (代录) is marked as such, without its note naming them. */
function publicEntry(e: TimelineEntry): PublicTimelineEntry {
  if (e.action === 'submit' && e.actor.type === 'staff') return { at: e.at, action: e.action, status: e.toStatus, enteredByStaff: true };
  return { at: e.at, action: e.action, status: e.toStatus, ...(e.note ? { note: e.note } : {}) };
}

export function queueItem(s: Suggestion, now: Date): QueueItem {
  return {
    id: s.id,
    trackingCode: s.trackingCode,
    title: s.title,
    category: s.category,
    channel: s.channel,
    status: s.status,
    ...(s.tier ? { tier: s.tier } : {}),
    ...(s.leadDepartmentId ? { leadDepartmentId: s.leadDepartmentId } : {}),
    submittedAt: s.submittedAt,
    dueAt: s.dueAt,
    overdue: isOverdue(s, now),
    ...(s.campaignId ? { campaignId: s.campaignId } : {}),
    ...(isAdopted(s) ? { adopted: true as const } : {}),
  };
}

const finished = new Set(['rejected', 'merged', 'closed']);
export function isOverdue(s: Pick<Suggestion, 'status' | 'dueAt'>, now: Date): boolean {
  return !finished.has(s.status) && new Date(s.dueAt).getTime() < now.getTime();
}

/** 张三 → 张*; 13812345678 → 138****5678; zhang@example.com → z***@example.com */
export function maskContact(contact: Contact): MaskedContact {
  return {
    ...(contact.name ? { name: maskName(contact.name) } : {}),
    ...(contact.phone ? { phone: maskPhone(contact.phone) } : {}),
    ...(contact.email ? { email: maskEmail(contact.email) } : {}),
    consent: contact.consent,
  };
}

export function staffDetail(s: Suggestion, timeline: readonly TimelineEntry[], now: Date): StaffSuggestionDetail {
  return {
    ...queueItem(s, now),
    content: s.content,
    ...(s.location ? { location: s.location } : {}),
    ...(s.contact ? { contact: maskContact(s.contact) } : {}),
    contactMasked: true,
    ...(s.cohandlerDepartmentIds?.length ? { cohandlerDepartmentIds: s.cohandlerDepartmentIds } : {}),
    ...(s.source ? { source: s.source } : {}),
    timeline: timeline.map((e) => ({
      at: e.at,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      visibility: e.visibility,
      actor: e.actor,
      ...(e.note ? { note: e.note } : {}),
    })),
    ...(s.reply ? { reply: s.reply } : {}),
    ...(s.pendingExtension ? { pendingExtension: s.pendingExtension } : {}),
    ...(s.infoRequest ? { infoRequest: s.infoRequest } : {}),
    ...(s.rating ? { rating: s.rating } : {}),
    ...(s.reopenCount ? { reopenCount: s.reopenCount } : {}),
    ...(s.workflowError ? { workflowError: s.workflowError } : {}),
    ...(s.adoption ? { adoption: s.adoption } : {}),
    ...(s.featured ? { featured: s.featured } : {}),
  };
}
