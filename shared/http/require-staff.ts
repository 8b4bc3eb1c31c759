/**
 * Middleware for staff routes: the Authorization header must name a staff member (staff-auth.ts verifies the token
 * and reads the profile). Runs before the body is read, so an anonymous caller learns nothing about body rules.
 */
import type { StaffPrincipal } from '../domain/staff/principal';
import type { ApiMiddleware } from './api-context';

export type Authenticate = (authorization: string | undefined) => Promise<StaffPrincipal>;

export function requireStaff(authenticate: Authenticate): ApiMiddleware {
  return {
    before: async ({ event, context }) => {
      context.principal = await authenticate(event.headers?.authorization);
    },
  };
}
