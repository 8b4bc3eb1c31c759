/**
 * The background run of an export of a campaign's responses (the file-jobs worker). Primary course:
 *  1. mark the export running (one more attempt); a job for an export that is done or failed already is dropped;
 *  2. read the campaign: its questionnaire as it is now fixes the columns (a matrix: one per row) and its stations'
 *     names; open the file as a stream and write the heading row;
 *  3. page through the responses oldest first (the listing's shards merged), one page in memory at a time, and
 *     stream each as a row with readable choices in the export's language;
 *  4. close the file, and only once it is stored mark the export done with its row count.
 * Any failure on the way — an XLSX that would pass the sheet's rows, a store or file error, the campaign gone —
 * aborts the file and marks the export failed with its reason: it never says done, never offers a partial file
 * (Decidim's 250k-answer export ran out of memory and still reported success).
 */
import { responseSheet } from '../../domain/campaign/response-export';
import { passesSheetLimit, xlsxMaxDataRows, type ExportRecord } from '../../domain/exports/export-record';
import type { CampaignStore, Clock, ExportStore, FileWriter, Log, ResponseStore } from '../../ports';
import type { RunExportOutcome } from './run-export';
import { rowWriter } from './row-writers';

export interface RunResponsesExportDeps {
  exports: ExportStore;
  campaigns: Pick<CampaignStore, 'get'>;
  responses: Pick<ResponseStore, 'page'>;
  files: FileWriter;
  clock: Clock;
  log: Log;
}

export interface RunResponsesExportOptions {
  /** Responses read from each shard of the listing per page. */
  perShard?: number;
  /** Data rows an XLSX sheet takes (Excel's limit less the heading); smaller in tests. */
  xlsxMaxRows?: number;
}

class SheetLimitReached extends Error {}

export async function runResponsesExport(
  deps: RunResponsesExportDeps,
  job: { orgId: string; username: string; exportId: string },
  options: RunResponsesExportOptions = {},
): Promise<RunExportOutcome> {
  const started = await deps.exports.start(job.orgId, job.username, job.exportId, deps.clock.now().toISOString());
  if (!started) return { outcome: 'skipped' };
  const record: ExportRecord = started;
  const maxRows = options.xlsxMaxRows ?? xlsxMaxDataRows;
  const writer = rowWriter(record.format, record.locale === 'en' ? 'Responses' : '答卷');
  const stored = deps.files.write(record.fileKey!, writer.output, writer.contentType);
  // A store that fails stops taking bytes: abort at once, or the next write would wait for room for ever.
  stored.catch((error: Error) => writer.abort(error));
  let rows = 0;
  try {
    const campaign = record.campaignId ? await deps.campaigns.get(record.orgId, record.campaignId) : undefined;
    if (!campaign?.questionnaire) throw new Error(`campaign ${record.campaignId} or its questionnaire is gone`);
    const sheet = responseSheet(campaign.questionnaire, campaign.stations, record.locale);
    await writer.write(sheet.headings);
    let cursor: string | undefined;
    do {
      const page = await deps.responses.page(record.orgId, campaign.id, { order: 'oldest', perShard: options.perShard ?? 200, ...(cursor ? { cursor } : {}) });
      for (const response of page.responses) {
        if (passesSheetLimit(record.format, rows, maxRows)) throw new SheetLimitReached();
        await writer.write(sheet.row(response));
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
    deps.log.error('responses export failed', { exportId: record.id, campaignId: record.campaignId, reason, rows, error: (error as Error).message });
    await deps.exports.finish({ ...record, state: 'failed', failure: { reason, rows }, rows, finishedAt: deps.clock.now().toISOString() });
    return { outcome: 'failed', reason };
  }
  const finished = await deps.exports.finish({ ...record, state: 'done', rows, finishedAt: deps.clock.now().toISOString() });
  if (!finished) return { outcome: 'skipped' };
  return { outcome: 'done', rows };
}
