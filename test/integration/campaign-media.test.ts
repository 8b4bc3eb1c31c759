/**
 * Campaigns' media through the real handlers on DynamoDB Local (issue 11): the QR codes of a campaign's page
 * (SVG and PNG, per station; 404 for drafts and unknown campaigns, 400 naming a wrong station), the cover image
 * (uploaded by an organizer: type by magic bytes, size, version, audit; served publicly), the public case library
 * (only featured ideas, credited by name only with consent, filtered, paged, drafts not leaking), and the close
 * report's workbook written by the file-jobs worker and downloaded from the exports list.
 * Campaign records are written through the campaign store (the campaign CRUD routes are another part's).
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCampaignStore } from '../../shared/aws/dynamo-campaign-store';
import { suggestionItem } from '../../shared/aws/dynamo-suggestion-store';
import { queryAll } from '../../shared/aws/query-all';
import { officeDay } from '../../shared/domain/office-day';
import type { Suggestion } from '../../shared/domain/suggestion/suggestion';
import { keys } from '../../shared/model/table';
import { campaign as campaignFixture, featured } from '../unit/campaign-media/fixtures';
import { eventually, startTestStack, type TestStack } from './harness';

let t: TestStack;
let tokens: Record<string, string>;
let campaigns: DynamoCampaignStore;

const now = Date.now();
const iso = (offsetDays: number) => new Date(now + offsetDays * 86_400_000).toISOString();
const open = campaignFixture({ id: 'media-open', title: '媒体测试专题', opensAt: iso(-10), closesAt: iso(10), state: 'open', version: 1 });
const draft = campaignFixture({ id: 'media-draft', title: '尚未公开的专题', opensAt: iso(5), closesAt: iso(30), state: 'draft', version: 1 });
const closed = campaignFixture({ id: 'media-closed', title: '已结束的专题', opensAt: iso(-40), closesAt: iso(-10), state: 'closed', version: 1, stations: [] });

/** Featured and not-featured ideas in the three campaigns, marked a minute apart (newest: the highest n). */
function ideas(): Suggestion[] {
  const at = (n: number) => new Date(now - (100 - n) * 60_000).toISOString();
  return [
    featured(1, { campaignId: 'media-open', featured: { at: at(1), by: '李静' } }),
    featured(2, { campaignId: 'media-open', featured: { at: at(2), by: '李静' }, contact: { name: '张不愿', phone: '13800001111', consent: true, creditConsent: false } }),
    featured(3, { campaignId: 'media-open', category: 'environment', featured: { at: at(3), by: '李静' }, contact: { name: '王同意', email: 'w@example.org', consent: true, creditConsent: true } }),
    // Adopted, never featured: not in the library.
    featured(4, { campaignId: 'media-open', featured: undefined, title: '未入库的建议' }),
    featured(5, { campaignId: 'media-draft', featured: { at: at(5), by: '李静' }, title: '草稿专题里的建议' }),
    featured(6, { campaignId: 'media-closed', featured: { at: at(6), by: '李静' } }),
  ].map((s) => ({ ...s, id: `01MEDIATEST${s.id.slice(-15)}`, trackingCode: `MT${s.trackingCode.slice(-6)}` }));
}

const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]);
const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'binary');

beforeAll(async () => {
  t = await startTestStack({ seed: true });
  tokens = Object.fromEntries(await Promise.all(['organizer', 'admin', 'dispatcher', 'viewer', 'handler-transport'].map(async (u) => [u, await t.token(u)])));
  campaigns = new DynamoCampaignStore(t.stack.documents, t.stack.tableName);
  const audit = { orgId: 'demo', at: new Date(now).toISOString(), actor: { id: 'organizer', role: 'organizer' }, action: 'createCampaign' };
  for (const c of [open, draft, closed]) await campaigns.create(c, { ...audit, target: c.id });
  await t.stack.documents.send(new BatchWriteCommand({ RequestItems: { [t.stack.tableName]: ideas().map((s) => ({ PutRequest: { Item: suggestionItem(s) } })) } }));
  // On a loaded machine a cold function can time out once: warm the public function first.
  await eventually(async () => ((await t.api('/api/case-library')).status === 200 ? true : undefined), 60_000, 500);
}, 180_000);
afterAll(async () => t?.stop());

