/**
 * The worker's part of 批量导入 (issue 12): one queued chunk of an import's rows. Each row without a result yet goes
 * through the one intake (submitSuggestion, channel import, keyed by the source's record id, its original time
 * kept, no receipt unless the import asked for one), as the staff member who started the import; its result
 * is written once. A redelivered chunk (the Lambda crashed half-way) skips the rows already recorded, and a row
 * taken in but not yet recorded answers "already received" from a suggestion of this same import: imported,
 * not skipped. Then the chunk's counts, derived from its rows, and the import's, from its chunks'.
 */
import { DomainError, ValidationError } from '../../domain/errors';
import { chunkRange, countsOf, type ImportRowResult } from '../../domain/imports/bulk-import';
import { mapRow, problemText, requireUsableMapping } from '../../domain/imports/map-row';
import type { Clock, FileReader, Log } from '../../ports';
import type { ImportStore } from '../../ports/imports';
import { inParallel } from '../in-parallel';
import { submitSuggestion, type SubmitDeps } from '../submit-suggestion';
import { importTable } from './import-table';

export interface RunImportChunkDeps {
  imports: ImportStore;
  reader: FileReader;
  submit: SubmitDeps;
  clock: Clock;
  log: Pick<Log, 'info' | 'error'>;
  /** Rows taken in at once (each is a few DynamoDB writes and a workflow start). */
  concurrency?: number;
}

export type RunImportChunkOutcome = { outcome: 'importChunk'; importId: string; chunk: number; rows: number } | { outcome: 'importGone' | 'importNotRunning'; importId: string };

export async function runImportChunk(deps: RunImportChunkDeps, job: { orgId: string; importId: string; chunk: number }): Promise<RunImportChunkOutcome> {
  const record = await deps.imports.get(job.orgId, job.importId);
  if (!record) return { outcome: 'importGone', importId: job.importId };
  if (record.state === 'uploaded' || !record.mapping || !record.startedBy) return { outcome: 'importNotRunning', importId: job.importId };
  const { from, to } = chunkRange(job.chunk, record.rowCount);
  const recorded = new Map((await deps.imports.rowResults(job.orgId, job.importId, from, to)).map((r) => [r.row, r]));
  const mapping = record.mapping;
  const indexes = requireUsableMapping(record.header, mapping);
  const table = await importTable(deps.reader, record);
  const actor = { type: 'staff' as const, id: record.startedBy.id, name: record.startedBy.name, role: record.startedBy.role };
  const owners = ownerRows(record.id, table, indexes, mapping);
  const todo: number[] = [];
  for (let row = from; row <= to; row++) if (!recorded.has(row)) todo.push(row);

  await inParallel(todo, deps.concurrency ?? 8, async (row) => {
    const result = await takeRow(deps, record.id, record.orgId, record.system, record.sendReceipt === true, actor, row, table.rows[row - 1] ?? [], mapping, indexes, owners);
    await deps.imports.recordRow(job.orgId, job.importId, result);
  });

  // Derived from what is stored (the first answer of every row), not from what this run did.
  const results = await deps.imports.rowResults(job.orgId, job.importId, from, to);
  if (results.length !== to - from + 1) throw new Error(`chunk ${job.chunk} of import ${job.importId}: ${results.length} of ${to - from + 1} rows recorded`);
  await deps.imports.finishChunk(job.orgId, job.importId, job.chunk, countsOf(results), deps.clock.now().toISOString());
  return { outcome: 'importChunk', importId: job.importId, chunk: job.chunk, rows: todo.length };
}

const ownerCache = new WeakMap<object, { importId: string; owners: Map<string, number> }>();

/** Each record id's first valid row in the file (computed once per file and import, the file is cached). */
function ownerRows(importId: string, table: { rows: string[][] }, indexes: Parameters<typeof mapRow>[1], mapping: Parameters<typeof mapRow>[2]): Map<string, number> {
  const cached = ownerCache.get(table);
  if (cached?.importId === importId) return cached.owners;
  const owners = new Map<string, number>();
  const at = indexes.recordId;
  table.rows.forEach((cells, i) => {
    const id = at === undefined ? '' : (cells[at] ?? '').trim();
    if (!id || owners.has(id)) return;
    if (mapRow(cells, indexes, mapping).ok) owners.set(id, i + 1);
  });
  ownerCache.set(table, { importId, owners });
  return owners;
}

async function takeRow(
  deps: RunImportChunkDeps,
  importId: string,
  orgId: string,
  system: string,
  sendReceipt: boolean,
  actor: { type: 'staff'; id: string; name: string; role: string },
  row: number,
  cells: readonly string[],
  mapping: Parameters<typeof mapRow>[2],
  indexes: Parameters<typeof mapRow>[1],
  owners: Map<string, number>,
): Promise<ImportRowResult> {
  const mapped = mapRow(cells, indexes, mapping);
  if (!mapped.ok) return { row, ...(mapped.recordId ? { recordId: mapped.recordId } : {}), outcome: 'invalid', reason: problemText(mapped.problems) };
  const { recordId, submittedAt, body } = mapped.row;
  // A record id twice in the file: its first valid row takes it in, whichever chunk runs first; the others are skipped.
  const owner = owners.get(recordId);
  if (owner !== undefined && owner !== row) return { row, recordId, outcome: 'skipped', reason: `文件中重复（同第 ${owner} 行的来源编号）` };
  try {
    const result = await submitSuggestion(deps.submit, {
      orgId,
      body,
      locale: 'zh-CN',
      actor,
      allowedChannels: ['import'],
      source: { system, recordId, importId },
      sourceRecord: { system, recordId },
      ...(submittedAt ? { submittedAt } : {}),
      sendReceipt,
      note: `批量导入 ${system} ${recordId}`,
    });
    if (!result.body.alreadyReceived) return { row, recordId, outcome: 'imported', trackingCode: result.body.trackingCode };
    // Taken in by this very import (a run that stopped before recording it), or by an earlier one.
    const existing = await deps.submit.store.getByTrackingCode(result.body.trackingCode);
    const ours = existing?.source?.importId === importId;
    return { row, recordId, outcome: ours ? 'imported' : 'skipped', trackingCode: result.body.trackingCode, ...(ours ? {} : { reason: '已导入过（同一来源编号）' }) };
  } catch (error) {
    if (error instanceof ValidationError) return { row, recordId, outcome: 'invalid', reason: problemText(error.fields ?? {}) };
    // A refusal that is about the row (a campaign closed, a limit): invalid with its reason; anything else retries the chunk.
    if (error instanceof DomainError && error.status < 500 && error.status !== 429) return { row, recordId, outcome: 'invalid', reason: error.messageKey };
    throw error;
  }
}
