/**
 * Who a staff member is and what their role lets them do. The token (Cognito on AWS, the dev identity provider
 * locally) proves the username; everything a decision rests on — organisation, role, department — is the stored
 * staff profile's (shared/use-cases/staff-principal.ts).
 */
import { ForbiddenError } from '../errors';
import type { StaffRole } from './staff';
import type { Suggestion } from '../suggestion/suggestion';


/** What a verified token proves: who this is. */
export interface StaffIdentity {
  username: string;
  /** Tells one sign-in's token from another's (jti, else the issue time): a new sign-in reads the profile afresh. */
  tokenId?: string;
}

/** The signed-in person as their stored profile says they may act. */
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

/**
 * Claim names as Cognito puts them in an ID token; the dev identity provider issues the same. Only the username
 * is read by the API; groups and custom attributes are kept on the account for people reading the pool in the
 * console, never for a decision.
 */
export const claimNames = {
  username: 'cognito:username',
  groups: 'cognito:groups',
  name: 'name',
  department: 'custom:department',
  org: 'custom:org',
} as const;
