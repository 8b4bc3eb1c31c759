/**
 * A request that carries an integration key (`Authorization: Bearer <key>` or `X-Api-Key`, or Open311's
 * `api_key`). Primary course:
 *  1. the key's shape names the integration; its stored credential's hash must match (401 otherwise);
 *  2. the integration must be active (a revoked key: 403) and hold the scope the route needs (403);
 *  3. the key's own rate limit per minute is counted (429 with Retry-After);
 *  4. the use is recorded as lastUsedAt, at most once a minute.
 */
import { ForbiddenError, RateLimitedError, UnauthorizedError } from '../../domain/errors';
import { integrationIdOfKey, keyMatches, lastUsedResolutionMs, type Integration, type IntegrationScope } from '../../domain/integration/integration';
import type { Clock, IntegrationStore, RateLimiter } from '../../ports';

export interface IntegrationAuthDeps {
  integrations: IntegrationStore;
  rateLimiter: RateLimiter;
  clock: Clock;
  serverSecret: () => Promise<string>;
}

/** The key a request carries, from the header of either name. */
export function integrationKeyOf(header: (name: string) => string | undefined): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(header('authorization') ?? '')?.[1];
  return bearer ?? header('x-api-key')?.trim() ?? undefined;
}

export async function authenticateIntegration(deps: IntegrationAuthDeps, key: string | undefined, scope: IntegrationScope): Promise<Integration> {
  if (!key) throw new UnauthorizedError('error.integrationKeyMissing');
  const id = integrationIdOfKey(key);
  if (!id) throw new UnauthorizedError('error.integrationKeyInvalid');
  const [credential, secret] = await Promise.all([deps.integrations.credential(id), deps.serverSecret()]);
  if (!credential || !keyMatches(secret, key, credential.keyHash)) throw new UnauthorizedError('error.integrationKeyInvalid');
  const integration = await deps.integrations.get(credential.orgId, id);
  if (!integration || integration.state !== 'active') throw new ForbiddenError('error.integrationKeyInvalid');
  if (!integration.scopes.includes(scope)) throw new ForbiddenError('error.integrationScope', { scope });
  const now = deps.clock.now();
  const verdict = await deps.rateLimiter.hit(`integration#${id}`, integration.ratePerMinute, 60, now);
  if (!verdict.allowed) throw new RateLimitedError('error.integrationRateLimited', { seconds: verdict.retryAfterSeconds });
  if (!integration.lastUsedAt || now.getTime() - Date.parse(integration.lastUsedAt) >= lastUsedResolutionMs) {
    await deps.integrations.touch(integration.orgId, id, now.toISOString(), new Date(now.getTime() - lastUsedResolutionMs).toISOString());
  }
  return integration;
}
