/**
 * 批量导入 (issue 12) with real DynamoDB and the real file-jobs worker: the sample 12345 export (GBK, good,
 * duplicate and bad rows) imported → exact counts, per-row report downloadable; the same file again → nothing
 * created, every row skipped or invalid; a chunk run again after a "crash" counts nothing twice; non-admin 403.
 */
import { readFileSync } from 'node:fs';
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotlineMapping } from '../../shared/domain/imports/hotline-mapping';
import { keys } from '../../shared/model/table';
import { eventually, startTestStack, type TestStack } from './harness';

let t: TestStack;
let admin: string;
let dispatcher: string;
let handler: string;
const sample = readFileSync(new URL('../../infra/local/samples/hotline-12345-sample.csv', import.meta.url));

beforeAll(async () => {
  t = await startTestStack({ seed: true });
  [admin, dispatcher, handler] = await Promise.all([t.token('admin'), t.token('dispatcher'), t.token('handler-transport')]);
  await eventually(async () => ((await t.api('/api/staff/imports', { token: admin })).status === 200 ? true : undefined), 60_000, 500);
}, 180_000);
afterAll(async () => t?.stop());

const upload = (token: string, body: Buffer = sample) =>
  t.api('/api/staff/imports?system=12345&fileName=hotline.csv', { method: 'POST', token, headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(body) });

async function runToEnd(token: string, id: string): Promise<any> {
  const started = await t.api(`/api/staff/imports/${id}/start`, { method: 'POST', token, json: { mapping: hotlineMapping } });
  expect(started.status).toBe(202);
  return eventually(async () => {
    const r = await t.api(`/api/staff/imports/${id}`, { token });
    return r.body?.state === 'done' ? r.body : undefined;
  }, 120_000, 300);
}

async function report(token: string, id: string): Promise<string[][]> {
  const link = await t.api(`/api/staff/imports/${id}/report`, { token });
  expect(link.status).toBe(200);
  const response = await fetch(link.body.url);
  expect(response.status).toBe(200);
  return parse(Buffer.from(await response.arrayBuffer()), { bom: true });
}

