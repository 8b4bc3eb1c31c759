/**
 * The background run of a campaign's close report (the file-jobs worker; asked for in campaign-report.ts).
 * Primary course:
 *  1. mark the export running; a job for one done or failed already is dropped;
 *  2. read the campaign, its figures and its featured ideas; build the report (close-report.ts) and its workbook;
 *  3. store the file, and only then mark the export done; any failure marks it failed, with nothing offered.
 */
import { Readable } from 'node:stream';
import type { Campaign } from '../../domain/campaign/campaign';
import { closeReport, closeReportLabels } from '../../domain/campaign/close-report';
import { exportContentTypes } from '../../domain/exports/export-record';
import type { CampaignFiguresSource, CampaignStore, CaseLibrarySource, Clock, ExportStore, FileWriter, Log } from '../../ports';
import { campaignFeaturedIdeas } from './case-library';
import { closeReportXlsx } from './close-report-xlsx';

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
    await deps.files.write(record.fileKey, Readable.from([workbook.body]), exportContentTypes.xlsx);
  } catch (error) {
    deps.log.error('campaign report failed', { exportId: record.id, error: (error as Error).message });
    await deps.exports.finish({ ...record, state: 'failed', failure: { reason: 'error' }, finishedAt: deps.clock.now().toISOString() });
    return { outcome: 'failed', reason: 'error' };
  }
  const finished = await deps.exports.finish({ ...record, state: 'done', rows, finishedAt: deps.clock.now().toISOString() });
  return finished ? { outcome: 'done', rows } : { outcome: 'skipped' };
}
