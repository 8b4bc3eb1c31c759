/**
 * The audit record of one staff action: who (from the stored profile behind the token), in which organisation,
 * what, on what. Built by the use case and written by the store together with the change it records.
 */
import type { StaffPrincipal } from './principal';

/** One line of the audit log: who (id and role), when, what, on what. */
export interface AuditEntry {
  at: string;
  actor: { id: string; role: string };
  action: string;
  target?: string;
  detail?: string;
}

/** An audit entry with the organisation whose log it belongs to (the log is partitioned per organisation). */
export interface AuditRecord extends AuditEntry {
  orgId: string;
}

export function auditRecord(p: StaffPrincipal, at: string, action: string, target?: string, detail?: string): AuditRecord {
  return {
    orgId: p.orgId,
    at,
    actor: { id: p.username, role: p.role },
    action,
    ...(target ? { target } : {}),
    ...(detail ? { detail } : {}),
  };
}
