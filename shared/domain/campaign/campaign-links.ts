/**
 * Where a campaign is reached from outside: the public page a poster's QR code opens (`#/c/{id}`, with `?s=` for
 * the station the poster hangs at), the QR images' and the cover's API paths, and what a QR request may ask for.
 * Pure: the QR function and the web's poster page build the same URLs from these.
 */
import { ValidationError } from '../errors';
import type { Campaign, Station } from './campaign';
import { stationIdPattern } from './campaign';

/** A QR code's error correction: M restores 15 % of a smudged or partly covered poster, Q 25 % (a bigger code). */
export const qrErrorCorrection = ['M', 'Q'] as const;
export type QrErrorCorrection = (typeof qrErrorCorrection)[number];

/** PNG width in pixels: a phone screen's code at the least, an A3 print at 300 dpi at the most. */
export const qrPngSize = { min: 128, max: 2048, default: 512 } as const;

/** The public page of the campaign, as a citizen's phone opens it: `https://site/#/c/{id}` and `?s={station}`. */
export function campaignPageUrl(publicBaseUrl: string, campaignId: string, stationId?: string): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const station = stationId ? `?s=${encodeURIComponent(stationId)}` : '';
  return `${base}/#/c/${encodeURIComponent(campaignId)}${station}`;
}

/** The API paths of the campaign's QR images (relative to the site: the web app and the API share the origin). */
export function campaignQrPath(campaignId: string, format: 'svg' | 'png', options: { stationId?: string; size?: number } = {}): string {
  const query = new URLSearchParams();
  if (options.stationId) query.set('station', options.stationId);
  if (format === 'png' && options.size) query.set('size', String(options.size));
  const qs = query.toString();
  return `/api/campaigns/${encodeURIComponent(campaignId)}/qr.${format}${qs ? `?${qs}` : ''}`;
}

/**
 * The cover's URL, if the campaign has one. The stored key changes with every upload, so its last segment is in
 * the URL: a browser may keep the image for long, and a new cover is a new URL.
 */
export function campaignCoverUrl(campaign: Pick<Campaign, 'id' | 'cover'>): string | undefined {
  if (!campaign.cover) return undefined;
  const version = campaign.cover.key.split('/').pop()!.replace(/\.\w+$/, '');
  return `/api/campaigns/${encodeURIComponent(campaign.id)}/cover?v=${encodeURIComponent(version)}`;
}

export interface QrRequest {
  station?: Station;
  /** PNG only: the width in pixels. */
  size: number;
  errorCorrection: QrErrorCorrection;
}

/**
 * What a QR request asks for, checked against the campaign: a station must be one of its stations (400 naming
 * `station` otherwise, so a poster never carries a code that records the wrong place), a size within bounds.
 */
export function qrRequest(campaign: Pick<Campaign, 'stations'>, query: Record<string, string | undefined>): QrRequest {
  const problems: ConstructorParameters<typeof ValidationError>[0] = {};
  let station: Station | undefined;
  const stationId = query.station?.trim();
  if (stationId) {
    station = stationIdPattern.test(stationId) ? campaign.stations.find((s) => s.id === stationId) : undefined;
    if (!station) {
      problems.station = campaign.stations.length
        ? { rule: 'oneOf', params: { options: campaign.stations.map((s) => s.id).join(', ') } }
        : { rule: 'noStations' };
    }
  }
  let size: number = qrPngSize.default;
  if (query.size !== undefined && query.size !== '') {
    size = Number(query.size);
    if (!/^\d+$/.test(query.size) || size < qrPngSize.min || size > qrPngSize.max) {
      problems.size = { rule: 'range', params: { min: qrPngSize.min, max: qrPngSize.max } };
    }
  }
  const ec = (query.ec ?? 'M').toUpperCase();
  if (!(qrErrorCorrection as readonly string[]).includes(ec)) problems.ec = { rule: 'oneOf', params: { options: qrErrorCorrection.join(', ') } };
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return { ...(station ? { station } : {}), size, errorCorrection: ec as QrErrorCorrection };
}

/** The download name of a QR image: `qr-{campaign}[-{station}].{svg|png}` (ASCII: both ids are slugs). */
export function qrFileName(campaignId: string, format: 'svg' | 'png', stationId?: string): string {
  return `qr-${campaignId}${stationId ? `-${stationId}` : ''}.${format}`;
}