async function raw(path: string, init: RequestInit & { token?: string; lang?: string } = {}): Promise<Response> {
  const { token, lang, headers, ...rest } = init;
  return fetch(`${t.url}${path}`, { ...rest, headers: { 'accept-language': lang ?? 'en', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(headers as Record<string, string>) } });
}

async function auditEntries(action: string): Promise<{ action: string; target?: string; detail?: string; actor: { id: string } }[]> {
  const rows = await queryAll(t.stack.documents, {
    TableName: t.stack.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.audit('demo', officeDay(new Date()), '', '').pk },
    ConsistentRead: true,
  });
  return (rows as never[]).filter((r: { action: string }) => r.action === action);
}

describe('QR codes', () => {
  it('draws the SVG of the campaign page URL with the station, kept by the browser for an hour', async () => {
    const r = await raw('/api/campaigns/media-open/qr.svg?station=mall');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/svg+xml');
    expect(r.headers.get('cache-control')).toBe('public, max-age=3600');
    const svg = await r.text();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    // The local site's address, as PUBLIC_BASE_URL tells the function.
    expect(svg).toBe(await QRCode.toString(`${t.url}/#/c/media-open?s=mall`, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }));
  });

  it('draws a PNG of the size asked, as binary', async () => {
    const r = await raw('/api/campaigns/media-open/qr.png?station=centre&size=300');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    const body = Buffer.from(await r.arrayBuffer());
    expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([300, 300]);
    expect(body.equals(await QRCode.toBuffer(`${t.url}/#/c/media-open?s=centre`, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 300 }))).toBe(true);
  });

  it('is 404 for a draft or unknown campaign, and 400 naming the station or size in the caller’s language', async () => {
    for (const path of ['/api/campaigns/media-draft/qr.svg', '/api/campaigns/nope/qr.png', '/api/campaigns/NOT_A_SLUG/qr.svg']) {
      const r = await t.api(path);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe('not_found');
      expect(r.headers.get('content-type')).toContain('application/json');
    }
    const station = await t.api('/api/campaigns/media-open/qr.svg?station=library');
    expect(station.status).toBe(400);
    expect(station.body.error.fields).toEqual({ station: '征集点：须为以下之一：mall, centre' });
    const size = await t.api('/api/campaigns/media-open/qr.png?size=9000', { lang: 'en' });
    expect(size.body.error.fields).toEqual({ size: 'Image size (pixels): must be between 128 and 2048' });
    const none = await t.api('/api/campaigns/media-closed/qr.svg?station=mall', { lang: 'en' });
    expect(none.body.error.fields.station).toContain('no stations');
  });
});

describe('the poster', () => {
  it('gives an organizer the station’s QR code as an inline SVG, a draft’s too, with the organisation’s name', async () => {
    const r = await t.api('/api/staff/campaigns/media-draft/poster?station=centre', { token: tokens.organizer });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      organisation: { name: '示范区人民建议征集办公室' },
      campaign: { id: 'media-draft', state: 'draft' },
      station: { id: 'centre' },
      qr: { text: `${t.url}/#/c/media-draft?s=centre` },
      trackUrl: `${t.url}/#/track`,
    });
    expect(r.body.qr.svg).toBe(await QRCode.toString(`${t.url}/#/c/media-draft?s=centre`, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }));
    expect((await t.api('/api/staff/campaigns/media-open/poster?station=nowhere', { token: tokens.organizer })).status).toBe(400);
    expect((await t.api('/api/staff/campaigns/media-open/poster', { token: tokens['handler-transport'] })).status).toBe(403);
    expect((await t.api('/api/staff/campaigns/media-open/poster')).status).toBe(401);
  });
});

