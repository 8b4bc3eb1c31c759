/**
 * A campaign's close report as a workbook (POST /api/staff/campaigns/{id}/report), kept like the exports of the
 * queue: it appears in the person's exports list and downloads through GET /api/staff/exports/{id}/download.
 * Primary course of a request:
 *  1. any staff role but a department's handler (a campaign's results are the office's); the campaign (404);
 *  2. write the queued export (marked a campaign report) and the audit record, in one transaction;
 *  3. queue the job `campaignReport`; if that fails, the export is marked failed and the error answered.
 * The job itself runs in the file-jobs worker (run-campaign-report.ts): this file stays free of the workbook
 * library, so the API function that asks for a report does not carry it.
 */
import { ulid } from 'ulid';
import { campaignIdPattern } from '../../domain/campaign/campaign';
import { closeReportFileName } from '../../domain/campaign/close-report';
import { NotFoundError } from '../../domain/errors';
import type { ExportRecord } from '../../domain/exports/export-record';
import type { Locale } from '../../domain/i18n/messages';
import { auditRecord } from '../../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../../domain/staff/principal';
import type { StaffRole } from '../../domain/staff/staff';
import type { CampaignStore, Clock, ExportStore, FileJobQueue } from '../../ports';
import { exportView, keepAndQueue, type ExportView } from '../exports/staff-exports';

/** Who may have a campaign's report: the office's roles; a department's handler works on suggestions, not campaigns. */
export const campaignReportRoles: readonly StaffRole[] = ['admin', 'organizer', 'dispatcher', 'supervisor', 'viewer'];

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
  await keepAndQueue(deps, record, auditRecord(principal, requestedAt, 'exportCampaignReport', record.id, `campaign=${campaign.id}`), {
    type: 'campaignReport',
    orgId: record.orgId,
    username: record.username,
    exportId: record.id,
  });
  return exportView(record, now);
}
