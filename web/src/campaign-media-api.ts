/**
 * The campaign media calls (issue 11): the public case library, and for staff the poster's data, the cover upload
 * and the close report. Through the one fetch wrapper (api.ts) but the cover, whose body is the image itself.
 */
import type { CampaignFigures } from '../../shared/domain/campaign/figures';
import type { Campaign } from '../../shared/domain/campaign/campaign';
import type { ApiError, CampaignPoster, CaseLibraryPage, CoverUploaded, ExportView } from '../../shared/http/api-types';
import { RequestError, request } from './api';
import { currentLocale, t } from './i18n';
import { readToken } from './session';

export interface CaseLibraryFilters {
  campaign?: string;
  category?: string;
  cursor?: string;
}

export function getCaseLibrary(filters: CaseLibraryFilters): Promise<CaseLibraryPage> {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]));
  const qs = query.toString();
  return request(`/api/case-library${qs ? `?${qs}` : ''}`);
}

/** The public campaigns (for the library's campaign filter): GET /api/campaigns. */
export async function getPublicCampaigns(): Promise<{ id: string; title: string; titleEn?: string }[]> {
  const answer = await request<{ campaigns?: { id: string; title: string; titleEn?: string }[] }>('/api/campaigns');
  return answer.campaigns ?? [];
}

export function getCampaignPoster(campaignId: string, station?: string): Promise<CampaignPoster> {
  return request(`/api/staff/campaigns/${encodeURIComponent(campaignId)}/poster${station ? `?station=${encodeURIComponent(station)}` : ''}`, { staff: true });
}

/**
 * The organizer's campaign (GET /api/staff/campaigns/{id}): the report needs its questionnaire, stations and
 * results. Read as the Campaign fields it needs, whatever else the answer carries.
 */
export function getStaffCampaign(campaignId: string): Promise<Campaign> {
  return request(`/api/staff/campaigns/${encodeURIComponent(campaignId)}`, { staff: true });
}

export function getCampaignFigures(campaignId: string): Promise<CampaignFigures> {
  return request(`/api/staff/campaigns/${encodeURIComponent(campaignId)}/figures`, { staff: true });
}

export function requestCampaignReport(campaignId: string): Promise<ExportView> {
  return request(`/api/staff/campaigns/${encodeURIComponent(campaignId)}/report`, { method: 'POST', body: {}, staff: true });
}

/**
 * PUT /api/staff/campaigns/{id}/cover?version=: the image file itself as the body (JPEG, PNG or WebP, at most
 * 1 MB; the server tells the type by its bytes). Answers the campaign's new version and the cover's URL.
 */
export async function uploadCampaignCover(campaignId: string, file: Blob, version: number): Promise<CoverUploaded> {
  let response: Response;
  try {
    response = await fetch(`/api/staff/campaigns/${encodeURIComponent(campaignId)}/cover?version=${version}`, {
      method: 'PUT',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLocale(),
        'Content-Type': file.type || 'application/octet-stream',
        ...(readToken() ? { Authorization: `Bearer ${readToken()}` } : {}),
      },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new RequestError(0, 'network', t('net.error'));
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as CoverUploaded;
  const error = (payload as ApiError | undefined)?.error;
  if (error) throw new RequestError(response.status, error.code, error.message, error.fields);
  throw new RequestError(response.status, 'unexpected', t('net.unexpected', { status: response.status }));
}
