/**
 * Who a staff member is and what their role lets them do. The claims come from a verified token (Cognito on
 * AWS, the dev identity provider locally) — the same claim names in both.
 */
import { ForbiddenError } from '../errors';
import type { StaffRole } from '../../http/api-types';
import type { Suggestion } from '../suggestion/suggestion';

export const staffRoles = ['admin', 'dispatcher', 'handler', 'supervisor', 'organizer', 'viewer'] as const satisfies readonly StaffRole[];

export interface StaffPrincipal {
  username: string;
  name: string;
  role: StaffRole;
  orgId: string;
  departmentId?: string;
}

/** Roles that need to reach citizens (screening questions, handling) may reveal contact details, audited. */
const revealRoles: readonly StaffRole[] = ['admin', 'dispatcher', 'handler'];
const auditRoles: readonly StaffRole[] = ['admin', 'supervisor'];

export function requireRole(principal: StaffPrincipal, allowed: readonly StaffRole[]): void {
  if (!allowed.includes(principal.role)) throw new ForbiddenError('error.roleForbidden', { role: principal.role });
}

/** Handlers work for one department: they see what it leads or co-handles, nothing else. */
export function canSeeSuggestion(principal: StaffPrincipal, s: Pick<Suggestion, 'orgId' | 'leadDepartmentId' | 'cohandlerDepartmentIds'>): boolean {
  if (s.orgId !== principal.orgId) return false;
  if (principal.role !== 'handler') return true;
  return (
    !!principal.departmentId &&
    (s.leadDepartmentId === principal.departmentId || (s.cohandlerDepartmentIds ?? []).includes(principal.departmentId))
  );
}

export function requireSuggestionAccess(principal: StaffPrincipal, s: Pick<Suggestion, 'orgId' | 'leadDepartmentId' | 'cohandlerDepartmentIds'>): void {
  if (!canSeeSuggestion(principal, s)) throw new ForbiddenError('error.departmentForbidden');
}

export function canRevealContact(principal: StaffPrincipal): boolean {
  return revealRoles.includes(principal.role);
}

export function requireRevealContact(principal: StaffPrincipal): void {
  requireRole(principal, revealRoles);
}

export function requireAuditAccess(principal: StaffPrincipal): void {
  requireRole(principal, auditRoles);
}

/** Claim names as Cognito puts them in an ID token; the dev identity provider issues the same. */
export const claimNames = {
  username: 'cognito:username',
  groups: 'cognito:groups',
  name: 'name',
  department: 'custom:department',
  org: 'custom:org',
} as const;
