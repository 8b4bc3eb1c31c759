/**
 * A campaign's close report as a workbook (POST /api/staff/campaigns/{id}/report), kept like the exports of the
 * queue: it appears in the person's exports list and downloads through GET /api/staff/exports/{id}/download.
 * Primary course of a request:
 *  1. any staff role but a department's handler (a campaign's results are the office's); the campaign (404);
 *  2. write the queued export (marked a campaign report) and the audit record, in one transaction;
 *  3. queue the job `campaignReport`; if that fails, the export is marked failed and the error answered.
 * Primary course of the job (the file-jobs worker):
 *  1. mark the export running; a job for one done or failed already is dropped;
 *  2. read the campaign, its figures and its featured ideas; build the report (close-report.ts) and its workbook;
 *  3. store the file, and only then mark the export done; any failure marks it failed, with nothing offered.
 */
import { Readable } from 'node:stream';
import { ulid } from 'ulid';
import type { Campaign } from '../../domain/campaign/campaign';
import { campaignIdPattern } from '../../domain/campaign/campaign';
import { closeReport, closeReportFileName, closeReportLabels } from '../../domain/campaign/close-report';
import { NotFoundError } from '../../domain/errors';
import type { ExportRecord } from '../../domain/exports/export-record';
import type { Locale } from '../../domain/i18n/messages';
import { auditRecord } from '../../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../../domain/staff/principal';
import type { StaffRole } from '../../domain/staff/staff';
import type { CampaignFiguresSource, CampaignStore, CaseLibrarySource, Clock, ExportStore, FileJobQueue, FileWriter, Log } from '../../ports';
import { view, type ExportView } from '../exports/staff-exports';
import { campaignFeaturedIdeas } from './case-library';
import { closeReportXlsx } from './close-report-xlsx';


/** Who may have a campaign's report: the office's roles; a department's handler works on suggestions, not campaigns. */
export const campaignReportRoles: readonly StaffRole[] = ['admin', 'organizer', 'dispatcher', 'supervisor', 'viewer'];

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function requestCampaignReport(
  deps: { campaigns: Pick<CampaignStore, 'get'>; exports: ExportStore; jobs: FileJobQueue; clock: Clock },
  principal: StaffPrincipal,
  campaignId: string,
  locale: Locale,
): Promise<ExportView> {
  requireRole(principal, campaignReportRoles);
  const campaign = campaignIdPattern.test(campaignId) ? await deps.campaigns.get(principal.orgId, campaignId) : undefined;
  if (!campaign) throw new NotFoundError('error.campaignNotFound');
  const now = deps.clock.now();
  const id = ulid(now.getTime());
  const requestedAt = now.toISOString();
  const record: ExportRecord = {
    id,
    orgId: principal.orgId,
    username: principal.username,
    requestedAt,
    format: 'xlsx',
    filters: {},
    locale,
    state: 'queued',
    attempts: 0,
    fileKey: `exports/${principal.orgId}/${principal.username}/${id}.xlsx`,
    fileName: closeReportFileName(campaign.id, requestedAt, locale),
    campaignReport: { campaignId: campaign.id, title: campaign.title },
  };
  await deps.exports.create(record, auditRecord(principal, requestedAt, 'exportCampaignReport', record.id, `campaign=${campaign.id}`));
  try {
    await deps.jobs.enqueue({ type: 'campaignReport', orgId: record.orgId, username: record.username, exportId: record.id });
  } catch (error) {
    await deps.exports.finish({ ...record, state: 'failed', failure: { reason: 'error' }, finishedAt: deps.clock.now().toISOString() });
    throw error;
  }
  return view(record, now);
}

export interface RunCampaignReportDeps {
  exports: ExportStore;
  campaigns: Pick<CampaignStore, 'get'>;
  figures: CampaignFiguresSource;
  library: CaseLibrarySource;
  files: FileWriter;
  clock: Clock;
  log: Log;
}

export type RunCampaignReportOutcome = { outcome: 'done'; rows: number } | { outcome: 'failed'; reason: string } | { outcome: 'skipped' };

export async function runCampaignReport(deps: RunCampaignReportDeps, job: { orgId: string; username: string; exportId: string }): Promise<RunCampaignReportOutcome> {
  const record = await deps.exports.start(job.orgId, job.username, job.exportId, deps.clock.now().toISOString());
  if (!record) return { outcome: 'skipped' };
  let rows = 0;
  try {
    const campaignId = record.campaignReport?.campaignId;
    const campaign: Campaign | undefined = campaignId ? await deps.campaigns.get(record.orgId, campaignId) : undefined;
    if (!campaign || !record.fileKey) throw new Error(`no campaign ${campaignId ?? '(none)'} for report ${record.id}`);
    const [figures, featured] = await Promise.all([
      deps.figures.figures(record.orgId, campaign.id),
      campaignFeaturedIdeas({ library: deps.library }, record.orgId, campaign),
    ]);
    const generatedAt = deps.clock.now().toISOString();
    const report = closeReport(campaign, figures, featured, { locale: record.locale, generatedAt });
    const workbook = await closeReportXlsx(report, closeReportLabels(record.locale), generatedAt);
    rows = workbook.rows;
    await deps.files.write(record.fileKey, Readable.from([workbook.body]), xlsxType);
  } catch (error) {
    deps.log.error('campaign report failed', { exportId: record.id, error: (error as Error).message });
    await deps.exports.finish({ ...record, state: 'failed', failure: { reason: 'error' }, finishedAt: deps.clock.now().toISOString() });
    return { outcome: 'failed', reason: 'error' };
  }
  const finished = await deps.exports.finish({ ...record, state: 'done', rows, finishedAt: deps.clock.now().toISOString() });
  return finished ? { outcome: 'done', rows } : { outcome: 'skipped' };
}
