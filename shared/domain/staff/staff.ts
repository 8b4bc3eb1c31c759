/** A staff member as the organisation's directory holds them: who they are, their role and department. */

export type StaffRole = 'admin' | 'dispatcher' | 'handler' | 'supervisor' | 'organizer' | 'viewer';

export const staffRoles = ['admin', 'dispatcher', 'handler', 'supervisor', 'organizer', 'viewer'] as const satisfies readonly StaffRole[];

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
