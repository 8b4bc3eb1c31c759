/**
 * Bulletins for staff: the list (GET /api/staff/bulletins, every revision, newest period first), a revision's
 * file (GET …/{id}/download?format=html|xlsx: a short-lived link; the page opens in the browser, the workbook
 * downloads), and a generation on demand (POST, admin or supervisor: queued for the worker, which makes the next
 * revision of the period and audits it; the request itself is audited at once).
 */
import * as z from 'zod';
import {
  bulletinContentTypes,
  bulletinFileName,
  bulletinFormats,
  bulletinId,
  bulletinKinds,
  checkBulletinPeriod,
  parseBulletinId,
  type BulletinRecord,
} from '../../domain/bulletins/bulletin';
import { NotFoundError } from '../../domain/errors';
import type { Locale } from '../../domain/i18n/messages';
import { auditRecord } from '../../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../../domain/staff/principal';
import type { StaffRole } from '../../domain/staff/staff';
import { parseOrThrow } from '../../domain/validation';
import type { AuditLog, BulletinStore, Clock, FileJobQueue, FileLinks } from '../../ports';
import { downloadLinkSeconds, type DownloadResponse } from '../exports/staff-exports';

/** Who may generate one on demand; every staff role may read them. */
export const bulletinGenerators: readonly StaffRole[] = ['admin', 'supervisor'];

export interface BulletinView {
  id: string;
  kind: BulletinRecord['kind'];
  period: string;
  revision: number;
  from: string;
  to: string;
  generatedAt: string;
  generatedBy: string;
}

export interface BulletinsResponse {
  bulletins: BulletinView[];
  /** Whether this person may ask for one. */
  canGenerate: boolean;
}

const generateSchema = z.strictObject({ kind: z.enum(bulletinKinds), period: z.string().max(16) });
const downloadSchema = z.strictObject({ format: z.enum(bulletinFormats) });

export async function listBulletins(deps: { bulletins: BulletinStore }, principal: StaffPrincipal): Promise<BulletinsResponse> {
  const records = await deps.bulletins.list(principal.orgId, 200);
  const bulletins = records
    .map((r) => ({ id: bulletinId(r), kind: r.kind, period: r.period, revision: r.revision, from: r.from, to: r.to, generatedAt: r.generatedAt, generatedBy: r.generatedBy }))
    .sort((a, b) => b.to.localeCompare(a.to) || a.kind.localeCompare(b.kind) || b.revision - a.revision);
  return { bulletins, canGenerate: bulletinGenerators.includes(principal.role) };
}

export async function requestBulletin(
  deps: { jobs: FileJobQueue; audit: AuditLog; clock: Clock },
  principal: StaffPrincipal,
  body: unknown,
): Promise<{ queued: true; kind: string; period: string }> {
  requireRole(principal, bulletinGenerators);
  const { kind, period } = parseOrThrow(generateSchema, body);
  const now = deps.clock.now();
  checkBulletinPeriod(kind, period, now);
  await deps.audit.record(auditRecord(principal, now.toISOString(), 'requestBulletin', `${kind}-${period}`));
  await deps.jobs.enqueue({ type: 'bulletin', orgId: principal.orgId, kind, period, requestedBy: principal.username, requestedByRole: principal.role });
  return { queued: true, kind, period };
}

export async function bulletinDownload(
  deps: { bulletins: BulletinStore; links: FileLinks; clock: Clock },
  principal: StaffPrincipal,
  id: string,
  query: Record<string, string | undefined>,
  locale: Locale,
): Promise<DownloadResponse> {
  const { format } = parseOrThrow(downloadSchema, { format: query.format });
  const parsed = parseBulletinId(id);
  const record = parsed ? await deps.bulletins.get(principal.orgId, parsed.kind, parsed.period, parsed.revision) : undefined;
  if (!record) throw new NotFoundError('error.bulletinNotFound');
  const fileName = bulletinFileName(record, format, locale);
  const url = await deps.links.downloadUrl(record.files[format], {
    fileName,
    contentType: bulletinContentTypes[format],
    disposition: format === 'html' ? 'inline' : 'attachment',
    expiresInSeconds: downloadLinkSeconds,
  });
  return { url, fileName, expiresAt: new Date(deps.clock.now().getTime() + downloadLinkSeconds * 1000).toISOString() };
}
