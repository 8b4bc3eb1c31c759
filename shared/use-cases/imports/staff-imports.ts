/**
 * 批量导入 for staff (issue 12, point 2). Primary course:
 *  1. upload (POST /api/staff/imports?system=&fileName=, the file's bytes as the body, sent as
 *     application/octet-stream: a text/* body would reach the function decoded as UTF-8, breaking GBK): admin or dispatcher (403);
 *     a CSV (UTF-8 or GBK) or XLSX of at most 4 MB with a header row and data rows (400 `file`); the file kept,
 *     the import recorded `uploaded` with its header and first rows, audited in the same transaction; a saved
 *     mapping made for this header is offered;
 *  2. preview (POST …/{id}/preview, a mapping): the first 20 rows as they would be imported, each valid or with
 *     its problems per field;
 *  3. start (POST …/{id}/start, a mapping, `sendReceipt` default false): the import set running with its mapping
 *     (409 if started already), audited; every chunk of 500 rows queued on the file-jobs queue;
 *  4. resume (POST …/{id}/resume): the chunks not finished queued again (a chunk is safe to run twice);
 *  5. status (GET …/{id}), list (GET /api/staff/imports), report (GET …/{id}/report: a CSV of every row's result,
 *     written streamed to a kept file, answered with a download link).
 */
import { PassThrough } from 'node:stream';
import { ulid } from 'ulid';
import * as z from 'zod';
import { parseOrThrow } from '../../domain/validation';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { chunkCountOf, importLimits, type BulkImport, type ImportMapping, type ImportRowResult } from '../../domain/imports/bulk-import';
import { mapRow, problemText, requireUsableMapping } from '../../domain/imports/map-row';
import { readTable } from '../../domain/imports/read-table';
import { reportHeader, reportLine } from '../../domain/imports/import-report';
import { auditRecord } from '../../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../../domain/staff/principal';
import type { Clock, FileJobQueue, FileLinks, FileReader, FileWriter } from '../../ports';
import type { ImportStore } from '../../ports/imports';
import { importTable } from './import-table';
import { importRoles, mappingFor, parseMapping } from './import-mappings';

export interface StaffImportDeps {
  imports: ImportStore;
  files: FileWriter;
  reader: FileReader;
  links: FileLinks;
  jobs: FileJobQueue;
  clock: Clock;
}

// The mapping itself is checked by its own schema (import-mappings.ts), so its problems are named `mapping.*`.
const previewSchema = z.strictObject({ mapping: z.record(z.string(), z.unknown()) });
const startSchema = z.strictObject({ mapping: z.record(z.string(), z.unknown()), sendReceipt: z.boolean().optional() });

const systemPattern = /^[\p{L}\p{N}_.-]{1,32}$/u;
const importIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** What the mapping page needs: the import and the saved mapping for its header, if there is one. */
export interface UploadedImport {
  import: BulkImport;
  suggestedMapping?: ImportMapping;
}

