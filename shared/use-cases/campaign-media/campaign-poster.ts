/**
 * What the organizer's printable poster of a campaign shows (GET /api/staff/campaigns/{id}/poster?station=):
 * the organisation's name, the campaign's title, shortened theme, window and cover, the chosen station, its QR
 * code as an SVG to inline, and where to follow a suggestion up. Any state, a draft too: posters are printed
 * before a campaign opens (the public QR images answer only once it is no longer a draft).
 * Primary course:
 *  1. an office role (a department's handler does not make posters); the campaign in their organisation (404);
 *  2. check the station against the campaign (400 naming `station`);
 *  3. encode the page URL as an SVG QR code; read the organisation's name.
 */
import QRCode from 'qrcode';
import type { CampaignState, Station } from '../../domain/campaign/campaign';
import { campaignIdPattern } from '../../domain/campaign/campaign';
import { campaignCoverUrl, campaignPageUrl, campaignQrPath, qrRequest } from '../../domain/campaign/campaign-links';
import { shortenTheme } from '../../domain/campaign/poster';
import { NotFoundError } from '../../domain/errors';
import { requireRole, type StaffPrincipal } from '../../domain/staff/principal';
import type { CampaignStore, OrganisationProfileSource } from '../../ports';
import { campaignReportRoles } from './campaign-report';

export interface CampaignPoster {
  organisation?: { name: string; nameEn?: string };
  campaign: {
    id: string;
    title: string;
    titleEn?: string;
    /** Shortened for print (poster.ts). */
    theme: string;
    themeEn?: string;
    opensAt: string;
    closesAt: string;
    state: CampaignState;
    stations: Station[];
    coverUrl?: string;
  };
  station?: Station;
  qr: { svg: string; text: string };
  /** The site's address, and its tracking page, printed as the way to follow a suggestion up. */
  siteUrl: string;
  trackUrl: string;
  /** The public QR images to download (they answer once the campaign is no longer a draft). */
  downloads: { svg: string; png: string };
}

export async function campaignPoster(
  deps: { campaigns: Pick<CampaignStore, 'get'>; organisations: OrganisationProfileSource; publicBaseUrl: string },
  principal: StaffPrincipal,
  campaignId: string,
  query: Record<string, string | undefined>,
): Promise<CampaignPoster> {
  requireRole(principal, campaignReportRoles);
  const c = campaignIdPattern.test(campaignId) ? await deps.campaigns.get(principal.orgId, campaignId) : undefined;
  if (!c) throw new NotFoundError('error.campaignNotFound');
  const { station, errorCorrection } = qrRequest(c, { station: query.station });
  const text = campaignPageUrl(deps.publicBaseUrl, c.id, station?.id);
  const [svg, organisation] = await Promise.all([QRCode.toString(text, { type: 'svg', errorCorrectionLevel: errorCorrection, margin: 4 }), deps.organisations.profile(principal.orgId)]);
  const coverUrl = campaignCoverUrl(c);
  const site = deps.publicBaseUrl.replace(/\/+$/, '');
  return {
    ...(organisation ? { organisation } : {}),
    campaign: {
      id: c.id,
      title: c.title,
      ...(c.titleEn ? { titleEn: c.titleEn } : {}),
      theme: shortenTheme(c.theme),
      ...(c.themeEn ? { themeEn: shortenTheme(c.themeEn) } : {}),
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      state: c.state,
      stations: c.stations,
      ...(coverUrl ? { coverUrl } : {}),
    },
    ...(station ? { station } : {}),
    qr: { svg, text },
    siteUrl: site,
    trackUrl: `${site}/#/track`,
    downloads: { svg: campaignQrPath(c.id, 'svg', station ? { stationId: station.id } : {}), png: campaignQrPath(c.id, 'png', { ...(station ? { stationId: station.id } : {}), size: 1024 }) },
  };
}
