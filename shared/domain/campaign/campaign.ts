/**
 * A campaign (专题征集): a time-boxed thematic collection with its own public page, categories offered, target
 * departments, optional questionnaire, stations (where its posters hang) and, once it ends, published results.
 * Suggestions outside any campaign are "standing". Its id is its slug: the public page is `#/c/{id}`.
 */
import type { Category } from '../intake/categories';
import type { Questionnaire } from '../questionnaire/questionnaire';

/** draft -> scheduled -> open -> closed -> published (see lifecycle.ts for who moves it and when). */
export const campaignStates = ['draft', 'scheduled', 'open', 'closed', 'published'] as const;
export type CampaignState = (typeof campaignStates)[number];

/**
 * One response per person, or not: `phone` asks for a phone verified by an SMS code, `browser` remembers this
 * browser (a soft limit: another browser can answer again — the page says so).
 */
export const responsePolicies = ['any', 'phone', 'browser'] as const;
export type ResponsePolicy = (typeof responsePolicies)[number];

/** 征集点: where a poster or box is. A scan of its QR code records its id on what is submitted. */
export interface Station {
  id: string;
  name: string;
}

/** One change of state: who (a staff name, or `system` for the scheduled opening and closing) and when. */
export interface CampaignStateChange {
  at: string;
  from: CampaignState;
  to: CampaignState;
  by: string;
  /** Why, when the organizer said (closing early, unscheduling). */
  reason?: string;
}

/** What the organizer publishes when the campaign ends: shown on the public page with the figures. */
export interface CampaignResults {
  summary: string;
  summaryEn?: string;
  publishedAt: string;
  publishedBy: string;
}

export interface Campaign {
  orgId: string;
  /** The slug: lower-case letters, digits and hyphens; fixed once created (posters carry it). */
  id: string;
  title: string;
  titleEn?: string;
  /** The theme text: what the organisation asks about and why. */
  theme: string;
  themeEn?: string;
  /** An optional cover image kept in the file store (its key), shown on the public page and the poster. */
  cover?: { key: string; contentType: string };
  /** The categories a suggestion in this campaign may be filed under (at least one). */
  categories: Category[];
  /** The window, ISO instants: submissions and responses are accepted from opensAt until (not at) closesAt. */
  opensAt: string;
  closesAt: string;
  /** The departments the campaign's suggestions are meant for (the dispatcher's first choice). */
  targetDepartmentIds: string[];
  questionnaire?: Questionnaire;
  responsePolicy: ResponsePolicy;
  stations: Station[];
  state: CampaignState;
  results?: CampaignResults;
  history: CampaignStateChange[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Optimistic-lock counter: every write checks and bumps it. */
  version: number;
}

/** What a campaign item holds about the people: nothing; counts live in the campaign's aggregate. */
export const campaignIdPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const stationIdPattern = /^[a-z0-9-]{1,32}$/;
