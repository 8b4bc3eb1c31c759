/**
 * Exports of the queue, end to end on the local stack: asked for over the API, run in the background by the
 * file-jobs worker (fauxqs → the real bundle), streamed into the data folder, downloaded at the signed link the
 * local origin checks, and read back — CSV with csv-parse, XLSX with exceljs. A few thousand suggestions are put
 * in the table directly (a month of 2020, so the filters select exactly them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFilePath } from '../../shared/aws/local-file-signature';
import { suggestionItem } from '../../shared/aws/dynamo-suggestion-store';
import type { Suggestion } from '../../shared/domain/suggestion/suggestion';
import { keys } from '../../shared/model/table';
import { eventually, startTestStack, type TestStack } from './harness';

const count = 3000;
let t: TestStack;
let handler: string;

/** Suggestions of March 2020, signed for by the transport department; a few with text a CSV must quote or defuse. */
function suggestion(n: number): Suggestion {
  const at = new Date(Date.UTC(2020, 2, 1, 2, 0, 0) + n * 60_000).toISOString();
  const titles = ['路灯不亮，请修', '他说"尽快"处理', '第一行\n第二行', '=HYPERLINK("http://evil")', '公交站台加装遮阳棚'];
  return {
    id: `01EXPORTTEST${String(n).padStart(14, '0')}`,
    orgId: 'demo',
    trackingCode: `EX${String(n).padStart(6, '0')}`,
    pinHash: 'x',
    title: `${titles[n % titles.length]} ${n}`,
    content: '导出测试',
    category: 'traffic',
    channel: 'web',
    contact: { name: '张三', phone: '13812345678', consent: true },
    status: 'signed',
    tier: 'deadline',
    leadDepartmentId: 'transport',
    dueAt: new Date(Date.parse(at) + 15 * 86_400_000).toISOString(),
    submittedAt: at,
    updatedAt: at,
    version: 1,
  } as Suggestion;
}

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

async function download(token: string, id: string): Promise<{ url: string; response: Response }> {
  const link = await t.api(`/api/staff/exports/${id}/download`, { token });
  expect(link.status).toBe(200);
  return { url: link.body.url, response: await fetch(link.body.url) };
}

const marchFilters = { status: 'signed', from: '2020-03-01', to: '2020-03-31' };

