/**
 * The campaign API's shapes that docs/campaigns.md names but no shared file defines yet (the entities and views
 * themselves are the domain's, re-exported by shared/http/api-types.ts). Kept here, with the web code that uses
 * them, until the handlers' own types replace them.
 */
import type { Answers, Campaign, CampaignAction, CampaignListItem, PublicCampaign } from '../../shared/http/api-types';
import type { Locale } from '../../shared/domain/i18n/messages';

/** GET/POST/PUT /api/staff/campaigns/{id} and POST …/state answer the whole campaign as the organizer sees it. */
export type StaffCampaign = Omit<Campaign, 'orgId'> & { orgId?: string };

/** GET /api/staff/campaigns */
export interface CampaignListResponse {
  campaigns: CampaignListItem[];
}

/** GET /api/campaigns */
export interface PublicCampaignsResponse {
  campaigns: PublicCampaign[];
}

/** POST /api/staff/campaigns/{id}/state (the scheduled job's `open` is not the organizer's to press). */
export interface CampaignStateRequest {
  action: Exclude<CampaignAction, 'open'>;
  reason?: string;
  summary?: string;
  summaryEn?: string;
  version: number;
}

/** POST /api/campaigns/{id}/responses */
export interface ResponseRequest {
  responseId: string;
  answers: Answers;
  stationId?: string;
  locale?: Locale;
  phone?: string;
  phoneCode?: string;
  browserId?: string;
}

/** 201 (or 200 for a retry of the same responseId). */
export interface ResponseReceipt {
  responseId: string;
  receivedAt: string;
}

/** GET /api/staff/campaigns/{id}/responses?question=&q=&cursor= (the server's shape). */
export type { ResponsesBrowseResponse as TextAnswersResponse, TextAnswerItem as TextAnswer } from '../../shared/http/api-types';