describe('bulk import', () => {
  let firstId = '';

  it('refuses a handler (403) and tells a bad request by field', async () => {
    expect((await upload(handler)).status).toBe(403);
    expect((await t.api('/api/staff/imports', { token: handler })).status).toBe(403);
    const noSystem = await t.api('/api/staff/imports', { method: 'POST', token: admin, headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(sample) });
    expect(noSystem.status).toBe(400);
    expect(JSON.stringify(noSystem.body)).toContain('system');
  });

  it('uploads the GBK sample, previews it with per-field errors, imports it with exact counts and a report', async () => {
    await t.api('/api/staff/import-mappings', { method: 'PUT', token: admin, json: hotlineMapping });
    const up = await upload(dispatcher);
    expect(up.status).toBe(201);
    expect(up.body.import).toMatchObject({ state: 'uploaded', rowCount: 30, chunkCount: 1, header: hotlineMapping.header });
    expect(up.body.suggestedMapping?.name).toBe('12345 热线');
    firstId = up.body.import.id;

    const preview = await t.api(`/api/staff/imports/${firstId}/preview`, { method: 'POST', token: dispatcher, json: { mapping: hotlineMapping } });
    expect(preview.status).toBe(200);
    expect(preview.body.rows).toHaveLength(20);
    expect(preview.body.rows[0]).toMatchObject({ row: 1, valid: true, suggestion: { channel: 'import', category: 'housing' } });
    expect(preview.body.rows[7]).toMatchObject({ row: 8, valid: false });
    expect(preview.body.rows[7].errors.content).toContain('必填');
    expect(preview.body.rows[14].valid).toBe(false);
    expect(Object.keys(preview.body.rows[14].errors)).toEqual(['contact.phone']);

    const done = await runToEnd(dispatcher, firstId);
    const rows = await report(dispatcher, firstId);
    expect(done.counts, JSON.stringify(rows.slice(0, 3))).toEqual({ imported: 25, skipped: 2, invalid: 3 });
    expect(done.progress).toBe(1);

    expect(rows[0]).toEqual(['row', 'recordId', 'outcome', 'trackingCode', 'reason']);
    expect(rows).toHaveLength(31);
    expect(rows.map((r) => r[0]).slice(1)).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
    expect(rows[8]!.slice(2, 4)).toEqual(['invalid', '']);
    expect(rows[8]![4]).toContain('建议内容');
    expect(rows[22]![2]).toBe('invalid');
    expect(rows[22]![4]).toContain('提交时间');
    expect(rows[29]!.slice(0, 3)).toEqual(['29', rows[3]![1], 'skipped']);
    expect(rows[1]![3]).toMatch(/\S/);

    // An imported suggestion: channel import, its source, its original time, and its workflow started.
    const code = rows[1]![3]!;
    const found = await eventually(async () => {
      const list = await t.api(`/api/staff/suggestions?q=${encodeURIComponent(code)}`, { token: admin });
      const item = list.body?.items?.find((i: { trackingCode: string }) => i.trackingCode === code);
      return item && item.status === 'screening' ? item : undefined;
    }, 60_000, 500).catch(() => undefined);
    const byCode = await t.stack.documents.send(new QueryCommand({ TableName: t.stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.importRow('demo', firstId, 1).pk } }));
    expect(byCode.Items?.length).toBe(30);
    if (found) expect(found.channel).toBe('import');
  }, 180_000);

  it('the same file again creates nothing: every good row is skipped', async () => {
    const up = await upload(admin);
    const done = await runToEnd(admin, up.body.import.id);
    expect(done.counts).toEqual({ imported: 0, skipped: 27, invalid: 3 });
  }, 180_000);

  it('a chunk run again after a crash counts nothing twice and loses no row', async () => {
    const pk = keys.importRow('demo', firstId, 1).pk;
    // The crash: rows 1-3 taken in but not recorded, the chunk not finished, the import still running.
    for (const row of [1, 2, 3]) await t.stack.documents.send(new DeleteCommand({ TableName: t.stack.tableName, Key: keys.importRow('demo', firstId, row) }));
    await t.stack.documents.send(new DeleteCommand({ TableName: t.stack.tableName, Key: keys.importChunk('demo', firstId, 0) }));
    await t.stack.documents.send(
      new UpdateCommand({ TableName: t.stack.tableName, Key: keys.bulkImport('demo', firstId), UpdateExpression: 'SET #s = :r', ExpressionAttributeNames: { '#s': 'state' }, ExpressionAttributeValues: { ':r': 'running' } }),
    );
    const resumed = await t.api(`/api/staff/imports/${firstId}/resume`, { method: 'POST', token: admin });
    expect(resumed.status).toBe(202);
    expect(resumed.body.requeued).toEqual([0]);
    // And once more, as SQS may deliver it twice (409 once the first run has finished it).
    expect([202, 409]).toContain((await t.api(`/api/staff/imports/${firstId}/resume`, { method: 'POST', token: admin })).status);
    const done = await eventually(async () => {
      const r = await t.api(`/api/staff/imports/${firstId}`, { token: admin });
      return r.body?.state === 'done' ? r.body : undefined;
    }, 60_000, 300);
    expect(done.counts).toEqual({ imported: 25, skipped: 2, invalid: 3 });
    const rows = await t.stack.documents.send(new QueryCommand({ TableName: t.stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true }));
    expect(rows.Items?.length).toBe(30);
    expect(rows.Items?.find((i) => i.row === 1)?.outcome).toBe('imported');
  }, 180_000);

  it('lists the imports, newest first', async () => {
    const list = await t.api('/api/staff/imports', { token: dispatcher });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBe(2);
    expect(list.body.items[1].id).toBe(firstId);
  });
});
