/** The poster's theme, shortened to what a passer-by reads; the poster's data for a draft too. */
import { describe, expect, it } from 'vitest';
import { shortenTheme } from '../../../shared/domain/campaign/poster';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../shared/domain/errors';
import type { StaffPrincipal } from '../../../shared/domain/staff/principal';
import { campaignPoster } from '../../../shared/use-cases/campaign-media/campaign-poster';
import { campaign } from './fixtures';

describe('shortenTheme', () => {
  it('keeps a short theme whole, and only its first paragraph', () => {
    expect(shortenTheme('请为民生实事献计献策。')).toBe('请为民生实事献计献策。');
    expect(shortenTheme('第一段。\n\n第二段很长。')).toBe('第一段。');
  });

  it('keeps whole sentences that fit', () => {
    const theme = `${'甲'.repeat(50)}。${'乙'.repeat(50)}！${'丙'.repeat(50)}。`;
    expect(shortenTheme(theme)).toBe(`${'甲'.repeat(50)}。${'乙'.repeat(50)}！`);
    expect([...shortenTheme(theme)].length).toBeLessThanOrEqual(120);
  });

  it('cuts a long first sentence with an ellipsis, counting characters not bytes', () => {
    const cut = shortenTheme('丁'.repeat(300));
    expect(cut).toBe(`${'丁'.repeat(119)}…`);
    expect([...shortenTheme(`短句。${'戊'.repeat(300)}`)].length).toBe(120);
    expect(shortenTheme('An English theme. '.repeat(20), 40)).toBe('An English theme. An English theme.');
  });
});

describe('campaign poster', () => {
  const organizer: StaffPrincipal = { username: 'organizer', name: '吴芳', role: 'organizer', orgId: 'demo' };
  const deps = (c = campaign()) => ({
    campaigns: { get: async (orgId: string, id: string) => (orgId === c.orgId && id === c.id ? c : undefined) },
    organisations: { profile: async () => ({ name: '示范区人民建议征集办公室', nameEn: 'Demo District Suggestion Office' }) },
    publicBaseUrl: 'https://jianyi.example.gov.cn/',
  });

  it('gives the station’s QR code as an inline SVG, the organisation, the site and tracking addresses, and the downloads', async () => {
    const poster = await campaignPoster(deps(campaign({ state: 'draft' })), organizer, 'xiance-2026', { station: 'centre' });
    expect(poster).toMatchObject({
      organisation: { name: '示范区人民建议征集办公室' },
      campaign: { id: 'xiance-2026', title: '献策2026', state: 'draft' },
      station: { id: 'centre', name: '东湖社区服务中心' },
      qr: { text: 'https://jianyi.example.gov.cn/#/c/xiance-2026?s=centre', svg: expect.stringMatching(/^<svg /) },
      siteUrl: 'https://jianyi.example.gov.cn',
      trackUrl: 'https://jianyi.example.gov.cn/#/track',
      downloads: { svg: '/api/campaigns/xiance-2026/qr.svg?station=centre', png: '/api/campaigns/xiance-2026/qr.png?station=centre&size=1024' },
    });
  });

  it('refuses a station not of the campaign, an unknown campaign, and a department handler', async () => {
    await expect(campaignPoster(deps(), organizer, 'xiance-2026', { station: 'x' })).rejects.toBeInstanceOf(ValidationError);
    await expect(campaignPoster(deps(), organizer, 'other', {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(campaignPoster(deps(), { ...organizer, role: 'handler', departmentId: 'transport' }, 'xiance-2026', {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});