describe('the cover image', () => {
  const put = (body: Buffer | undefined, query: string, who = 'organizer', type = 'image/png') =>
    t.api(`/api/staff/campaigns/media-open/cover${query}`, { method: 'PUT', token: tokens[who], headers: { 'content-type': type }, ...(body ? { body: new Uint8Array(body) } : {}), lang: 'en' });

  it('is uploaded by an organizer as the image’s bytes, with the campaign version; saved, audited and served', async () => {
    expect((await t.api('/api/campaigns/media-open/cover')).status).toBe(404);
    const r = await put(png, '?version=1', 'organizer', 'application/octet-stream');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: 'media-open', version: 2, cover: { contentType: 'image/png' }, coverUrl: expect.stringMatching(/^\/api\/campaigns\/media-open\/cover\?v=cover-/) });
    const stored = (await campaigns.get('demo', 'media-open'))!;
    expect(stored).toMatchObject({ version: 2, cover: { contentType: 'image/png', key: expect.stringMatching(/^campaigns\/demo\/media-open\/cover-\w+\.png$/) } });
    const served = await raw(r.body.coverUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    expect((await auditEntries('campaignCover')).find((e) => e.target === 'media-open')).toMatchObject({ actor: { id: 'organizer' }, detail: `type=image/png bytes=${png.length}` });
  });

  it('refuses a stale version (409), a missing one (400), a non-image (400), a file over 1 MB (400) and far over (413)', async () => {
    const stale = await put(png, '?version=1');
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('concurrent_update');
    expect((await put(png, '')).body.error.fields).toEqual({ version: 'version: required' });
    const wrongType = await put(gif, '?version=2', 'organizer', 'image/png');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.fields).toEqual({ cover: 'Cover image: must be an image in one of these formats: JPEG, PNG, WEBP' });
    const large = await put(Buffer.concat([png, Buffer.alloc(1024 * 1024)]), '?version=2');
    expect(large.status).toBe(400);
    expect(large.body.error.fields).toEqual({ cover: 'Cover image: the file is too large (at most 1 MB)' });
    expect((await put(Buffer.alloc(3 * 1024 * 1024), '?version=2')).status).toBe(413);
    expect((await put(undefined, '?version=2')).body.error.fields).toEqual({ cover: 'Cover image: required' });
    expect((await campaigns.get('demo', 'media-open'))!.version).toBe(2);
  });

  it('is for organizers and admins only; an unknown campaign is 404; a draft’s cover is never public', async () => {
    expect((await put(png, '?version=2', 'dispatcher')).status).toBe(403);
    expect((await put(png, '?version=2', 'viewer')).status).toBe(403);
    expect((await t.api('/api/staff/campaigns/nope/cover?version=1', { method: 'PUT', token: tokens.admin, headers: { 'content-type': 'image/png' }, body: new Uint8Array(png) })).status).toBe(404);
    const onDraft = await t.api('/api/staff/campaigns/media-draft/cover?version=1', { method: 'PUT', token: tokens.admin, headers: { 'content-type': 'image/png' }, body: new Uint8Array(png) });
    expect(onDraft.status).toBe(200);
    expect((await t.api('/api/campaigns/media-draft/cover')).status).toBe(404);
  });
});

