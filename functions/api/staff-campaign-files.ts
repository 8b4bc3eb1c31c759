/**
 * Campaigns' files for staff (issue 11): what the printable poster shows (GET /api/staff/campaigns/{campaignId}/poster,
 * with the QR code as an SVG to inline), the cover image upload (PUT /api/staff/campaigns/{campaignId}/cover?version=,
 * the image's bytes as the body — JPEG, PNG or WebP, at most 1 MB) and the close report's workbook
 * (POST /api/staff/campaigns/{campaignId}/report: a background job; the file appears in the person's exports).
 */
import { campaignStore, exportStore, publicBaseUrl, systemClock } from '../../shared/aws/composition';
import { organisationProfile } from '../../shared/aws/composition-campaign-media';
import { fileJobQueue } from '../../shared/aws/composition-file-jobs';
import { fileWriter } from '../../shared/aws/composition-files';
import { coverLimits } from '../../shared/domain/campaign/cover-image';
import { apiHandler, byRoute, type ApiRequest } from '../../shared/http/api-handler';
import { staffAuthenticator } from '../../shared/http/staff-auth';
import { uploadCover } from '../../shared/use-cases/campaign-media/campaign-cover';
import { campaignPoster } from '../../shared/use-cases/campaign-media/campaign-poster';
import { requestCampaignReport } from '../../shared/use-cases/campaign-media/campaign-report';

const campaigns = campaignStore();
const coverDeps = { campaigns, files: fileWriter(), clock: systemClock };
const posterDeps = { campaigns, organisations: organisationProfile(), publicBaseUrl: publicBaseUrl() };
const reportDeps = { campaigns, exports: exportStore(), jobs: fileJobQueue(), clock: systemClock };
const campaignId = (request: ApiRequest) => request.event.pathParameters?.campaignId ?? '';

export const handler = apiHandler(
  byRoute({
    'PUT /api/staff/campaigns/{campaignId}/cover': async (request) => ({
      status: 200,
      body: await uploadCover(coverDeps, request.principal!, campaignId(request), {
        body: request.binaryBody,
        query: request.event.queryStringParameters ?? {},
      }),
    }),
    'GET /api/staff/campaigns/{campaignId}/poster': async (request) => ({
      status: 200,
      body: await campaignPoster(posterDeps, request.principal!, campaignId(request), request.event.queryStringParameters ?? {}),
    }),
    'POST /api/staff/campaigns/{campaignId}/report': async (request) => ({
      status: 202,
      body: await requestCampaignReport(reportDeps, request.principal!, campaignId(request), request.locale),
    }),
  }),
  {
    authenticate: staffAuthenticator(),
    // Twice the cover's limit: a larger image is still read and answered 400 naming `cover`; past this, 413.
    binaryBodies: { 'PUT /api/staff/campaigns/{campaignId}/cover': { maxBytes: 2 * coverLimits.maxBytes } },
  },
);
