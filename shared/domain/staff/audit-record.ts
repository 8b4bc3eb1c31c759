/**
 * The audit record of one staff action: who (from the stored profile behind the token), in which organisation,
 * what, on what. Built by the use case and written by the store together with the change it records.
 */
import type { AuditRecord } from '../../ports';
import type { StaffPrincipal } from './principal';

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
