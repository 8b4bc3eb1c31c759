/** A staff member as the organisation's directory holds them: who they are, their role and department. */

// Issue 12: staff entry and callbacks — operator (接线员/代录员): the hotline's and stations' staff, who enter
// suggestions on a citizen's behalf.
export type StaffRole = 'admin' | 'dispatcher' | 'handler' | 'supervisor' | 'organizer' | 'viewer' | 'operator';

export const staffRoles = ['admin', 'dispatcher', 'handler', 'supervisor', 'organizer', 'viewer', 'operator'] as const satisfies readonly StaffRole[];

/** A staff member's profile (in the table; credentials live in Cognito or the dev identity provider). */
export interface StaffProfile {
  username: string;
  name: string;
  role: StaffRole;
  orgId: string;
  departmentId?: string;
  email?: string;
  phone?: string;
  /** false: the account is disabled (someone who left); they cannot sign in and get no notifications. */
  active?: boolean;
}
