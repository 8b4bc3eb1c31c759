/**
 * The organisation admin keeps the directory: departments (where suggestions are assigned) and staff (who signs
 * in, in which role and department, and where reminders go). Admin only; every change is audited.
 *
 * Saving a person, primary course:
 *  1. validate the username and the entry (a handler needs a department that exists; nobody else has one);
 *  2. a new person gets a sign-in account with a one-time initial password, shown to the admin once;
 *     an existing one has role, department, name and email brought up to date (and a new password on request);
 *  3. write the profile and its audit record in one transaction.
 * The account is written before the profile, so a failure never leaves a profile nobody can sign in to; saving
 * again repairs a half-done update.
 */
import { ConflictError, ValidationError } from '../domain/errors';
import { departmentEntrySchema, departmentIdPattern, staffEntrySchema, usernamePattern } from '../domain/staff/directory-entries';
import { newInitialPassword } from '../domain/staff/initial-password';
import { auditRecord } from '../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../domain/staff/principal';
import type { RandomBytes } from '../domain/suggestion/tracking-code';
import { parseOrThrow } from '../domain/validation';
import type { Department } from '../domain/organisation/department';
import type { StaffProfile } from '../domain/staff/staff';
import type { DepartmentsResponse } from './staff-directory';
import { StaffAccountExists, type Clock, type Directory, type StaffAccounts } from '../ports';

/** GET /api/staff/people (admin): everyone in the organisation, contact details in full. */
export interface StaffListResponse {
  staff: StaffProfile[];
}

export interface SaveStaffResponse {
  person: StaffProfile;
  created: boolean;
  /** Shown to the admin once, to hand over: for a new person, or after a reset. */
  initialPassword?: string;
}

export interface OrgDirectoryDeps {
  directory: Required<Pick<Directory, 'departments' | 'staff' | 'staffMember' | 'saveDepartment' | 'saveStaff'>>;
  accounts: StaffAccounts;
  clock: Clock;
  randomBytes: RandomBytes;
}


export async function listStaff(deps: Pick<OrgDirectoryDeps, 'directory'>, p: StaffPrincipal): Promise<StaffListResponse> {
  requireRole(p, ['admin']);
  const staff = await deps.directory.staff(p.orgId);
  return { staff: staff.sort((a, b) => a.username.localeCompare(b.username)) };
}

export async function saveDepartment(deps: OrgDirectoryDeps, p: StaffPrincipal, departmentId: string, body: unknown): Promise<DepartmentsResponse> {
  requireRole(p, ['admin']);
  if (!departmentIdPattern.test(departmentId)) throw new ValidationError({ departmentId: { rule: 'departmentIdFormat' } });
  const entry = parseOrThrow(departmentEntrySchema, body);
  const department: Department = { id: departmentId, name: entry.name, en: entry.en };
  const before = await deps.directory.departments(p.orgId);
  const existed = before.some((d) => d.id === departmentId);
  const at = deps.clock.now().toISOString();
  await deps.directory.saveDepartment(p.orgId, department, auditRecord(p, at, existed ? 'department.update' : 'department.create', departmentId, `${entry.name} / ${entry.en}`));
  // The list as the store would now read it (ordered by id, as its sort key): no second read.
  const departments = [...before.filter((d) => d.id !== departmentId), department].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { departments };
}

export async function saveStaffMember(deps: OrgDirectoryDeps, p: StaffPrincipal, username: string, body: unknown): Promise<SaveStaffResponse> {
  requireRole(p, ['admin']);
  if (!usernamePattern.test(username)) throw new ValidationError({ username: { rule: 'usernameFormat' } });
  const entry = parseOrThrow(staffEntrySchema, body);
  if (entry.departmentId && !(await deps.directory.departments(p.orgId)).some((d) => d.id === entry.departmentId)) {
    throw new ValidationError({ departmentId: { rule: 'unknownDepartment' } });
  }
  const existing = await deps.directory.staffMember(p.orgId, username);
  // An admin taking away their own admin role (or account) could leave the office with nobody to undo it.
  if (username === p.username && (entry.role !== 'admin' || entry.active === false)) throw new ConflictError('error.ownAdminRole', undefined, 'own_admin_role');
  if (!existing && entry.resetPassword) throw new ValidationError({ resetPassword: { rule: 'onlyForExisting' } });

  const profile: StaffProfile = {
    username,
    orgId: p.orgId,
    name: entry.name,
    role: entry.role,
    email: entry.email,
    ...(entry.departmentId ? { departmentId: entry.departmentId } : {}),
    ...(entry.phone ? { phone: entry.phone } : {}),
    ...(entry.active === false ? { active: false } : {}),
  };
  const wasActive = existing?.active !== false;
  const isActive = entry.active !== false;
  let initialPassword: string | undefined;
  if (!existing) {
    initialPassword = newInitialPassword(deps.randomBytes);
    try {
      await deps.accounts.create(profile, initialPassword);
    } catch (error) {
      // The username is taken by an account of another organisation (or one whose profile was lost).
      if (error instanceof StaffAccountExists) throw new ConflictError('error.usernameTaken', { username }, 'username_taken');
      throw error;
    }
  } else {
    await deps.accounts.update(profile);
    if (entry.resetPassword) {
      initialPassword = newInitialPassword(deps.randomBytes);
      await deps.accounts.setPassword(username, initialPassword);
    }
  }
  if (existing ? wasActive !== isActive : !isActive) await deps.accounts.setEnabled(username, isActive);
  const changes = [
    `role=${profile.role}`,
    ...(profile.departmentId ? [`department=${profile.departmentId}`] : []),
    ...(entry.resetPassword ? ['password reset'] : []),
    ...(existing && wasActive !== isActive ? [isActive ? 'enabled' : 'disabled'] : []),
  ];
  try {
    await deps.directory.saveStaff(profile, auditRecord(p, deps.clock.now().toISOString(), existing ? 'staff.update' : 'staff.create', username, changes.join(' ')));
  } catch (error) {
    // The username signs in for another organisation: its profile there stays untouched.
    if (error instanceof StaffAccountExists) throw new ConflictError('error.usernameTaken', { username }, 'username_taken');
    throw error;
  }
  return { person: profile, created: !existing, ...(initialPassword ? { initialPassword } : {}) };
}