export async function uploadImport(
  deps: Pick<StaffImportDeps, 'imports' | 'files' | 'clock'>,
  principal: StaffPrincipal,
  request: { body: Buffer | undefined; query: Record<string, string | undefined> },
  maxBytes: number = importLimits.maxBytes,
): Promise<UploadedImport> {
  requireRole(principal, importRoles);
  const system = (request.query.system ?? '').trim();
  const fileName = (request.query.fileName ?? 'import.csv').trim().replace(/[\\/\r\n"]/g, '_').slice(0, 120) || 'import.csv';
  if (!systemPattern.test(system)) throw new ValidationError({ system: system ? { rule: 'importSystem' } : { rule: 'required' } });
  const body = request.body;
  if (!body || body.byteLength === 0) throw new ValidationError({ file: { rule: 'required' } });
  if (body.byteLength > maxBytes) throw new ValidationError({ file: { rule: 'fileTooLarge', params: { max: `${Math.round(maxBytes / 1024 / 1024)} MB` } } });
  let parsed: Awaited<ReturnType<typeof readTable>>;
  try {
    parsed = await readTable(body);
  } catch {
    throw new ValidationError({ file: { rule: 'importFormat' } });
  }
  const { format, table } = parsed;
  if (table.header.length === 0 || table.rows.length === 0) throw new ValidationError({ file: { rule: 'importEmpty' } });
  if (table.rows.length > importLimits.maxRows) throw new ValidationError({ file: { rule: 'importTooManyRows', params: { max: importLimits.maxRows } } });

  const now = deps.clock.now();
  const at = now.toISOString();
  const id = ulid(now.getTime());
  const fileKey = `imports/${principal.orgId}/${id}/source.${format}`;
  await deps.files.write(fileKey, (() => { const s = new PassThrough(); s.end(body); return s; })(), format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
  const record: BulkImport = {
    id,
    orgId: principal.orgId,
    system,
    fileName,
    fileKey,
    format,
    state: 'uploaded',
    header: table.header,
    sample: table.rows.slice(0, importLimits.sampleRows),
    rowCount: table.rows.length,
    chunkCount: chunkCountOf(table.rows.length),
    createdAt: at,
    createdBy: principal.username,
    counts: { imported: 0, skipped: 0, invalid: 0 },
    chunksDone: 0,
  };
  await deps.imports.create(record, auditRecord(principal, at, 'uploadImport', id, `system=${system} rows=${record.rowCount} bytes=${body.byteLength}`));
  const suggested = mappingFor(await deps.imports.mappings(principal.orgId), table.header);
  return { import: record, ...(suggested ? { suggestedMapping: suggested } : {}) };
}

async function importOrThrow(imports: ImportStore, principal: StaffPrincipal, id: string): Promise<BulkImport> {
  requireRole(principal, importRoles);
  const record = importIdPattern.test(id) ? await imports.get(principal.orgId, id) : undefined;
  if (!record) throw new NotFoundError('error.importNotFound');
  return record;
}

export interface PreviewRow {
  row: number;
  recordId?: string;
  valid: boolean;
  /** The suggestion as it would be taken in (valid rows). */
  suggestion?: Record<string, unknown>;
  submittedAt?: string;
  /** Per field: the rule broken, in the caller's language. */
  errors?: Record<string, string>;
  reason?: string;
}

export async function previewImport(
  deps: Pick<StaffImportDeps, 'imports' | 'reader'>,
  principal: StaffPrincipal,
  id: string,
  body: unknown,
  locale: 'zh-CN' | 'en',
): Promise<{ rows: PreviewRow[]; rowCount: number }> {
  const record = await importOrThrow(deps.imports, principal, id);
  const mapping = parseMapping(parseOrThrow(previewSchema, body ?? {}).mapping);
  const indexes = requireUsableMapping(record.header, mapping);
  const table = await importTable(deps.reader, record);
  const rows = table.rows.slice(0, importLimits.previewRows).map((cells, i): PreviewRow => {
    const mapped = mapRow(cells, indexes, mapping);
    if (mapped.ok) {
      return { row: i + 1, recordId: mapped.row.recordId, valid: true, suggestion: mapped.row.body, ...(mapped.row.submittedAt ? { submittedAt: mapped.row.submittedAt.toISOString() } : {}) };
    }
    const errors = Object.fromEntries(Object.entries(mapped.problems).map(([f, p]) => [f, problemText({ [f]: p }, locale)]));
    return { row: i + 1, ...(mapped.recordId ? { recordId: mapped.recordId } : {}), valid: false, errors, reason: problemText(mapped.problems, locale) };
  });
  return { rows, rowCount: record.rowCount };
}

export async function startImport(
  deps: Pick<StaffImportDeps, 'imports' | 'jobs' | 'clock'>,
  principal: StaffPrincipal,
  id: string,
  body: unknown,
): Promise<BulkImport> {
  const record = await importOrThrow(deps.imports, principal, id);
  const input = parseOrThrow(startSchema, body ?? {});
  const mapping = parseMapping(input.mapping);
  requireUsableMapping(record.header, mapping);
  const at = deps.clock.now().toISOString();
  const started: BulkImport = { ...record, state: 'running', mapping: { ...mapping, header: record.header }, sendReceipt: input.sendReceipt === true, startedAt: at, startedBy: { id: principal.username, name: principal.name, role: principal.role } };
  const ok = await deps.imports.start(started, auditRecord(principal, at, 'startImport', id, `mapping=${mapping.name} rows=${record.rowCount} receipt=${started.sendReceipt}`));
  if (!ok) throw new ConflictError('error.importStarted', { state: record.state }, 'import_started');
  for (let chunk = 0; chunk < record.chunkCount; chunk++) await deps.jobs.enqueue({ type: 'import', orgId: principal.orgId, importId: id, chunk });
  return started;
}

export async function resumeImport(deps: Pick<StaffImportDeps, 'imports' | 'jobs' | 'clock'>, principal: StaffPrincipal, id: string): Promise<{ requeued: number[] }> {
  const record = await importOrThrow(deps.imports, principal, id);
  if (record.state !== 'running') throw new ConflictError('error.importNotRunning', { state: record.state }, 'import_not_running');
  const finished = new Set(await deps.imports.finishedChunks(principal.orgId, id));
  const requeued = Array.from({ length: record.chunkCount }, (_, i) => i).filter((c) => !finished.has(c));
  await deps.imports.audit(auditRecord(principal, deps.clock.now().toISOString(), 'resumeImport', id, `chunks=${requeued.length}`));
  for (const chunk of requeued) await deps.jobs.enqueue({ type: 'import', orgId: principal.orgId, importId: id, chunk });
  return { requeued };
}

export async function importStatus(deps: Pick<StaffImportDeps, 'imports'>, principal: StaffPrincipal, id: string): Promise<BulkImport & { progress: number }> {
  const record = await importOrThrow(deps.imports, principal, id);
  const done = record.counts.imported + record.counts.skipped + record.counts.invalid;
  return { ...record, progress: record.rowCount ? Math.round((done / record.rowCount) * 1000) / 1000 : 1 };
}

export async function listImports(deps: Pick<StaffImportDeps, 'imports'>, principal: StaffPrincipal): Promise<{ items: BulkImport[] }> {
  requireRole(principal, importRoles);
  return { items: await deps.imports.list(principal.orgId, 50) };
}

/** The report's lines, the rows' results a page at a time (never all in memory). */
export async function* reportLines(imports: ImportStore, orgId: string, id: string): AsyncIterable<string> {
  yield reportHeader();
  for await (const page of imports.rowPages(orgId, id)) {
    if (page.length) yield page.map((r: ImportRowResult) => reportLine(r)).join('');
  }
}

export async function importReport(deps: StaffImportDeps, principal: StaffPrincipal, id: string): Promise<{ url: string; fileName: string }> {
  const record = await importOrThrow(deps.imports, principal, id);
  const now = deps.clock.now();
  const key = `imports/${principal.orgId}/${id}/report-${ulid(now.getTime())}.csv`;
  const stream = new PassThrough();
  const writing = deps.files.write(key, stream, 'text/csv; charset=utf-8');
  try {
    for await (const chunk of reportLines(deps.imports, principal.orgId, id)) {
      if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
    }
    stream.end();
  } catch (error) {
    stream.destroy(error as Error);
    throw error;
  }
  await writing;
  const fileName = `import-${record.system}-${id}.csv`;
  const url = await deps.links.downloadUrl(key, { fileName, contentType: 'text/csv; charset=utf-8', disposition: 'attachment', expiresInSeconds: 900 });
  await deps.imports.audit(auditRecord(principal, now.toISOString(), 'downloadImportReport', id, `rows=${record.rowCount}`));
  return { url, fileName };
}
