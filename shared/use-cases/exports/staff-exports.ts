/**
 * Exports of the staff queue, as the person asks for them (POST /api/staff/exports), lists them (GET) and
 * downloads one (GET …/{id}/download). The file itself is written in the background (run-export.ts).
 * Primary course of a request:
 *  1. validate the format and the queue's filters; narrow them as the queue does (a handler: their department);
 *  2. write the queued export and the audit record of who exported which filters, in one transaction;
 *  3. queue the job; if that fails, the export is marked failed (never left "queued" for ever) and the error
 *     answered.
 */
import * as z from 'zod';
import { ulid } from 'ulid';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { effectiveExportState, exportContentTypes as contentTypes, exportFileName, exportFormats, exportRunLimitMs, type ExportRecord } from '../../domain/exports/export-record';
import type { Locale } from '../../domain/i18n/messages';
import { auditRecord } from '../../domain/staff/audit-record';
import type { StaffPrincipal } from '../../domain/staff/principal';
import { parseOrThrow } from '../../domain/validation';
import type { AuditLog, AuditRecord, Clock, ExportStore, FileJob, FileJobQueue, FileLinks } from '../../ports';
import { queueFilterSchema, scopedFilters } from '../staff-queue';

export const exportRequestSchema = z.strictObject({
  format: z.enum(exportFormats),
  filters: queueFilterSchema.pick({ status: true, departmentId: true, role: true, category: true, from: true, to: true }).default({ role: 'lead' }),
});

/** One export as the person's list shows it. */
export interface ExportView {
  id: string;
  format: ExportRecord['format'];
  state: ExportRecord['state'];
  failure?: ExportRecord['failure'];
  filters: ExportRecord['filters'];
  requestedAt: string;
  finishedAt?: string;
  rows?: number;
  fileName?: string;
  // Campaigns (issue 11): responses — an export of this campaign's responses.
  campaignId?: string;
  // Campaigns (issue 11): media
  campaignReport?: ExportRecord['campaignReport'];
}

export interface ExportsResponse {
  exports: ExportView[];
}

export interface DownloadResponse {
  url: string;
  fileName: string;
  expiresAt: string;
}

/** A download link lives five minutes: long enough to start it, short enough that a forwarded link goes stale. */
export const downloadLinkSeconds = 300;

const filterOrder = ['status', 'departmentId', 'role', 'category', 'from', 'to'] as const;

function filtersText(filters: ExportRecord['filters']): string {
  return filterOrder
    .filter((name) => filters[name] !== undefined && filters[name] !== '')
    .map((name) => `${name}=${filters[name]}`)
    .join(' ');
}

export function exportView(record: ExportRecord, now: Date): ExportView {
  const { state, failure } = effectiveExportState(record, now, exportRunLimitMs);
  return {
    id: record.id,
    format: record.format,
    state,
    ...(failure ? { failure } : {}),
    filters: record.filters,
    requestedAt: record.requestedAt,
    ...(record.finishedAt ? { finishedAt: record.finishedAt } : {}),
    ...(state === 'done' && record.rows !== undefined ? { rows: record.rows } : {}),
    ...(state === 'done' && record.fileName ? { fileName: record.fileName } : {}),
    ...(record.campaignId ? { campaignId: record.campaignId } : {}),
    ...(record.campaignReport ? { campaignReport: record.campaignReport } : {}),
  };
}

export async function requestExport(
  deps: { exports: ExportStore; jobs: FileJobQueue; clock: Clock },
  principal: StaffPrincipal,
  body: unknown,
  locale: Locale,
): Promise<ExportView> {
  const request = parseOrThrow(exportRequestSchema, body);
  const filters = Object.fromEntries(
    Object.entries(scopedFilters(principal, request.filters)).filter(([name, value]) => value !== undefined && !(name === 'role' && value === 'lead')),
  ) as ExportRecord['filters'];
  const now = deps.clock.now();
  const record: ExportRecord = {
    id: ulid(now.getTime()),
    orgId: principal.orgId,
    username: principal.username,
    requestedAt: now.toISOString(),
    format: request.format,
    filters,
    locale,
    state: 'queued',
    attempts: 0,
  };
  record.fileName = exportFileName(record);
  record.fileKey = `exports/${principal.orgId}/${principal.username}/${record.id}.${record.format}`;
  const detail = `format=${record.format}${filtersText(filters) ? ` ${filtersText(filters)}` : ''}`;
  await keepAndQueue(deps, record, auditRecord(principal, record.requestedAt, 'exportQueue', record.id, detail), { type: 'export', orgId: record.orgId, username: record.username, exportId: record.id });
  return exportView(record, now);
}

/**
 * Keeps an export with its audit record (one write), then queues its job; if queueing fails the export is marked
 * failed at once (so the person's list never shows one waiting forever) and the error goes on. Every kind of kept
 * file — a queue export, a campaign's responses, a close report — is asked for this way.
 */
export async function keepAndQueue(
  deps: { exports: ExportStore; jobs: FileJobQueue; clock: Clock },
  record: ExportRecord,
  audit: AuditRecord,
  job: FileJob,
): Promise<void> {
  await deps.exports.create(record, audit);
  try {
    await deps.jobs.enqueue(job);
  } catch (error) {
    await deps.exports.finish({ ...record, state: 'failed', failure: { reason: 'error' }, finishedAt: deps.clock.now().toISOString() });
    throw error;
  }
}

export async function listExports(deps: { exports: ExportStore; clock: Clock }, principal: StaffPrincipal): Promise<ExportsResponse> {
  const now = deps.clock.now();
  const records = await deps.exports.list(principal.orgId, principal.username, 20);
  return { exports: records.map((record) => exportView(record, now)) };
}

/** A link to a finished export of one's own (another person's is not found); the download is audited. */
export async function exportDownload(
  deps: { exports: ExportStore; links: FileLinks; audit: AuditLog; clock: Clock },
  principal: StaffPrincipal,
  id: string,
): Promise<DownloadResponse> {
  const record = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? await deps.exports.get(principal.orgId, principal.username, id) : undefined;
  if (!record) throw new NotFoundError('error.exportNotFound');
  const now = deps.clock.now();
  const { state } = effectiveExportState(record, now, exportRunLimitMs);
  if (state !== 'done' || !record.fileKey || !record.fileName) throw new ConflictError('error.exportNotReady', { state }, 'export_not_ready');
  const url = await deps.links.downloadUrl(record.fileKey, {
    fileName: record.fileName,
    contentType: contentTypes[record.format],
    disposition: 'attachment',
    expiresInSeconds: downloadLinkSeconds,
  });
  await deps.audit.record(auditRecord(principal, now.toISOString(), 'downloadExport', record.id, `format=${record.format} rows=${record.rows ?? 0}`));
  return { url, fileName: record.fileName, expiresAt: new Date(now.getTime() + downloadLinkSeconds * 1000).toISOString() };
}
