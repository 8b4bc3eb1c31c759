/**
 * Bulk import benchmark (批量导入, issue 12): a synthetic 12345 hotline export (one row in fifty invalid, one in a
 * hundred a repeat of an earlier record id) kept as an uploaded import, started through the local HTTP API and
 * worked by the real file-jobs worker (SQS → the bundled Lambda, 500-row chunks, each row through the intake on
 * DynamoDB Local and the local Step Functions); then the same file again. At the end every row must be in the
 * report exactly once (imported, skipped or invalid: `lost` rows neither) and the second run must create nothing.
 *
 *   npm run bench:import                       100,000 rows (BENCH_ROWS or --rows N)
 *   npm run bench:import -- --rows 2000        a quick try
 *
 * The file is kept directly (as the upload would keep it): 100,000 rows are ~15 MB, past the API's 4 MB upload.
 * Output: the figures, then key=value lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { LocalFileWriter } from '../shared/aws/local-file-store';
import { DynamoImportStore } from '../shared/aws/dynamo-import-store';
import { hotlineHeader, hotlineMapping } from '../shared/domain/imports/hotline-mapping';
import type { StaffPrincipal } from '../shared/domain/staff/principal';
import { uploadImport } from '../shared/use-cases/imports/staff-imports';
import { ensureSynthesized } from '../infra/local/build-steps';
import { projectRoot, startLocalStack } from '../infra/local/local-stack';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const rows = option('rows', 100_000);
const categories = ['交通', '城建', '城管', '环保', '教育', '医疗', '其他'];

/** The export: row i's record id is HL<i>; every 50th row has no content (invalid), every 100th repeats row i-1's id. */
function syntheticCsv(n: number): { csv: string; invalid: number; repeats: number } {
  const lines = [hotlineHeader.join(',')];
  let invalid = 0;
  let repeats = 0;
  for (let i = 1; i <= n; i++) {
    const bad = i % 50 === 0;
    const repeat = !bad && i % 100 === 1 && i > 1;
    if (bad) invalid++;
    if (repeat) repeats++;
    const id = repeat ? `HL${String(i - 2).padStart(7, '0')}` : `HL${String(i).padStart(7, '0')}`;
    const day = 1 + (i % 28);
    lines.push(
      [id, `第${i}号诉求：路灯不亮`, bad ? '' : `幸福小区${i % 300}号楼门口路灯已坏多日，夜间出行不便，请尽快维修。`, categories[i % categories.length], `2026-11-${String(day).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:05`, '市民', i % 3 ? `139${String(i % 1e8).padStart(8, '0')}` : '', `人民路${i % 500}号`].join(','),
    );
  }
  return { csv: lines.join('\r\n') + '\r\n', invalid, repeats };
}

async function main(): Promise<void> {
  await ensureSynthesized(projectRoot, (m) => console.log(m));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jianyi-bench-import-'));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const stack = await startLocalStack({ dataDir, seed: true, seedHistory: false, schedules: false, log: () => undefined });
  try {
    const token = await stack.identityProvider!.issueToken!('admin');
    const api = async (p: string, init: RequestInit = {}) => {
      const r = await fetch(`${stack.url}${p}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : undefined };
    };
    const { csv, invalid, repeats } = syntheticCsv(rows);
    const bytes = Buffer.from(csv, 'utf8');
    console.log(`file: ${rows} rows, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, ${invalid} invalid, ${repeats} repeated record ids`);
    const admin: StaffPrincipal = { username: 'admin', name: '管理员 王敏', role: 'admin', orgId: 'demo' };
    const deps = { imports: new DynamoImportStore(stack.documents, stack.tableName), files: new LocalFileWriter(path.join(dataDir, 'files')), clock: { now: () => new Date() } };

    async function run(label: string): Promise<{ counts: { imported: number; skipped: number; invalid: number }; seconds: number; reportRows: string[][] }> {
      const { import: record } = await uploadImport(deps, admin, { body: bytes, query: { system: 'bench', fileName: 'bench.csv' } }, Infinity);
      const began = Date.now();
      const started = await api(`/api/staff/imports/${record.id}/start`, { method: 'POST', body: JSON.stringify({ mapping: hotlineMapping }) });
      if (started.status !== 202) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
      let status: any;
      let lastLog = 0;
      for (;;) {
        status = (await api(`/api/staff/imports/${record.id}`)).body;
        if (status.state === 'done') break;
        if (Date.now() - lastLog > 10_000) {
          lastLog = Date.now();
          console.log(`  ${label}: ${(status.progress * 100).toFixed(1)}% (${status.chunksDone}/${status.chunkCount} chunks) after ${((Date.now() - began) / 1000).toFixed(0)} s`);
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
      const seconds = (Date.now() - began) / 1000;
      const link = await api(`/api/staff/imports/${record.id}/report`);
      const report = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
      const reportRows = (parse(report, { bom: true }) as string[][]).slice(1);
      console.log(`${label}: ${JSON.stringify(status.counts)} in ${seconds.toFixed(1)} s (${(rows / seconds).toFixed(0)} rows/s)`);
      return { counts: status.counts, seconds, reportRows };
    }

    const first = await run('first import');
    const second = await run('same file again');
    const reported = new Set(first.reportRows.map((r) => Number(r[0])));
    let lost = 0;
    for (let row = 1; row <= rows; row++) if (!reported.has(row)) lost++;
    lost += Math.max(0, rows - (first.counts.imported + first.counts.skipped + first.counts.invalid));
    const duplicatesInReport = first.reportRows.length - reported.size;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`rows=${rows}`);
    console.log(`rows_per_s=${(rows / first.seconds).toFixed(1)}`);
    console.log(`reimport_rows_per_s=${(rows / second.seconds).toFixed(1)}`);
    console.log(`imported=${first.counts.imported}`);
    console.log(`skipped=${first.counts.skipped}`);
    console.log(`invalid=${first.counts.invalid}`);
    console.log(`expected_invalid=${invalid}`);
    console.log(`report_duplicates=${duplicatesInReport}`);
    console.log(`lost=${lost}`);
    console.log(`reimport_created=${second.counts.imported}`);
    console.log(`reimport_skipped=${second.counts.skipped}`);
    console.log(`peak_rss_mb=${(peak / 1024 / 1024).toFixed(0)}`);
  } finally {
    clearInterval(sampler);
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
