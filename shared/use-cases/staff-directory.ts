/** What the staff console needs around the queue: who am I, the departments, queue statistics, the audit log. */
import * as z from 'zod';
import { officeDay } from '../domain/office-day';
import { canRevealContact, requireAuditAccess, type StaffPrincipal } from '../domain/staff/principal';
import { parseOrThrow } from '../domain/validation';

import type { AuditLog, Clock, Directory, SupervisionStore } from '../ports';
import { calendarWarning } from './calendar-overrides';
import type { Department } from '../domain/organisation/department';
import type { AuditEntry } from '../domain/staff/audit-record';
import type { StaffRole } from '../domain/staff/staff';
import type { QueueStats } from '../domain/stats/queue-stats';

/** GET /api/staff/me */
export interface StaffMe {
  username: string;
  name: string;
  role: StaffRole;
  orgId: string;
  departmentId?: string;
  /** Whether this role may reveal citizens' contact details (each reveal is audited). */
  canRevealContact: boolean;
  /** Admins only: years the working calendar does not cover that deadlines reach now or within 60 days. */
  calendarWarning?: { uncoveredYears: number[] };
}

export interface AuditResponse {
  entries: AuditEntry[];
  nextCursor?: string;
}

/** GET /api/staff/departments */
export interface DepartmentsResponse {
  departments: Department[];
}

/** GET /api/staff/stats answers `{}` until the scheduled job has run once. */
export type QueueStatsResponse = QueueStats | Record<string, never>;

/** Who is signed in; for an admin also the years the calendar does not cover yet (every staff page warns). */
export async function me(deps: { supervision: Pick<SupervisionStore, 'calendarSchedule'>; clock: Clock }, principal: StaffPrincipal): Promise<StaffMe> {
  const who: StaffMe = { ...principal, canRevealContact: canRevealContact(principal) };
  if (principal.role !== 'admin') return who;
  const warning = await calendarWarning(deps, principal.orgId);
  return warning ? { ...who, calendarWarning: warning } : who;
}

export async function departments(deps: { directory: Directory }, principal: StaffPrincipal): Promise<DepartmentsResponse> {
  return { departments: await deps.directory.departments(principal.orgId) };
}

export async function queueStats(deps: { directory: Directory }, principal: StaffPrincipal): Promise<QueueStatsResponse> {
  return (await deps.directory.queueStats(principal.orgId)) ?? {};
}

const auditQuerySchema = z.strictObject({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2048).optional(),
});

export async function auditLog(
  deps: { audit: AuditLog; clock: Clock },
  principal: StaffPrincipal,
  query: Record<string, string | undefined>,
): Promise<AuditResponse> {
  requireAuditAccess(principal);
  const q = parseOrThrow(auditQuerySchema, query);
  return deps.audit.list(principal.orgId, q.day ?? officeDay(deps.clock.now().toISOString()), q.limit, q.cursor);
}
