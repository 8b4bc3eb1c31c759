/**
 * The background run of an export, on fakes of its ports: it pages through the store into the file, says done
 * only once the file is stored, and says failed — never done — when the sheet limit is reached or the file
 * cannot be written; a duplicate job changes nothing.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../../shared/domain/exports/export-record';
import type { Suggestion } from '../../../shared/domain/suggestion/suggestion';
import type { ExportStore, FileWriter, QueueQuery } from '../../../shared/ports';
import { runExport, type RunExportDeps } from '../../../shared/use-cases/exports/run-export';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function suggestions(n: number): Suggestion[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `S${i}`, orgId: 'demo', trackingCode: `T${i}`, pinHash: '', title: `建议 ${i}`, content: '', category: 'traffic', channel: 'web',
    status: 'signed', leadDepartmentId: 'transport', submittedAt: '2026-01-01T00:00:00Z', dueAt: '2026-02-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 1,
  }) as Suggestion);
}

function fakes(format: 'csv' | 'xlsx', items: Suggestion[], files?: FileWriter) {
  let record: ExportRecord = { id: 'E1', orgId: 'demo', username: 'u', requestedAt: '2026-01-02T00:00:00Z', format, filters: { departmentId: 'transport' }, locale: 'zh-CN', state: 'queued', attempts: 0, fileKey: 'exports/demo/u/E1', fileName: 'x' };
  const queries: QueueQuery[] = [];
  const stored = new Map<string, Buffer>();
  const exports: ExportStore = {
    create: async () => undefined,
    get: async () => record,
    list: async () => [record],
    start: async () => (record.state === 'queued' || record.state === 'running' ? (record = { ...record, state: 'running', attempts: record.attempts + 1 }) : undefined),
    finish: async (next) => {
      if (next.attempts !== record.attempts || !['queued', 'running'].includes(record.state)) return false;
      record = next;
      return true;
    },
  };
  const writer: FileWriter = files ?? {
    async write(key, body) {
      const chunks: Buffer[] = [];
      for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
      stored.set(key, Buffer.concat(chunks));
    },
  };
  const deps: RunExportDeps = {
    exports,
    store: {
      async queue(q) {
        queries.push(q);
        const start = Number(q.cursor ?? 0);
        const page = items.slice(start, start + q.limit);
        return { items: page, ...(start + q.limit < items.length ? { nextCursor: String(start + q.limit) } : {}) };
      },
    },
    directory: { departments: async () => [{ id: 'transport', name: '交通运输局', en: 'Transport Bureau' }] },
    files: writer,
    clock: { now: () => new Date('2026-01-02T00:00:05Z') },
    log: quiet,
  };
  return { deps, stored, queries, record: () => record };
}

describe('running an export', () => {
  it('pages through the store into the CSV and says done with the row count only once the file is stored', async () => {
    const f = fakes('csv', suggestions(1234));
    expect(await runExport(f.deps, { orgId: 'demo', username: 'u', exportId: 'E1' }, { pageSize: 100 })).toEqual({ outcome: 'done', rows: 1234 });
    expect(f.queries).toHaveLength(13);
    expect(f.queries.every((q) => q.limit === 100 && q.departmentId === 'transport')).toBe(true);
    expect(f.record()).toMatchObject({ state: 'done', rows: 1234, attempts: 1 });
    const rows = parse(f.stored.get('exports/demo/u/E1')!, { bom: true });
    expect(rows).toHaveLength(1235);
    expect(rows[1234]![0]).toBe('T1233');
  });

  it('refuses an XLSX past the sheet limit: failed with the reason, never done', async () => {
    const f = fakes('xlsx', suggestions(30));
    expect(await runExport(f.deps, { orgId: 'demo', username: 'u', exportId: 'E1' }, { pageSize: 7, xlsxMaxRows: 20 })).toEqual({ outcome: 'failed', reason: 'sheetLimit' });
    expect(f.record()).toMatchObject({ state: 'failed', failure: { reason: 'sheetLimit', rows: 20 } });
    expect(f.stored.size).toBe(0);
  });

  it('writes an XLSX at the limit exactly', async () => {
    const f = fakes('xlsx', suggestions(20));
    expect(await runExport(f.deps, { orgId: 'demo', username: 'u', exportId: 'E1' }, { pageSize: 7, xlsxMaxRows: 20 })).toEqual({ outcome: 'done', rows: 20 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(f.stored.get('exports/demo/u/E1')! as never);
    expect(workbook.worksheets[0]!.rowCount).toBe(21);
  });

  it('says failed when the file cannot be written — also when the store fails before reading a byte', async () => {
    const refuses: FileWriter = { write: async () => Promise.reject(new Error('bucket says no')) };
    const resets: FileWriter = {
      async write(_key, body) {
        let seen = 0;
        for await (const chunk of body as AsyncIterable<Buffer>) if ((seen += chunk.length) > 10_000) throw new Error('connection reset');
      },
    };
    // Many rows (a write waits for room when the store dies) and a few (the end waits when it dies).
    const cases = [[refuses, 'csv', 5000], [refuses, 'csv', 3], [refuses, 'xlsx', 3], [refuses, 'xlsx', 5000], [resets, 'csv', 5000], [resets, 'xlsx', 5000]] as const;
    for (const [files, format, count] of cases) {
      const f = fakes(format, suggestions(count), files);
      expect(await runExport(f.deps, { orgId: 'demo', username: 'u', exportId: 'E1' }, { pageSize: 500 }), `${format} ${count}`).toEqual({ outcome: 'failed', reason: 'error' });
      expect(f.record()).toMatchObject({ state: 'failed', failure: { reason: 'error' } });
    }
  });

  it('drops a job for an export that is finished already', async () => {
    const f = fakes('csv', suggestions(3));
    await runExport(f.deps, { orgId: 'demo', username: 'u', exportId: 'E1' });
    expect(await runExport(f.deps, { orgId: 'demo', username: 'u', exportId: 'E1' })).toEqual({ outcome: 'skipped' });
    expect(f.record()).toMatchObject({ state: 'done', rows: 3, attempts: 1 });
  });
});
