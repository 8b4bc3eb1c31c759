/**
 * Campaigns' public media (issue 11): the QR codes of a campaign's page for its posters
 * (GET /api/campaigns/{campaignId}/qr.svg|qr.png?station=&size=), its cover image (GET …/cover), and the case
 * library of featured adopted ideas (GET /api/case-library). No token: a draft campaign is 404 here as everywhere.
 */
import { campaignStore, orgId as configuredOrgId, publicBaseUrl } from '../../shared/aws/composition';
import { caseLibrary, fileReader } from '../../shared/aws/composition-campaign-media';
import { apiHandler, byRoute, type ApiRequest, type ApiResult } from '../../shared/http/api-handler';
import { campaignQr } from '../../shared/use-cases/campaign-media/campaign-qr';
import { coverImage } from '../../shared/use-cases/campaign-media/campaign-cover';
import { listCaseLibrary } from '../../shared/use-cases/campaign-media/case-library';

const orgId = configuredOrgId();
const campaigns = campaignStore();
const qrDeps = { campaigns, publicBaseUrl: publicBaseUrl() };
const coverDeps = { campaigns, files: fileReader() };
const libraryDeps = { campaigns, library: caseLibrary() };
const campaignId = (request: ApiRequest) => request.event.pathParameters?.campaignId ?? '';
const query = (request: ApiRequest) => request.event.queryStringParameters ?? {};

/** A QR image: kept by the browser for an hour (it changes only with the campaign and station). */
async function qr(request: ApiRequest, format: 'svg' | 'png'): Promise<ApiResult> {
  const image = await campaignQr(qrDeps, orgId, campaignId(request), format, query(request));
  return {
    status: 200,
    file: { contentType: image.contentType, body: image.body },
    headers: { 'cache-control': 'public, max-age=3600', 'content-disposition': `inline; filename="${image.fileName}"` },
  };
}

export const handler = apiHandler(
  byRoute({
    'GET /api/campaigns/{campaignId}/qr.svg': (request) => qr(request, 'svg'),
    'GET /api/campaigns/{campaignId}/qr.png': (request) => qr(request, 'png'),
    'GET /api/campaigns/{campaignId}/cover': async (request) => {
      const image = await coverImage(coverDeps, orgId, campaignId(request));
      // A new cover is a new URL (campaignCoverUrl): a day in the browser is safe.
      return { status: 200, file: { contentType: image.contentType, body: image.body }, headers: { 'cache-control': 'public, max-age=86400' } };
    },
    'GET /api/case-library': async (request) => ({
      status: 200,
      body: await listCaseLibrary(libraryDeps, orgId, query(request)),
      headers: { 'cache-control': 'public, max-age=60' },
    }),
  }),
);
