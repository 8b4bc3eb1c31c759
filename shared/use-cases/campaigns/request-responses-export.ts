/**
 * POST /api/staff/campaigns/{campaignId}/exports {format: csv|xlsx, locale?} — an export of the campaign's
 * responses, written in the background by the file-jobs worker (exports/run-responses-export.ts) and listed and
 * downloaded with the person's other exports (GET /api/staff/exports, …/{id}/download).
 * Primary course:
 *  1. organizer, admin, supervisor or viewer of the campaign's organisation; the campaign has a questionnaire;
 *  2. an XLSX of more responses than a sheet holds is refused at once, naming CSV (CSV takes any number);
 *  3. write the queued export and the audit record of who exported which campaign, in one transaction;
 *  4. queue the job; if that fails, the export is marked failed (never left queued for ever) and the error answered.
 */
import * as z from 'zod';
import { ulid } from 'ulid';
import { responsesFileName } from '../../domain/campaign/response-export';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { exportFormats, xlsxMaxDataRows, type ExportRecord } from '../../domain/exports/export-record';
import { locales, type Locale } from '../../domain/i18n/messages';
import { auditRecord } from '../../domain/staff/audit-record';
import type { StaffPrincipal } from '../../domain/staff/principal';
import { parseOrThrow } from '../../domain/validation';
import type { CampaignFiguresSource, CampaignStore, Clock, ExportStore, FileJobQueue } from '../../ports';
import { exportView, keepAndQueue, type ExportView } from '../exports/staff-exports';
import { readableCampaign } from './staff-campaign-access';

export const responsesExportRequestSchema = z.strictObject({
  format: z.enum(exportFormats),
  /** The language of the headings and the choices (default: the request's). */
  locale: z.enum(locales).optional(),
});

export interface RequestResponsesExportDeps {
  campaigns: Pick<CampaignStore, 'get'>;
  figures: CampaignFiguresSource;
  exports: ExportStore;
  jobs: FileJobQueue;
  clock: Clock;
}

export async function requestResponsesExport(
  deps: RequestResponsesExportDeps,
  principal: StaffPrincipal,
  campaignId: string,
  body: unknown,
  requestLocale: Locale,
): Promise<ExportView> {
  const campaign = await readableCampaign(deps.campaigns, principal, campaignId);
  const request = parseOrThrow(responsesExportRequestSchema, body);
  if (!campaign.questionnaire) throw new NotFoundError('error.noQuestionnaire');
  if (request.format === 'xlsx') {
    const { responses } = await deps.figures.figures(principal.orgId, campaign.id);
    if (responses > xlsxMaxDataRows) throw new ValidationError({ format: { rule: 'sheetLimitUseCsv', params: { max: xlsxMaxDataRows, rows: responses } } });
  }
  const now = deps.clock.now();
  const locale = request.locale ?? requestLocale;
  const record: ExportRecord = {
    id: ulid(now.getTime()),
    orgId: principal.orgId,
    username: principal.username,
    requestedAt: now.toISOString(),
    format: request.format,
    filters: {},
    campaignId: campaign.id,
    locale,
    state: 'queued',
    attempts: 0,
  };
  record.fileName = responsesFileName(campaign.id, record.requestedAt, record.format, locale);
  record.fileKey = `exports/${principal.orgId}/${principal.username}/${record.id}.${record.format}`;
  await keepAndQueue(deps, record, auditRecord(principal, record.requestedAt, 'exportCampaignResponses', campaign.id, `format=${record.format} export=${record.id}`), {
    type: 'responsesExport',
    orgId: record.orgId,
    username: record.username,
    exportId: record.id,
  });
  return exportView(record, now);
}
