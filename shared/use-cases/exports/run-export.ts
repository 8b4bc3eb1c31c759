/**
 * The background run of one export (the file-jobs worker). Primary course:
 *  1. mark the export running (one more attempt); a job for an export that is done or failed already is dropped;
 *  2. open the file as a stream and write the heading row;
 *  3. page through the queue with the export's filters (the same query the queue page makes) and stream each
 *     suggestion's row into the file — one page in memory at a time, never all rows;
 *  4. close the file, and only once it is stored mark the export done with its row count.
 * Any failure on the way (an XLSX that would pass the sheet's rows, a store or file error) aborts the file and
 * marks the export failed with its reason: a failed export never says done, and never offers a partial file.
 */
import { exportHeadings, exportRow } from '../../domain/exports/export-row';
import { passesSheetLimit, xlsxMaxDataRows, type ExportRecord } from '../../domain/exports/export-record';
import type { Clock, Directory, ExportStore, FileWriter, Log, SuggestionStore } from '../../ports';
import { queueQueryOf } from '../staff-queue';
import { rowWriter } from './row-writers';

export interface RunExportDeps {
  exports: ExportStore;
  store: Pick<SuggestionStore, 'queue'>;
  directory: Pick<Directory, 'departments'>;
  files: FileWriter;
  clock: Clock;
  log: Log;
}

export interface RunExportOptions {
  /** Suggestions read per store query. */
  pageSize?: number;
  /** Data rows an XLSX sheet takes (Excel's limit less the heading); smaller in tests. */
  xlsxMaxRows?: number;
}

export type RunExportOutcome = { outcome: 'done'; rows: number } | { outcome: 'failed'; reason: string } | { outcome: 'skipped' };

class SheetLimitReached extends Error {}

export async function runExport(
  deps: RunExportDeps,
  job: { orgId: string; username: string; exportId: string },
  options: RunExportOptions = {},
): Promise<RunExportOutcome> {
  const started = await deps.exports.start(job.orgId, job.username, job.exportId, deps.clock.now().toISOString());
  if (!started) return { outcome: 'skipped' };
  const record: ExportRecord = started;
  const pageSize = options.pageSize ?? 500;
  const maxRows = options.xlsxMaxRows ?? xlsxMaxDataRows;
  const writer = rowWriter(record.format, record.locale === 'en' ? 'Suggestions' : '建议');
  const stored = deps.files.write(record.fileKey!, writer.output, writer.contentType);
  // A store that fails stops taking bytes: abort at once, or the next write would wait for room for ever.
  stored.catch((error: Error) => writer.abort(error));
  let rows = 0;
  try {
    const departments = new Map((await deps.directory.departments(record.orgId)).map((d) => [d.id, d]));
    const now = deps.clock.now();
    await writer.write(exportHeadings(record.locale));
    const query = queueQueryOf(record.orgId, record.filters);
    let cursor: string | undefined;
    do {
      const page = await deps.store.queue({ ...query, limit: pageSize, ...(cursor ? { cursor } : {}) });
      for (const suggestion of page.items) {
        if (passesSheetLimit(record.format, rows, maxRows)) throw new SheetLimitReached();
        await writer.write(exportRow(suggestion, { locale: record.locale, departments, now }));
        rows++;
      }
      cursor = page.nextCursor;
    } while (cursor);
    await writer.end();
    await stored;
  } catch (error) {
    writer.abort(error as Error);
    await stored.catch(() => undefined);
    const reason = error instanceof SheetLimitReached ? 'sheetLimit' : 'error';
    deps.log.error('export failed', { exportId: record.id, reason, rows, error: (error as Error).message });
    await deps.exports.finish({ ...record, state: 'failed', failure: { reason, rows }, rows, finishedAt: deps.clock.now().toISOString() });
    return { outcome: 'failed', reason };
  }
  const finished = await deps.exports.finish({ ...record, state: 'done', rows, finishedAt: deps.clock.now().toISOString() });
  if (!finished) return { outcome: 'skipped' };
  return { outcome: 'done', rows };
}
