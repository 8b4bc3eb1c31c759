/**
 * The file-jobs worker's one entry: a queued job (shared/ports FileJob) is an export to run or a bulletin to
 * generate. A malformed job is logged and dropped (retrying it would fail the same way); an export that fails is
 * recorded failed by runExport itself; anything thrown from here is retried by the queue, then dead-lettered.
 */
import * as z from 'zod';
import { bulletinKinds } from '../domain/bulletins/bulletin';
import { staffRoles } from '../domain/staff/staff';
import type { Log } from '../ports';
import { generateBulletin, type GenerateBulletinDeps, type GenerateOutcome } from './bulletins/generate-bulletin';
import { runExport, type RunExportDeps, type RunExportOutcome } from './exports/run-export';
import { runResponsesExport, type RunResponsesExportDeps } from './exports/run-responses-export';
import { runCampaignReport, type RunCampaignReportDeps, type RunCampaignReportOutcome } from './campaign-media/run-campaign-report';
// Issue 12: bulk import
import { runImportChunk, type RunImportChunkDeps, type RunImportChunkOutcome } from './imports/run-import-chunk';

const jobSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('export'), orgId: z.string().min(1), username: z.string().min(1), exportId: z.string().min(1) }),
  // Campaigns (issue 11): responses
  z.object({ type: z.literal('responsesExport'), orgId: z.string().min(1), username: z.string().min(1), exportId: z.string().min(1) }),
  z.object({
    type: z.literal('bulletin'),
    orgId: z.string().min(1),
    kind: z.enum(bulletinKinds),
    period: z.string().min(1),
    requestedBy: z.string().min(1).optional(),
    requestedByRole: z.enum(staffRoles).optional(),
  }),
  // Campaigns (issue 11): media
  z.object({ type: z.literal('campaignReport'), orgId: z.string().min(1), username: z.string().min(1), exportId: z.string().min(1) }),
  // Issue 12: bulk import
  z.object({ type: z.literal('import'), orgId: z.string().min(1), importId: z.string().min(1), chunk: z.number().int().min(0) }),
]);

export type FileJobDeps = {
  log: Log;
  exportDeps: RunExportDeps;
  bulletinDeps: GenerateBulletinDeps;
  // Campaigns (issue 11): responses
  responsesExportDeps?: RunResponsesExportDeps;
  // Campaigns (issue 11): media
  campaignReportDeps: RunCampaignReportDeps;
  // Issue 12: bulk import
  importDeps?: RunImportChunkDeps;
};

export async function handleFileJob(
  deps: FileJobDeps,
  body: string,
): Promise<RunExportOutcome | GenerateOutcome | RunCampaignReportOutcome | RunImportChunkOutcome | { outcome: 'malformed' }> {
  let job: z.infer<typeof jobSchema>;
  try {
    job = jobSchema.parse(JSON.parse(body));
  } catch {
    deps.log.error('malformed file job dropped', { body: body.slice(0, 200) });
    return { outcome: 'malformed' };
  }
  if (job.type === 'export') return runExport(deps.exportDeps, job);
  if (job.type === 'responsesExport') {
    // A worker built without them cannot run it: thrown, so the queue retries it and dead-letters it visibly.
    if (!deps.responsesExportDeps) throw new Error('this worker has no responses export');
    return runResponsesExport(deps.responsesExportDeps, job);
  }
  if (job.type === 'campaignReport') return runCampaignReport(deps.campaignReportDeps, job);
  if (job.type === 'import') {
    if (!deps.importDeps) throw new Error('this worker has no import');
    return runImportChunk(deps.importDeps, job);
  }
  return generateBulletin(deps.bulletinDeps, {
    orgId: job.orgId,
    kind: job.kind,
    period: job.period,
    ...(job.requestedBy && job.requestedByRole ? { requestedBy: { username: job.requestedBy, role: job.requestedByRole } } : {}),
  });
}
