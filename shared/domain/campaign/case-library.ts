/**
 * 金点子 / 案例库: what the public case library shows of a featured adopted idea — its title and category, the
 * campaign it came in (never a draft one), what became of it (the adoption's outcome and its public progress
 * updates), the adopting department and day, and who to thank: the name the citizen gave, only when they agreed to
 * be credited (`creditConsent`), otherwise nobody by name ("一位市民"). Never the content, the contact details, the
 * tracking code, or the staff who recorded it. Pure.
 */
import * as z from 'zod';
import { categories, type Category } from '../intake/categories';
import type { Suggestion } from '../suggestion/suggestion';
import type { Campaign } from './campaign';
import { campaignIdPattern } from './campaign';

export interface CaseLibraryEntry {
  id: string;
  title: string;
  category: Category;
  /** The campaign it was submitted in, when that campaign is public. */
  campaign?: { id: string; title: string; titleEn?: string };
  /** 转化运用: what was done with it. */
  outcome: string;
  /** The office day it was adopted (YYYY-MM-DD). */
  adoptedOn: string;
  department: { name: string; nameEn: string };
  evidenceUrl?: string;
  /** 转化运用进展, oldest first. */
  updates: { text: string; date: string; evidenceUrl?: string }[];
  /** The citizen's name as they gave it, only with their consent; absent means "a resident". */
  creditedTo?: string;
  /** When it was marked for the library (the list's order, newest first). */
  featuredAt: string;
}

export interface CaseLibraryPage {
  items: CaseLibraryEntry[];
  nextCursor?: string;
}

/** The citizen's name, if they gave one and agreed to be named in the library. */
export function creditName(contact: Suggestion['contact']): string | undefined {
  const name = contact?.name?.trim();
  return contact?.creditConsent === true && name ? name : undefined;
}

/**
 * The public entry of a featured idea, or undefined when it is not one to show (no longer featured or adopted).
 * `campaigns` are the organisation's campaigns by id: a draft one is not named (it has no public page).
 */
export function caseLibraryEntry(s: Suggestion, campaigns: ReadonlyMap<string, Pick<Campaign, 'id' | 'title' | 'titleEn' | 'state'>>): CaseLibraryEntry | undefined {
  const adoption = s.adoption;
  if (!adoption || !s.featured) return undefined;
  const campaign = s.campaignId ? campaigns.get(s.campaignId) : undefined;
  const credit = creditName(s.contact);
  return {
    id: s.id,
    title: s.title,
    category: s.category as Category,
    ...(campaign && campaign.state !== 'draft' ? { campaign: { id: campaign.id, title: campaign.title, ...(campaign.titleEn ? { titleEn: campaign.titleEn } : {}) } } : {}),
    outcome: adoption.outcome,
    adoptedOn: adoption.adoptedOn,
    department: { name: adoption.departmentName, nameEn: adoption.departmentNameEn },
    ...(adoption.evidenceUrl ? { evidenceUrl: adoption.evidenceUrl } : {}),
    updates: adoption.updates.map((u) => ({ text: u.text, date: u.date, ...(u.evidenceUrl ? { evidenceUrl: u.evidenceUrl } : {}) })),
    ...(credit ? { creditedTo: credit } : {}),
    featuredAt: s.featured.at,
  };
}

export const caseLibraryPageSize = { default: 20, max: 50 } as const;

/** The library's query string: `?campaign=&category=&cursor=&limit=`. */
export const caseLibraryQuerySchema = z.strictObject({
  campaign: z.string().trim().regex(campaignIdPattern, { message: 'campaignIdFormat' }).optional(),
  category: z.enum(categories).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(caseLibraryPageSize.max).default(caseLibraryPageSize.default),
});
export type CaseLibraryQuery = z.output<typeof caseLibraryQuerySchema>;
