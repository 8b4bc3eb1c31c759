/** An export's rows, the CSV they become through csv-stringify, the sheet limit and the states shown. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '../../../shared/domain/exports/csv-injection';
import { effectiveExportState, exportFileName, passesSheetLimit, xlsxMaxDataRows, xlsxSheetRowLimit, type ExportRecord } from '../../../shared/domain/exports/export-record';
import { exportHeadings, exportRow, officeDateTime } from '../../../shared/domain/exports/export-row';
import type { Suggestion } from '../../../shared/domain/suggestion/suggestion';
import { csvWriter } from '../../../shared/use-cases/exports/row-writers';

const departments = new Map([
  ['transport', { id: 'transport', name: '交通运输局', en: 'Transport Bureau' }],
  ['urban-mgmt', { id: 'urban-mgmt', name: '城市管理局', en: 'Urban Management Bureau' }],
]);

const base = {
  id: 'S1',
  orgId: 'demo',
  trackingCode: 'ABCD2345',
  pinHash: 'x',
  title: '公交站台加装遮阳棚',
  content: '…',
  category: 'traffic',
  channel: 'hotline',
  status: 'signed',
  leadDepartmentId: 'transport',
  cohandlerDepartmentIds: ['urban-mgmt'],
  contact: { name: '欧阳修文', phone: '13812345678', email: 'zhang@example.com', consent: true },
  submittedAt: '2026-11-30T16:30:00.000Z',
  dueAt: '2026-12-10T09:00:00.000Z',
  updatedAt: '2026-11-30T16:30:00.000Z',
  version: 1,
} as Suggestion;

async function csvOf(rows: string[][]): Promise<Buffer> {
  const writer = csvWriter();
  const chunks: Buffer[] = [];
  writer.output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => writer.output.on('end', resolve));
  for (const row of rows) await writer.write(row);
  await writer.end();
  await ended;
  return Buffer.concat(chunks);
}

describe('an export row', () => {
  it('names things in the person’s language, in office time, with the contact masked', () => {
    const now = new Date('2026-12-11T00:00:00Z');
    expect(exportRow(base, { locale: 'zh-CN', departments, now })).toEqual([
      'ABCD2345', '公交站台加装遮阳棚', '交通出行', '办理中', '交通运输局', '城市管理局', '热线',
      '2026-12-01 00:30', '2026-12-10 17:00', '是', '欧***', '138****5678', 'z***@example.com',
    ]);
    const en = exportRow({ ...base, status: 'closed' }, { locale: 'en', departments, now });
    expect(en.slice(2, 7)).toEqual(['Traffic and transport', 'Closed', 'Transport Bureau', 'Urban Management Bureau', 'Hotline']);
    // A closed suggestion past its deadline is not overdue.
    expect(en[9]).toBe('no');
    expect(exportHeadings('en')).toHaveLength(en.length);
  });

  it('leaves unknown departments as their id and missing contact empty', () => {
    const row = exportRow({ ...base, leadDepartmentId: 'gone', cohandlerDepartmentIds: undefined, contact: undefined } as Suggestion, { locale: 'zh-CN', departments, now: new Date(0) });
    expect(row[4]).toBe('gone');
    expect(row.slice(10)).toEqual(['', '', '']);
  });

  it('writes office time across midnight UTC', () => {
    expect(officeDateTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
  });
});

describe('the CSV', () => {
  it('starts with a UTF-8 BOM and reads back cell for cell through quotes, commas and new lines', async () => {
    const rows = [exportHeadings('zh-CN').slice(0, 5), ['他说"尽快"', '甲,乙', '第一行\n第二行', '  空格 ', '中文']];
    const bytes = await csvOf(rows);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('"他说""尽快"""');
    expect(bytes.toString('utf8')).toContain('\r\n');
    expect(parse(bytes, { bom: true })).toEqual(rows);
  });

  it('defuses cells a spreadsheet would run as a formula', async () => {
    const rows = [['=1+1', '+SUM(A1)', '-2', '@cmd', '\t=x', 'a=b', '']];
    expect(parse(await csvOf(rows), { bom: true })).toEqual([["'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "'\t=x", 'a=b', '']]);
    expect(spreadsheetSafe('普通标题')).toBe('普通标题');
  });
});

describe('the XLSX sheet limit', () => {
  it('is Excel’s 1,048,576 rows, one of them the heading', () => {
    expect(xlsxSheetRowLimit).toBe(1_048_576);
    expect(passesSheetLimit('xlsx', xlsxMaxDataRows - 1)).toBe(false);
    expect(passesSheetLimit('xlsx', xlsxMaxDataRows)).toBe(true);
    // CSV has no limit.
    expect(passesSheetLimit('csv', 5_000_000)).toBe(false);
    expect(passesSheetLimit('xlsx', 2, 3)).toBe(false);
    expect(passesSheetLimit('xlsx', 3, 3)).toBe(true);
  });
});

describe('the state an export shows', () => {
  const record: ExportRecord = { id: 'E', orgId: 'demo', username: 'u', requestedAt: '2026-12-01T01:30:00Z', format: 'csv', filters: {}, locale: 'zh-CN', state: 'running', attempts: 1, startedAt: '2026-12-01T01:30:00Z' };

  it('is failed (timed out), never running for ever, once a run outlived its worker', () => {
    expect(effectiveExportState(record, new Date('2026-12-01T01:40:00Z'), 15 * 60_000)).toEqual({ state: 'running' });
    expect(effectiveExportState(record, new Date('2026-12-01T01:46:00Z'), 15 * 60_000)).toEqual({ state: 'failed', failure: { reason: 'timedOut' } });
    expect(effectiveExportState({ ...record, state: 'done' }, new Date('2027-01-01T00:00:00Z'), 15 * 60_000)).toEqual({ state: 'done' });
  });

  it('downloads under a name in the person’s language and office time', () => {
    expect(exportFileName(record)).toBe('建议导出-20261201-0930.csv');
    expect(exportFileName({ ...record, locale: 'en', format: 'xlsx' })).toBe('suggestions-20261201-0930.xlsx');
  });
});
