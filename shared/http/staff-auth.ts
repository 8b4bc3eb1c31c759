/**
 * The staff authenticator, built once per container: the ID token proves who (JWT_ISSUER / JWT_AUDIENCE), the
 * stored profile says what they may do (shared/use-cases/staff-principal.ts).
 */
import { directory, jwt } from '../aws/composition';
import { createPrincipalResolver } from '../use-cases/staff-principal';
import { createTokenVerifier } from './jwt';
import type { Authenticate } from './require-staff';

let authenticate: Authenticate | undefined;

export function staffAuthenticator() {
  if (!authenticate) {
    const verify = createTokenVerifier(jwt());
    const resolvePrincipal = createPrincipalResolver(directory());
    authenticate = async (authorization) => resolvePrincipal(await verify(authorization));
  }
  return authenticate;
}
