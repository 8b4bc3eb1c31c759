/**
 * The staff authenticator, built once per container: the ID token (from JWT_ISSUER / JWT_AUDIENCE), then whether
 * the account is still active (shared/use-cases/account-status.ts).
 */
import { composition } from '../aws/composition';
import type { StaffPrincipal } from '../domain/staff/principal';
import { createAccountCheck } from '../use-cases/account-status';
import { createTokenVerifier } from './jwt';

let authenticate: ((authorization: string | undefined) => Promise<StaffPrincipal>) | undefined;

export function staffAuthenticator() {
  if (!authenticate) {
    const verify = createTokenVerifier(composition.jwt());
    const requireActiveAccount = createAccountCheck(composition.directory());
    authenticate = async (authorization) => {
      const principal = await verify(authorization);
      await requireActiveAccount(principal);
      return principal;
    };
  }
  return authenticate;
}
