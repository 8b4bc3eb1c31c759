/** The staff token verifier, built once per container from JWT_ISSUER / JWT_AUDIENCE. */
import { composition } from '../aws/composition';
import { createTokenVerifier } from './jwt';

let verifier: ReturnType<typeof createTokenVerifier> | undefined;

export function staffAuthenticator() {
  verifier ??= createTokenVerifier(composition.jwt());
  return verifier;
}
