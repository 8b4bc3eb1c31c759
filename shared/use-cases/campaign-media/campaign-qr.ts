/**
 * The QR code of a campaign's public page (GET /api/campaigns/{id}/qr.svg|qr.png?station=&size=), for posters.
 * Primary course:
 *  1. find the campaign (404 when unknown or a draft);
 *  2. check the query against it: a station must be one of its stations (400 naming `station`), a PNG's size in
 *     bounds (400 naming `size`);
 *  3. encode the page's URL (`{site}/#/c/{id}`, `?s={station}` when one is given) at error correction M (Q on
 *     request) as an SVG, or a PNG of the size asked.
 * The image changes only with the campaign's id and station, so browsers may keep it for an hour.
 */
import QRCode from 'qrcode';
import { campaignPageUrl, qrFileName, qrRequest } from '../../domain/campaign/campaign-links';
import type { CampaignStore } from '../../ports';
import { publicCampaignOrThrow } from '../campaigns/public-campaign';

export interface CampaignQrDeps {
  campaigns: Pick<CampaignStore, 'get'>;
  /** The site's address (PUBLIC_BASE_URL): what a phone opens. */
  publicBaseUrl: string;
}

export interface QrImage {
  contentType: 'image/svg+xml' | 'image/png';
  body: string | Buffer;
  fileName: string;
  /** The URL the code holds. */
  text: string;
}

/** A quiet zone of four modules, as the QR standard asks: a poster's border may be printed right up to it. */
const margin = 4;

export async function campaignQr(
  deps: CampaignQrDeps,
  orgId: string,
  campaignId: string,
  format: 'svg' | 'png',
  query: Record<string, string | undefined>,
): Promise<QrImage> {
  const campaign = await publicCampaignOrThrow(deps.campaigns, orgId, campaignId);
  const request = qrRequest(campaign, query);
  const text = campaignPageUrl(deps.publicBaseUrl, campaign.id, request.station?.id);
  const fileName = qrFileName(campaign.id, format, request.station?.id);
  if (format === 'svg') {
    const body = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: request.errorCorrection, margin });
    return { contentType: 'image/svg+xml', body, fileName, text };
  }
  const body = await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: request.errorCorrection, margin, width: request.size });
  return { contentType: 'image/png', body, fileName, text };
}
