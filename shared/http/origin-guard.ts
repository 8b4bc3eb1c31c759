/**
 * Nothing reaches the API except through CloudFront. CloudFront adds a secret header to every request it sends to
 * the API origin (the stateless stack sets it from a generated Secrets Manager secret); a request without it went
 * straight to the execute-api endpoint and is refused before anything else runs — its CloudFront-Viewer-Address
 * could be forged, and it would skip the WAF. The local origin adds the header the same way.
 */
import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError } from '../domain/errors';

export const originHeader = 'x-jianyi-origin';

export function createOriginGuard(secret: (() => Promise<string>) | undefined) {
  return async function requireEdge(presented: string | undefined): Promise<void> {
    if (!secret) return;
    const expected = Buffer.from(await secret());
    const actual = Buffer.from(presented ?? '');
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new ForbiddenError('error.directAccess');
  };
}
