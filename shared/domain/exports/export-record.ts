/**
 * An export of a filtered staff queue: the record kept while it runs in the background and after, with the state
 * the person sees. A failure is a state of its own with its reason, never a "done" with fewer rows.
 */
import type { Locale } from '../i18n/messages';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type ExportState = 'queued' | 'running' | 'done' | 'failed';

/** Why an export failed: too many rows for one XLSX sheet, the run stopped without finishing, anything else. */
export type ExportFailureReason = 'sheetLimit' | 'timedOut' | 'error';

/** The queue's filters as the export keeps them (the handler's department already filled in). */
export interface ExportFilters {
  status?: string;
  departmentId?: string;
  role?: 'lead' | 'cohandler';
  category?: string;
  from?: string;
  to?: string;
}

export interface ExportRecord {
  id: string;
  orgId: string;
  /** Who asked: the export is theirs alone to list and download. */
  username: string;
  requestedAt: string;
  format: ExportFormat;
  filters: ExportFilters;
  /** The language of the column headings and the names in the rows. */
  locale: Locale;
  state: ExportState;
  /** Runs begun (a redelivered job after a crash counts again); a stale run cannot overwrite a newer one. */
  attempts: number;
  startedAt?: string;
  finishedAt?: string;
  /** Data rows written (the heading row not counted). */
  rows?: number;
  bytes?: number;
  /** Where the file is kept (FileStore key) and the name it downloads under. */
  fileKey?: string;
  fileName?: string;
  failure?: { reason: ExportFailureReason; rows?: number };
  // Campaigns (issue 11): responses
  /** Set on an export of this campaign's responses (its filters are then empty): not an export of the queue. */
  campaignId?: string;
  // Campaigns (issue 11): media
  /** Set when this is a campaign's close report (a workbook) rather than an export of the queue. */
  campaignReport?: { campaignId: string; title: string };
}

/**
 * An XLSX sheet holds 1,048,576 rows (Excel's limit), the heading included. An export that would need more is
 * refused for XLSX and the person told to use CSV, rather than cut short.
 */
export const xlsxSheetRowLimit = 1_048_576;
export const xlsxMaxDataRows = xlsxSheetRowLimit - 1;

/** True when writing one more data row (after `rowsWritten`) would pass the sheet limit of this format. */
export function passesSheetLimit(format: ExportFormat, rowsWritten: number, maxDataRows = xlsxMaxDataRows): boolean {
  return format === 'xlsx' && rowsWritten + 1 > maxDataRows;
}

/**
 * The state to show. A run that started longer ago than a worker can live (its function's timeout) died without
 * saying so — a crash, a timeout: it is shown failed, not "running" for ever, and never done.
 */
export function effectiveExportState(record: ExportRecord, now: Date, maxRunMs: number): Pick<ExportRecord, 'state' | 'failure'> {
  if (record.state === 'running' && record.startedAt && now.getTime() - new Date(record.startedAt).getTime() > maxRunMs) {
    return { state: 'failed', failure: { reason: 'timedOut', ...(record.rows !== undefined ? { rows: record.rows } : {}) } };
  }
  return { state: record.state, ...(record.failure ? { failure: record.failure } : {}) };
}

/**
 * How long one export may run: the worker function's timeout (infra sets it from this). A run begun longer ago
 * than this, and not finished, died.
 */
export const exportRunLimitMs = 15 * 60_000;

/** The download name: 建议导出-20261201-0930.csv (office time of the request). */
export function exportFileName(record: Pick<ExportRecord, 'requestedAt' | 'format' | 'locale'>): string {
  const office = new Date(new Date(record.requestedAt).getTime() + 8 * 3600_000).toISOString();
  const stamp = `${office.slice(0, 10).replaceAll('-', '')}-${office.slice(11, 16).replace(':', '')}`;
  return `${record.locale === 'en' ? 'suggestions' : '建议导出'}-${stamp}.${record.format}`;
}
