/** The suggestion (人民建议) entity as the domain sees it. Storage adds keys around it; it adds nothing here. */
import type { Adoption, FeaturedMark } from './adoption';

export const statuses = [
  'submitted',
  'screening',
  'rejected',
  'merged',
  'assigned',
  'signed',
  'infoRequested',
  'replied',
  'reopened',
  'closed',
] as const;
export type SuggestionStatus = (typeof statuses)[number];

/** Statuses in which the suggestion is still being worked and so has a live deadline. */
export const openStatuses: readonly SuggestionStatus[] = [
  'submitted',
  'screening',
  'assigned',
  'signed',
  'infoRequested',
  'replied',
  'reopened',
];

export const channels = ['web', 'qr', 'miniapp', 'hotline', 'offline', 'import', 'open311'] as const;
export type Channel = (typeof channels)[number];

/** The channels a citizen reaches on their own through the public form; the others need staff or an integration key. */
export const publicChannels = ['web', 'qr'] as const satisfies readonly Channel[];

// Every channel into one queue (issue 12)
/** Where an offline suggestion came in (渠道 offline): a suggestion box, a station (征集点), a door-to-door visit. */
export const offlineKinds = ['box', 'station', 'visit'] as const;
export type OfflineKind = (typeof offlineKinds)[number];

/**
 * Where a suggestion came from, beyond its channel, so each one in the queue is traceable to its source
 * ("多渠道接收、一平台分办"). Set once at intake, never changed.
 */
export interface SuggestionSource {
  /** 代录: the staff member who entered it on the citizen's behalf (hotline operator, station staff), and when. */
  enteredBy?: { id: string; name?: string; at: string };
  /** Channel offline: box, station or visit. */
  offlineKind?: OfflineKind;
  /** Free text naming the place or line: the station's or box's name, the hotline's call reference. */
  place?: string;
  /** 接入方: the integration whose key submitted it; its state changes are delivered back to that integration. */
  integrationId?: string;
  /** The other system (e.g. "12345") and its own record id: import and integrations are idempotent on the pair. */
  system?: string;
  recordId?: string;
  /** 批量导入: the import that created it. */
  importId?: string;
}

export const tiers = ['immediate', 'deadline', 'study'] as const;
export type Tier = (typeof tiers)[number];

export interface Location {
  address?: string;
  lat?: number;
  long?: number;
}

export interface Contact {
  name?: string;
  phone?: string;
  email?: string;
  /** The citizen agreed that staff may use these details to reach them about this suggestion. */
  consent: boolean;
  /** 在案例库中署名: the citizen agreed to be named (by `name`) if the idea is shown in the public case library. */
  creditConsent?: boolean;
}

export type ActorType = 'citizen' | 'staff' | 'system';
export interface Actor {
  type: ActorType;
  id: string;
  name?: string;
  role?: string;
  /** A handler's department: the timeline says which department acted (a co-handler's opinion, a reply). */
  departmentId?: string;
}

export type Visibility = 'public' | 'internal';

export interface TimelineEntry {
  at: string;
  seq: string;
  action: string;
  actor: Actor;
  fromStatus: SuggestionStatus | null;
  toStatus: SuggestionStatus;
  visibility: Visibility;
  note?: string;
}

export interface Suggestion {
  id: string;
  orgId: string;
  trackingCode: string;
  /** Salted hash of the citizen's PIN; the PIN itself is never stored. */
  pinHash: string;
  title: string;
  content: string;
  category: string;
  channel: Channel;
  location?: Location;
  contact?: Contact;
  /** The language the citizen submitted in: their notifications (reply, information request) use it. */
  locale?: 'zh-CN' | 'en';
  campaignId?: string;
  /** The campaign's station (征集点) whose QR code brought the citizen here. */
  stationId?: string;
  /** Where it came from beyond the channel (staff entry, import, integration): issue 12. */
  source?: SuggestionSource;
  status: SuggestionStatus;
  tier?: Tier;
  leadDepartmentId?: string;
  cohandlerDepartmentIds?: string[];
  /** The deadline of the current phase (screening, sign, handling, rating), ISO instant. */
  dueAt: string;
  submittedAt: string;
  updatedAt: string;
  /** The last reply; `dueAt`: the handling deadline in force when it was given (on time or not). */
  reply?: { text: string; at: string; departmentId: string; adopted?: boolean; dueAt?: string };
  /** When the current time-limited phase began (its reminders are measured from here to dueAt). */
  phaseStartedAt?: string;
  pendingExtension?: { workingDays: number; reason: string; requestedAt: string; requestedBy: string };
  extensionsApproved?: number;
  infoRequest?: { question: string; askedAt: string; answer?: string; answeredAt?: string };
  /** The citizen's rating: how satisfied, and (asked since the rates) whether the problem was solved. */
  rating?: { rating: Rating; resolution?: Resolution; comment?: string; at: string };
  reopenCount?: number;
  /** When the lead department last posted a progress note (研办 study tier): that period's reminder is not sent. */
  progressNotedAt?: string;
  mergedInto?: string;
  /** Set when a deadline passed or a second dissatisfied rating: the 督办 record exists. */
  escalatedAt?: string;
  /** The last workflow failure, kept until the workflow is resumed. */
  workflowError?: { at: string; error: string; cause?: string };
  /** Optimistic-lock counter: every write checks and bumps it. */
  version: number;
  // Adoption records (issue 10, point 4):
  /** 采纳 / 转化运用: the idea was taken up (recorded once; corrected, never recorded twice), with its progress. */
  adoption?: Adoption;
  /** 案例库: marked for the public case library (only while adopted). */
  featured?: FeaturedMark;
}

export const ratings = ['satisfied', 'basic', 'dissatisfied'] as const;
export type Rating = (typeof ratings)[number];

/** The rating's second question: was the problem solved? (解决率 counts "partly" as half.) */
export const resolutions = ['yes', 'partly', 'no'] as const;
export type Resolution = (typeof resolutions)[number];
