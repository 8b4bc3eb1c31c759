/**
 * What each audience sees of a campaign. The public never sees a draft, who created it, or its target
 * departments; the organizer's list shows the counts beside the state.
 */
import type { Category } from '../intake/categories';
import type { Questionnaire } from '../questionnaire/questionnaire';
import type { Campaign, CampaignState, ResponsePolicy, Station } from './campaign';
import type { CampaignFigures } from './figures';
import { isAccepting } from './lifecycle';

/** A line of the organizer's list. */
export interface CampaignListItem {
  id: string;
  title: string;
  state: CampaignState;
  opensAt: string;
  closesAt: string;
  hasQuestionnaire: boolean;
  stations: number;
  counts: { suggestions: number; responses: number; participants: number };
}

/** The public page of a campaign (`#/c/{id}`) and a line of the portal's list. */
export interface PublicCampaign {
  id: string;
  title: string;
  titleEn?: string;
  theme: string;
  themeEn?: string;
  /** Where the cover image is served from, if there is one. */
  coverUrl?: string;
  categories: Category[];
  opensAt: string;
  closesAt: string;
  state: Exclude<CampaignState, 'draft'>;
  /** Whether it takes submissions and responses now (the window decides). */
  accepting: boolean;
  questionnaire?: Questionnaire;
  /** In the portal's list (which leaves the questionnaire out): whether the page has one. */
  hasQuestionnaire?: true;
  responsePolicy: ResponsePolicy;
  stations: Station[];
  /** After publication: the organizer's summary and the figures. */
  results?: { summary: string; summaryEn?: string; publishedAt: string; figures: CampaignFigures };
}

export function publicCampaign(c: Campaign, now: Date, figures?: CampaignFigures, coverUrl?: string): PublicCampaign {
  if (c.state === 'draft') throw new Error('a draft campaign has no public view');
  return {
    id: c.id,
    title: c.title,
    ...(c.titleEn ? { titleEn: c.titleEn } : {}),
    theme: c.theme,
    ...(c.themeEn ? { themeEn: c.themeEn } : {}),
    ...(coverUrl ? { coverUrl } : {}),
    categories: c.categories,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    state: c.state,
    accepting: isAccepting(c, now),
    ...(c.questionnaire ? { questionnaire: c.questionnaire } : {}),
    responsePolicy: c.responsePolicy,
    stations: c.stations,
    ...(c.state === 'published' && c.results && figures
      ? { results: { summary: c.results.summary, ...(c.results.summaryEn ? { summaryEn: c.results.summaryEn } : {}), publishedAt: c.results.publishedAt, figures } }
      : {}),
  };
}

export function campaignListItem(c: Campaign, figures: Pick<CampaignFigures, 'suggestions' | 'responses' | 'participants'>): CampaignListItem {
  return {
    id: c.id,
    title: c.title,
    state: c.state,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    hasQuestionnaire: !!c.questionnaire,
    stations: c.stations.length,
    counts: { suggestions: figures.suggestions, responses: figures.responses, participants: figures.participants },
  };
}
