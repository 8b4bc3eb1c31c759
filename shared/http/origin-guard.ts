/**
 * Middleware: nothing reaches the API except through CloudFront. CloudFront adds a secret header to every request
 * it sends to the API origin (the stateless stack sets it from a generated Secrets Manager secret); a request
 * without it went straight to the execute-api endpoint and is refused before anything else runs — its
 * CloudFront-Viewer-Address could be forged, and it would skip the WAF. The local origin adds the header the same way.
 */
import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError } from '../domain/errors';
import type { ApiMiddleware } from './api-context';

export const originHeader = 'x-jianyi-origin';

/** `secret` undefined: the environment names no origin secret (unit tests), and no origin is checked. */
export function originGuard(secret: (() => Promise<string>) | undefined): ApiMiddleware {
  return {
    before: async ({ event }) => {
      if (!secret) return;
      const expected = Buffer.from(await secret());
      const actual = Buffer.from(event.headers?.[originHeader] ?? '');
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new ForbiddenError('error.directAccess');
    },
  };
}
