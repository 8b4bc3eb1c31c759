/**
 * What an organisation admin may write into the directory: departments and staff. The web forms check the same
 * schemas before sending.
 */
import * as z from 'zod';
import { mobilePattern } from '../intake/submission';
import { staffRoles } from './staff';

export const departmentIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Lower-case letters, digits and . _ - : the same in the token, the profile key and the audit log. */
export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const departmentEntrySchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  en: z.string().trim().min(1).max(80),
});

export const staffEntrySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(40),
    role: z.enum(staffRoles),
    departmentId: z.string().trim().regex(departmentIdPattern, { message: 'unknownDepartment' }).optional(),
    // Required: reminders and escalations reach staff by email, and Cognito needs one per account.
    email: z.string().trim().min(1).max(254).regex(emailPattern, { message: 'email' }),
    phone: z.string().trim().regex(mobilePattern, { message: 'phone' }).optional(),
    /** On an existing person: set a new one-time password and show it once. */
    resetPassword: z.boolean().optional(),
    /** false disables the account (someone who left): no sign-in, no notifications. */
    active: z.boolean().optional(),
  })
  .superRefine((entry, ctx) => {
    // A handler acts for one department; nobody else belongs to one.
    if (entry.role === 'handler' && !entry.departmentId) ctx.addIssue({ code: 'custom', message: 'departmentRequired', path: ['departmentId'] });
    if (entry.role !== 'handler' && entry.departmentId) ctx.addIssue({ code: 'custom', message: 'departmentOnlyForHandlers', path: ['departmentId'] });
  });

export type StaffEntry = z.output<typeof staffEntrySchema>;
