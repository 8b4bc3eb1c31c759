/**
 * Whose figures a person may read: the organisation's for the office's roles, their own department's (as lead and
 * as co-handler) for a handler. The dashboard, its drill-down and the bulletins all ask here.
 */
import { ForbiddenError } from '../errors';
import type { StaffPrincipal } from '../staff/principal';
import type { StaffRole } from '../staff/staff';
import type { RateGroup } from './buckets';

/** The roles that read the whole organisation's rates (organizers too: their campaigns are in them). */
export const rateReaders: readonly StaffRole[] = ['admin', 'supervisor', 'dispatcher', 'viewer', 'organizer'];

export type RateScope = { kind: 'org' } | { kind: 'department'; departmentId: string };

export function rateScope(principal: StaffPrincipal): RateScope {
  if (rateReaders.includes(principal.role)) return { kind: 'org' };
  if (principal.role === 'handler' && principal.departmentId) return { kind: 'department', departmentId: principal.departmentId };
  throw new ForbiddenError('error.roleForbidden', { role: principal.role });
}

/** A group a scope may read: any for the organisation; a department its own, as lead or co-handler. */
export function mayReadGroup(scope: RateScope, group: RateGroup): boolean {
  return scope.kind === 'org' || group === `department:${scope.departmentId}` || group === `cohandler:${scope.departmentId}`;
}

/** The group a scope's headline figures are of. */
export function headlineGroup(scope: RateScope): RateGroup {
  return scope.kind === 'org' ? 'org' : `department:${scope.departmentId}`;
}
