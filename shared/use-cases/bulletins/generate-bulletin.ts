/**
 * Generates one bulletin (the file-jobs worker, from the schedule or an admin's or supervisor's request).
 * Primary course:
 *  1. the period must have ended; the schedule's job for a period that has a bulletin changes nothing, a request
 *     makes the next revision (earlier revisions stay, files and figures);
 *  2. read the rate report for the period;
 *  3. write the page and the workbook under keys of this revision (with a unique suffix, so a racing run's files
 *     are never the ones a record points to);
 *  4. write the record with the figures (conditional: the revision is written once), with the audit record of
 *     the request when one asked;
 *  5. tell the supervisors, once per bulletin revision and recipient (deterministic idempotency keys).
 */
import { Readable } from 'node:stream';
import { ulid } from 'ulid';
import { bulletinContentTypes, bulletinId, checkBulletinPeriod, type BulletinKind, type BulletinRecord } from '../../domain/bulletins/bulletin';
import { auditRecord } from '../../domain/staff/audit-record';
import type { StaffRole } from '../../domain/staff/staff';
import type { BulletinStore, Clock, Directory, FileWriter, Log, NotificationQueue, NotificationRequest } from '../../ports';
import { periodTitle, periodTitleEn } from './bulletin-figures';
import { bulletinHtml } from './bulletin-html';
import { bulletinXlsx } from './bulletin-xlsx';
import type { RateReportSource } from './rate-report-shape';

export interface GenerateBulletinDeps {
  bulletins: BulletinStore;
  files: FileWriter;
  report: RateReportSource;
  directory: Pick<Directory, 'staff'>;
  notifications: NotificationQueue;
  clock: Clock;
  log: Log;
  /** The web app's origin: the page's stylesheet and the link in the notice. */
  publicBaseUrl: string;
}

export interface BulletinJob {
  orgId: string;
  kind: BulletinKind;
  period: string;
  /** Who asked (a regeneration on demand); absent: the schedule. */
  requestedBy?: { username: string; role: StaffRole };
}

export type GenerateOutcome = { outcome: 'created'; id: string; revision: number } | { outcome: 'exists'; id: string };

export async function generateBulletin(deps: GenerateBulletinDeps, job: BulletinJob): Promise<GenerateOutcome> {
  const now = deps.clock.now();
  checkBulletinPeriod(job.kind, job.period, now);
  const latest = await deps.bulletins.latest(job.orgId, job.kind, job.period);
  if (latest && !job.requestedBy) return { outcome: 'exists', id: bulletinId(latest) };
  const revision = (latest?.revision ?? 0) + 1;
  const report = await deps.report(job.orgId, { kind: job.kind, period: job.period });
  const generatedAt = now.toISOString();
  const base = `bulletins/${job.orgId}/${job.kind}/${job.period}/r${revision}-${ulid(now.getTime())}`;
  const record: BulletinRecord = {
    orgId: job.orgId,
    kind: job.kind,
    period: job.period,
    revision,
    generatedAt,
    generatedBy: job.requestedBy?.username ?? 'schedule',
    from: report.from,
    to: report.to,
    files: { html: `${base}/bulletin.html`, xlsx: `${base}/bulletin.xlsx` },
    figures: report,
  };
  const html = bulletinHtml(report, record, `${deps.publicBaseUrl}/bulletin.css`);
  const xlsx = await bulletinXlsx(report, record);
  await deps.files.write(record.files.html, Readable.from([Buffer.from(html, 'utf8')]), bulletinContentTypes.html);
  await deps.files.write(record.files.xlsx, Readable.from([xlsx]), bulletinContentTypes.xlsx);
  const id = bulletinId(record);
  const audit = job.requestedBy
    ? auditRecord({ username: job.requestedBy.username, name: job.requestedBy.username, role: job.requestedBy.role, orgId: job.orgId }, generatedAt, 'generateBulletin', id, `revision=${revision}`)
    : undefined;
  if (!(await deps.bulletins.create(record, audit))) return { outcome: 'exists', id };
  await deps.notifications.enqueue(await supervisorNotices(deps, record));
  deps.log.info('bulletin generated', { id, departments: report.departments.length });
  return { outcome: 'created', id, revision };
}

async function supervisorNotices(deps: GenerateBulletinDeps, record: BulletinRecord): Promise<NotificationRequest[]> {
  const id = bulletinId(record);
  const supervisors = (await deps.directory.staff(record.orgId)).filter((p) => p.active !== false && p.role === 'supervisor');
  const params = {
    periodText: periodTitle(record.kind, record.period),
    periodTextEn: periodTitleEn(record.kind, record.period),
    from: record.from,
    to: record.to,
    revision: record.revision,
    bulletinsUrl: `${deps.publicBaseUrl}/#/staff/bulletins`,
  };
  const out: NotificationRequest[] = [];
  for (const person of supervisors) {
    for (const [channel, to] of [['email', person.email]] as const) {
      if (!to) continue;
      out.push({ idempotencyKey: `bulletin#${record.orgId}#${id}#${channel}#${to}`, event: 'bulletinReady', orgId: record.orgId, channel, to, locale: 'zh-CN', params });
    }
  }
  return out;
}
