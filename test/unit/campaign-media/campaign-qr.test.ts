/**
 * The QR images of a campaign: a well-formed SVG and a PNG of the size asked, each holding the page's URL (with
 * the station) — checked by encoding the expected URL the same way and by qrcode's own segment data — and 404 for
 * unknown and draft campaigns.
 */
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../shared/domain/campaign/campaign';
import { NotFoundError, ValidationError } from '../../../shared/domain/errors';
import { campaignQr } from '../../../shared/use-cases/campaign-media/campaign-qr';
import { campaign } from './fixtures';

function deps(...list: Campaign[]) {
  return { campaigns: { get: async (orgId: string, id: string) => list.find((c) => c.orgId === orgId && c.id === id) }, publicBaseUrl: 'https://jianyi.example.gov.cn' };
}

/** The PNG's width and height from its IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('campaign QR codes', () => {
  it('draws a well-formed, scalable SVG of the page URL with the station', async () => {
    const image = await campaignQr(deps(campaign()), 'demo', 'xiance-2026', 'svg', { station: 'mall' });
    expect(image).toMatchObject({ contentType: 'image/svg+xml', fileName: 'qr-xiance-2026-mall.svg', text: 'https://jianyi.example.gov.cn/#/c/xiance-2026?s=mall' });
    const svg = image.body as string;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"[^>]*>.*<\/svg>\s*$/s);
    // Well-formed: every element closed (the paths self-close), nothing but the svg and its paths.
    expect(svg.match(/<(\w+)/g)!.every((tag) => tag === '<svg' || tag === '<path')).toBe(true);
    expect((svg.match(/<path [^>]*\/>/g) ?? []).length).toBe((svg.match(/<path/g) ?? []).length);
    // The same URL encoded the same way gives the same picture: the URL inside is the one expected.
    expect(svg).toBe(await QRCode.toString('https://jianyi.example.gov.cn/#/c/xiance-2026?s=mall', { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }));
    expect(svg).not.toBe(await QRCode.toString('https://jianyi.example.gov.cn/#/c/xiance-2026', { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }));
  });

  it('holds the URL as one byte segment at error correction M (Q on request)', () => {
    const code = QRCode.create('https://jianyi.example.gov.cn/#/c/xiance-2026?s=mall', { errorCorrectionLevel: 'M' });
    const data = code.segments.map((s) => Buffer.from((s as unknown as { data: Uint8Array }).data).toString('utf8')).join('');
    expect(data).toBe('https://jianyi.example.gov.cn/#/c/xiance-2026?s=mall');
    // A URL this long fits a version small enough to scan from a poster across a room.
    expect(code.version).toBeLessThanOrEqual(5);
  });

  it('draws a PNG of the size asked (512 by default)', async () => {
    const png = await campaignQr(deps(campaign()), 'demo', 'xiance-2026', 'png', { size: '1024', ec: 'Q' });
    expect(png.contentType).toBe('image/png');
    const body = png.body as Buffer;
    expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(body)).toEqual([1024, 1024]);
    expect(png.text).toBe('https://jianyi.example.gov.cn/#/c/xiance-2026');
    expect(pngSize((await campaignQr(deps(campaign()), 'demo', 'xiance-2026', 'png', {})).body as Buffer)).toEqual([512, 512]);
  });

  it('is 404 for an unknown campaign, a draft, another organisation’s, or an id that cannot be one', async () => {
    for (const [orgId, id, list] of [
      ['demo', 'nope', [campaign()]],
      ['demo', 'xiance-2026', [campaign({ state: 'draft' })]],
      ['other', 'xiance-2026', [campaign()]],
      ['demo', '../etc', [campaign()]],
    ] as const) {
      await expect(campaignQr(deps(...list), orgId, id, 'svg', {}), `${orgId}/${id}`).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('is 400 naming the station for one not of the campaign; closed and published campaigns still have codes', async () => {
    await expect(campaignQr(deps(campaign()), 'demo', 'xiance-2026', 'svg', { station: 'library' })).rejects.toBeInstanceOf(ValidationError);
    for (const state of ['scheduled', 'closed', 'published'] as const) {
      await expect(campaignQr(deps(campaign({ state })), 'demo', 'xiance-2026', 'svg', {})).resolves.toMatchObject({ contentType: 'image/svg+xml' });
    }
  });
});
