/**
 * The shapes each audience sees a suggestion in (built by views.ts): the citizen's view behind code + PIN, the
 * staff queue row, and the staff detail with contact details masked.
 */
import type { Adoption, FeaturedMark } from './adoption';
import type { Channel, SuggestionSource, Rating, Resolution, SuggestionStatus, Tier, Visibility } from './suggestion';

export interface PublicTimelineEntry {
  at: string;
  action: string;
  status: SuggestionStatus;
  note?: string;
  // Issue 12: staff entry and callbacks
  /** 由工作人员代录: the submission was entered by staff on the citizen's behalf (never who: the note is left out). */
  enteredByStaff?: true;
}

/** 200 from GET /api/suggestions/{trackingCode} with header x-tracking-pin. */
export interface CitizenView {
  trackingCode: string;
  title: string;
  content: string;
  category: string;
  channel: Channel;
  status: SuggestionStatus;
  submittedAt: string;
  dueAt: string;
  timeline: PublicTimelineEntry[];
  reply?: { text: string; at: string };
  /** an open question from the handler, answered at POST …/info-answer. */
  infoRequest?: { question: string; askedAt: string };
  /** true while the reply may be rated (POST …/rating). */
  canRate?: boolean;
  /** 采纳: what became of the idea, and its progress updates (adoption records, issue 10 point 4). */
  adoption?: CitizenAdoption;
}

/** The public part of an adoption record: no staff names, no corrections' reasons. */
export interface CitizenAdoption {
  outcome: string;
  adoptedOn: string;
  departmentName: string;
  departmentNameEn: string;
  evidenceUrl?: string;
  updates: { text: string; date: string; evidenceUrl?: string }[];
}

export interface MaskedContact {
  name?: string;
  phone?: string;
  email?: string;
  consent: boolean;
}

/** One row of GET /api/staff/suggestions */
export interface QueueItem {
  id: string;
  trackingCode: string;
  title: string;
  category: string;
  channel: Channel;
  status: SuggestionStatus;
  tier?: Tier;
  leadDepartmentId?: string;
  submittedAt: string;
  dueAt: string;
  overdue: boolean;
  campaignId?: string;
  /** 已采纳 (by its record, or the reply's flag on older data). */
  adopted?: true;
}

export interface StaffTimelineEntry {
  at: string;
  action: string;
  fromStatus: SuggestionStatus | null;
  toStatus: SuggestionStatus;
  visibility: Visibility;
  actor: { type: 'citizen' | 'staff' | 'system'; id: string; name?: string; role?: string; departmentId?: string };
  note?: string;
}

/** GET /api/staff/suggestions/{id} — contact details masked; reveal them with the POST below. */
export interface StaffSuggestionDetail extends QueueItem {
  content: string;
  location?: { address?: string; lat?: number; long?: number };
  contact?: MaskedContact;
  contactMasked: boolean;
  cohandlerDepartmentIds?: string[];
  // Issue 12: staff entry and callbacks — who entered it (代录), by which line, where.
  source?: SuggestionSource;
  timeline: StaffTimelineEntry[];
  reply?: { text: string; at: string; departmentId: string };
  /** what the signed-in staff member may do now (route suffixes: 'screen', 'sign', 'send-back',
   * 'info-request', 'extension-request', 'extension-decision', 'cohandler-opinion', 'progress-note', 'reply',
   * 'escalation-instruction', 'resume-workflow'). */
  availableActions?: string[];
  pendingExtension?: { workingDays: number; reason: string; requestedAt: string; requestedBy: string };
  infoRequest?: { question: string; askedAt: string; answer?: string; answeredAt?: string };
  rating?: { rating: Rating; resolution?: Resolution; comment?: string; at: string };
  reopenCount?: number;
  /** Set while the workflow is parked after an unexpected error (an admin may resume it). */
  workflowError?: { at: string; error: string; cause?: string };
  /** The adoption record with its updates and corrections, and the case-library mark. */
  adoption?: Adoption;
  featured?: FeaturedMark;
  /**
   * The campaign it came in through (专题征集): its title, the station whose QR code was scanned, and the departments
   * the campaign's suggestions are meant for (the dispatcher's first choice when assigning).
   */
  campaign?: { id: string; title: string; station?: { id: string; name: string }; targetDepartmentIds: string[] };
}
