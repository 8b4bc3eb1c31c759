/** The campaign's public URLs and what a QR request may ask for. */
import { describe, expect, it } from 'vitest';
import { campaignCoverUrl, campaignPageUrl, campaignQrPath, qrFileName, qrRequest } from '../../../shared/domain/campaign/campaign-links';
import { ValidationError } from '../../../shared/domain/errors';
import { campaign } from './fixtures';

function problems(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields ?? {};
    throw error;
  }
  throw new Error('no ValidationError');
}

describe('campaign links', () => {
  it('builds the public page URL a poster opens, with the station when there is one', () => {
    expect(campaignPageUrl('https://jianyi.example.gov.cn', 'xiance-2026')).toBe('https://jianyi.example.gov.cn/#/c/xiance-2026');
    expect(campaignPageUrl('https://jianyi.example.gov.cn/', 'xiance-2026', 'mall')).toBe('https://jianyi.example.gov.cn/#/c/xiance-2026?s=mall');
    expect(campaignPageUrl('http://127.0.0.1:8080//', 'a', 'b-1')).toBe('http://127.0.0.1:8080/#/c/a?s=b-1');
  });

  it('builds the API paths of the QR images and the cover', () => {
    expect(campaignQrPath('xiance-2026', 'svg')).toBe('/api/campaigns/xiance-2026/qr.svg');
    expect(campaignQrPath('xiance-2026', 'svg', { stationId: 'mall', size: 800 })).toBe('/api/campaigns/xiance-2026/qr.svg?station=mall');
    expect(campaignQrPath('xiance-2026', 'png', { stationId: 'mall', size: 800 })).toBe('/api/campaigns/xiance-2026/qr.png?station=mall&size=800');
    expect(campaignCoverUrl(campaign())).toBeUndefined();
    expect(campaignCoverUrl(campaign({ cover: { key: 'campaigns/demo/xiance-2026/cover-01JABC.png', contentType: 'image/png' } }))).toBe('/api/campaigns/xiance-2026/cover?v=cover-01JABC');
    expect(qrFileName('xiance-2026', 'png', 'mall')).toBe('qr-xiance-2026-mall.png');
    expect(qrFileName('xiance-2026', 'svg')).toBe('qr-xiance-2026.svg');
  });

  it('takes a station of the campaign, and refuses any other naming the field and the choices', () => {
    expect(qrRequest(campaign(), { station: 'mall' }).station).toEqual({ id: 'mall', name: '万达广场大屏' });
    expect(qrRequest(campaign(), {})).toEqual({ size: 512, errorCorrection: 'M' });
    expect(qrRequest(campaign(), { station: '' }).station).toBeUndefined();
    expect(problems(() => qrRequest(campaign(), { station: 'library' }))).toEqual({ station: { rule: 'oneOf', params: { options: 'mall, centre' } } });
    expect(problems(() => qrRequest(campaign(), { station: '../x' }))).toHaveProperty('station');
    expect(problems(() => qrRequest(campaign({ stations: [] }), { station: 'mall' }))).toEqual({ station: { rule: 'noStations' } });
  });

  it('checks the size and the error correction', () => {
    expect(qrRequest(campaign(), { size: '1024', ec: 'q' })).toMatchObject({ size: 1024, errorCorrection: 'Q' });
    for (const size of ['127', '2049', '5e2', '-1', 'big', '512.5']) {
      expect(problems(() => qrRequest(campaign(), { size })), size).toEqual({ size: { rule: 'range', params: { min: 128, max: 2048 } } });
    }
    expect(problems(() => qrRequest(campaign(), { ec: 'L' }))).toEqual({ ec: { rule: 'oneOf', params: { options: 'M, Q' } } });
    expect(Object.keys(problems(() => qrRequest(campaign(), { station: 'x', size: '1' })))).toEqual(['station', 'size']);
  });
});