describe('the case library', () => {
  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id.slice(-1));

  it('lists only the campaign’s featured ideas, newest mark first, crediting by name only with consent', async () => {
    const r = await t.api('/api/case-library?campaign=media-open');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=60');
    expect(ids(r.body)).toEqual(['3', '2', '1']);
    const [third, second, first] = r.body.items;
    expect(third).toMatchObject({ creditedTo: '王同意', category: 'environment', campaign: { id: 'media-open', title: '媒体测试专题' } });
    expect(second.creditedTo).toBeUndefined();
    expect(first).toMatchObject({ creditedTo: '欧阳修文', outcome: '已在人民路 12 个站台加装遮阳棚。', department: { name: '交通运输局' }, adoptedOn: '2026-12-08', updates: [{ text: '又在解放路加装 6 个。', date: '2026-12-09' }] });
    const text = JSON.stringify(r.body);
    for (const secret of ['张不愿', '13812345678', '13800001111', 'w@example.org', '人民路 8 号', 'MT', '未入库的建议']) expect(text, secret).not.toContain(secret);
  });

  it('filters by category and pages with a cursor', async () => {
    expect(ids((await t.api('/api/case-library?campaign=media-open&category=traffic')).body)).toEqual(['2', '1']);
    const page1 = await t.api('/api/case-library?campaign=media-open&limit=2');
    expect(ids(page1.body)).toEqual(['3', '2']);
    const page2 = await t.api(`/api/case-library?campaign=media-open&limit=2&cursor=${page1.body.nextCursor}`);
    expect(ids(page2.body)).toEqual(['1']);
    expect(page2.body.nextCursor).toBeUndefined();
    expect((await t.api('/api/case-library?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
  });

  it('never names a draft campaign: its filter is 404, its idea listed without it', async () => {
    const filtered = await t.api('/api/case-library?campaign=media-draft');
    expect(filtered.status).toBe(404);
    expect(JSON.stringify(filtered.body)).not.toContain('尚未公开');
    const all = await t.api('/api/case-library?limit=50');
    const inDraft = all.body.items.find((i: { title: string }) => i.title === '草稿专题里的建议');
    expect(inDraft).toBeDefined();
    expect(inDraft.campaign).toBeUndefined();
    expect(JSON.stringify(all.body)).not.toContain('尚未公开的专题');
    expect(all.body.items.find((i: { id: string }) => i.id.endsWith('6')).campaign.title).toBe('已结束的专题');
  });

  it('refuses bad filters naming the field', async () => {
    const r = await t.api('/api/case-library?category=weather', { lang: 'en' });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.error.fields)).toEqual(['category']);
    expect((await t.api('/api/case-library?limit=500')).body.error.fields).toHaveProperty('limit');
  });
});

describe('the close report', () => {
  async function waitForExport(token: string, id: string): Promise<any> {
    return eventually(
      async () => {
        const r = await t.api('/api/staff/exports', { token });
        const found = r.body?.exports?.find((e: { id: string }) => e.id === id);
        return found && (found.state === 'done' || found.state === 'failed') ? found : undefined;
      },
      90_000,
      250,
    );
  }

  it('is a workbook written in the background, listed with the person’s exports, downloaded and read back', async () => {
    const asked = await t.api('/api/staff/campaigns/media-open/report', { method: 'POST', token: tokens.viewer, json: {} });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ state: 'queued', format: 'xlsx', campaignReport: { campaignId: 'media-open', title: '媒体测试专题' } });
    const done = await waitForExport(tokens.viewer!, asked.body.id);
    expect(done).toMatchObject({ state: 'done', fileName: expect.stringMatching(/^专题报告-media-open-\d{8}-\d{4}\.xlsx$/) });
    const link = await t.api(`/api/staff/exports/${asked.body.id}/download`, { token: tokens.viewer });
    expect(link.status).toBe(200);
    const file = await fetch(link.body.url);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['概况', '统计', '金点子']);
    expect(workbook.getWorksheet('概况')!.getCell('A1').value).toBe('媒体测试专题 · 专题征集报告');
    const ideasSheet = workbook.getWorksheet('金点子')!;
    expect(ideasSheet.rowCount).toBe(4);
    expect(ideasSheet.getColumn(5).values.slice(2)).toEqual(['王同意', '一位市民', '欧阳修文']);
    const stations = workbook.getWorksheet('统计')!.getColumn(1).values;
    expect(stations).toContain('万达广场大屏');
    expect((await auditEntries('exportCampaignReport')).find((e) => e.target === asked.body.id)).toMatchObject({ actor: { id: 'viewer' }, detail: 'campaign=media-open' });
  }, 120_000);

  it('is not for a department’s handler; an unknown campaign is 404', async () => {
    expect((await t.api('/api/staff/campaigns/media-open/report', { method: 'POST', token: tokens['handler-transport'], json: {} })).status).toBe(403);
    expect((await t.api('/api/staff/campaigns/nope/report', { method: 'POST', token: tokens.organizer, json: {} })).status).toBe(404);
  });
});