beforeAll(async () => {
  t = await startTestStack({ seed: true });
  handler = await t.token('handler-transport');
  // On a loaded machine a cold function can time out once (a 500): warm it with a read before the first write.
  await eventually(async () => ((await t.api('/api/staff/exports', { token: handler })).status === 200 ? true : undefined), 60_000, 500);
  const items = Array.from({ length: count }, (_, n) => suggestionItem(suggestion(n)));
  for (let i = 0; i < items.length; i += 25) {
    await t.stack.documents.send(new BatchWriteCommand({ RequestItems: { [t.stack.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
}, 180_000);
afterAll(async () => t?.stop());

describe('exports of the queue', () => {
  it('streams a CSV of every matching suggestion, UTF-8 with BOM, readable columns, contacts masked, audited', async () => {
    const asked = await t.api('/api/staff/exports', { method: 'POST', token: handler, json: { format: 'csv', filters: marchFilters } });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ state: 'queued', format: 'csv', filters: { ...marchFilters, departmentId: 'transport' } });
    const done = await waitForExport(handler, asked.body.id);
    expect(done).toMatchObject({ state: 'done', rows: count });

    const { response } = await download(handler, asked.body.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''%E5%BB%BA%E8%AE%AE/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes, { bom: true });
    expect(rows[0]).toEqual(['查询码', '标题', '类别', '状态', '主办部门', '协办部门', '渠道', '提交时间', '办理期限', '是否超期', '联系人（已遮蔽）', '手机号（已遮蔽）', '邮箱（已遮蔽）']);
    expect(rows.length).toBe(count + 1);
    const byCode = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byCode.size).toBe(count);
    // Deadline order, office time, names not ids, masked contact.
    expect(rows[1]).toEqual(['EX000000', '路灯不亮，请修 0', '交通出行', '办理中', '交通运输局', '', '网站', '2020-03-01 10:00', '2020-03-16 10:00', '是', '张*', '138****5678', '']);
    expect(byCode.get('EX000001')![1]).toBe('他说"尽快"处理 1');
    expect(byCode.get('EX000002')![1]).toBe('第一行\n第二行 2');
    expect(byCode.get('EX000003')![1]).toBe(`'=HYPERLINK("http://evil") 3`);
    expect(bytes.includes(Buffer.from('13812345678'))).toBe(false);

    const day = new Date().toISOString();
    const audit = await t.stack.documents.send(
      new QueryCommand({ TableName: t.stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.audit('demo', officeDayOf(day), '', '').pk } }),
    );
    const entry = audit.Items?.find((i) => i.action === 'exportQueue' && i.target === asked.body.id);
    expect(entry).toMatchObject({ actor: { id: 'handler-transport', role: 'handler' }, detail: 'format=csv status=signed departmentId=transport from=2020-03-01 to=2020-03-31' });
  }, 120_000);

  it('streams an XLSX that exceljs reads back, row for row', async () => {
    const asked = await t.api('/api/staff/exports', { method: 'POST', token: handler, json: { format: 'xlsx', filters: marchFilters }, lang: 'en' });
    expect(asked.status).toBe(202);
    expect(await waitForExport(handler, asked.body.id)).toMatchObject({ state: 'done', rows: count, fileName: expect.stringMatching(/^suggestions-.*\.xlsx$/) });
    const { response } = await download(handler, asked.body.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(count + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('Tracking code');
    expect(sheet.getRow(2).values).toEqual([undefined, 'EX000000', '路灯不亮，请修 0', 'Traffic and transport', 'In handling', 'Transport Bureau', undefined, 'Web', '2020-03-01 10:00', '2020-03-16 10:00', 'yes', '张*', '138****5678']);
    // A typed string cell: no formula, and no apostrophe needed.
    expect(sheet.getRow(5).getCell(2).value).toBe('=HYPERLINK("http://evil") 3');
  }, 120_000);

  it('lists only the person’s own exports, and gives nobody else a link', async () => {
    const mine = await t.api('/api/staff/exports', { token: handler });
    expect(mine.body.exports.length).toBeGreaterThanOrEqual(2);
    const dispatcher = await t.token('dispatcher');
    const theirs = await t.api('/api/staff/exports', { token: dispatcher });
    expect(theirs.body.exports.map((e: { id: string }) => e.id)).not.toContain(mine.body.exports[0].id);
    expect((await t.api(`/api/staff/exports/${mine.body.exports[0].id}/download`, { token: dispatcher })).status).toBe(404);
  });

  it('scopes a handler to their department as the queue does, and names a bad field', async () => {
    const other = await t.api('/api/staff/exports', { method: 'POST', token: handler, json: { format: 'csv', filters: { departmentId: 'urban-mgmt' } } });
    expect(other.status).toBe(403);
    const bad = await t.api('/api/staff/exports', { method: 'POST', token: handler, json: { format: 'pdf' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.format).toBeDefined();
  });

  it('refuses a tampered or expired link with 403', async () => {
    const list = await t.api('/api/staff/exports', { token: handler });
    const { url } = await download(handler, list.body.exports.find((e: { state: string }) => e.state === 'done').id);
    const tampered = new URL(url);
    tampered.searchParams.set('name', 'other.csv');
    expect((await fetch(tampered)).status).toBe(403);
    const badSignature = new URL(url);
    badSignature.searchParams.set('signature', `${badSignature.searchParams.get('signature')!.slice(0, -2)}AA`);
    expect((await fetch(badSignature)).status).toBe(403);
    const key = decodeURIComponent(new URL(url).pathname.slice('/files/'.length));
    const secret = (await import('node:fs')).readFileSync(process.env.FILES_SIGNING_SECRET_FILE!, 'utf8').trim();
    const expired = signedFilePath(secret, { key, fileName: 'x.csv', contentType: 'text/csv; charset=utf-8', disposition: 'attachment', expires: Math.floor(Date.now() / 1000) - 1 });
    const refused = await fetch(`${t.url}${expired}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe('Request has expired');
    // The same signer with a future expiry is served: the 403s above are the signature's and the expiry's doing.
    const fresh = signedFilePath(secret, { key, fileName: 'x.csv', contentType: 'text/csv; charset=utf-8', disposition: 'attachment', expires: Math.floor(Date.now() / 1000) + 60 });
    expect((await fetch(`${t.url}${fresh}`)).status).toBe(200);
  });

  it('marks an export whose file cannot be written as failed, with no file to download', async () => {
    const dispatcher = await t.token('dispatcher');
    // A plain file where the person's export folder would go: the worker's write fails.
    const folder = path.join(path.dirname(process.env.FILES_SIGNING_SECRET_FILE!), 'files', 'exports', 'demo');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'dispatcher'), 'in the way');
    const asked = await t.api('/api/staff/exports', { method: 'POST', token: dispatcher, json: { format: 'csv', filters: marchFilters } });
    expect(asked.status).toBe(202);
    const failed = await waitForExport(dispatcher, asked.body.id);
    expect(failed).toMatchObject({ state: 'failed', failure: { reason: 'error' } });
    expect(failed.rows).toBeUndefined();
    const link = await t.api(`/api/staff/exports/${asked.body.id}/download`, { token: dispatcher });
    expect(link.status).toBe(409);
    expect(link.body.error.code).toBe('export_not_ready');
  }, 120_000);
});

function officeDayOf(at: string): string {
  return new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 10);
}
