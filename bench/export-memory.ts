/**
 * Memory of a streamed export (npm run bench:exports [-- rows]): runs the export use case (shared/use-cases/
 * exports/run-export.ts) over a store that makes its suggestions page by page (none kept), into the data-folder
 * file writer, for CSV and XLSX, and samples the process's RSS every 10 ms. A streamed export's peak growth stays
 * flat as the rows grow; one that held its rows would grow with them. Ends with key=value lines.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LocalFileWriter } from '../shared/aws/local-file-store';
import type { ExportFormat, ExportRecord } from '../shared/domain/exports/export-record';
import type { Suggestion } from '../shared/domain/suggestion/suggestion';
import type { ExportStore } from '../shared/ports';
import { runExport } from '../shared/use-cases/exports/run-export';

const rows = Number(process.argv[2] ?? 50_000);
const dir = mkdtempSync(path.join(tmpdir(), 'jianyi-export-bench-'));

function suggestionAt(i: number): Suggestion {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  return {
    id: `S${i}`, orgId: 'demo', trackingCode: `T${String(i).padStart(7, '0')}`, pinHash: '', title: `第 ${i} 条建议：人民路公交站台加装遮阳棚，夏天候车暴晒`, content: '',
    category: 'traffic', channel: 'web', status: 'signed', leadDepartmentId: 'transport', cohandlerDepartmentIds: ['urban-mgmt'],
    contact: { name: '张三', phone: '13812345678', consent: true }, submittedAt: at, dueAt: at, updatedAt: at, version: 1,
  } as Suggestion;
}

async function measure(format: ExportFormat): Promise<{ ms: number; peakGrowthMb: number; bytes: number }> {
  let record: ExportRecord = { id: `E-${format}`, orgId: 'demo', username: 'bench', requestedAt: new Date().toISOString(), format, filters: {}, locale: 'zh-CN', state: 'queued', attempts: 0, fileKey: `exports/bench-${format}.${format}`, fileName: 'x' };
  const exports: ExportStore = {
    create: async () => undefined,
    get: async () => record,
    list: async () => [record],
    start: async () => (record = { ...record, state: 'running', attempts: 1 }),
    finish: async (next) => ((record = next), true),
  };
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const outcome = await runExport(
    {
      exports,
      store: {
        async queue(q) {
          const start = Number(q.cursor ?? 0);
          const end = Math.min(rows, start + q.limit);
          const items = Array.from({ length: end - start }, (_, n) => suggestionAt(start + n));
          return { items, ...(end < rows ? { nextCursor: String(end) } : {}) };
        },
      },
      directory: { departments: async () => [{ id: 'transport', name: '交通运输局', en: 'Transport Bureau' }, { id: 'urban-mgmt', name: '城市管理局', en: 'Urban Management' }] },
      files: new LocalFileWriter(dir),
      clock: { now: () => new Date() },
      log: { info: () => undefined, warn: () => undefined, error: (m, d) => console.error(m, d) },
    },
    { orgId: 'demo', username: 'bench', exportId: record.id },
  );
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (outcome.outcome !== 'done' || outcome.rows !== rows) throw new Error(`the ${format} export did not finish: ${JSON.stringify(outcome)}`);
  return { ms, peakGrowthMb: (peak - baseline) / 1024 / 1024, bytes: statSync(path.join(dir, record.fileKey!)).size };
}

try {
  const csv = await measure('csv');
  const xlsx = await measure('xlsx');
  console.log(`export of ${rows.toLocaleString('en')} rows (Node ${process.version}, RSS sampled every 10 ms)`);
  console.log('format   time      file        peak RSS growth');
  for (const [name, r] of [['csv', csv], ['xlsx', xlsx]] as const) {
    console.log(`${name.padEnd(8)} ${(r.ms / 1000).toFixed(2).padStart(6)} s ${(r.bytes / 1024 / 1024).toFixed(1).padStart(7)} MB ${r.peakGrowthMb.toFixed(1).padStart(10)} MB`);
  }
  console.log(`export_rows=${rows}`);
  console.log(`csv_ms=${Math.round(csv.ms)}`);
  console.log(`csv_peak_rss_growth_mb=${csv.peakGrowthMb.toFixed(1)}`);
  console.log(`xlsx_ms=${Math.round(xlsx.ms)}`);
  console.log(`xlsx_peak_rss_growth_mb=${xlsx.peakGrowthMb.toFixed(1)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
