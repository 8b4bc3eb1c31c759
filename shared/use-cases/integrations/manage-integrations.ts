/**
 * The admin's integrations (接入方): list, create, edit, revoke.
 * Primary course (each write):
 *  1. the stored profile says who may: admins only (a key lets another system file suggestions as a channel);
 *  2. the body is checked against the shared schema;
 *  3. on create, a fresh key is drawn and only its HMAC kept; the key and the webhook secret are in this answer
 *     and never again;
 *  4. the change is saved on the version read (409 otherwise) with its audit record in the same transaction.
 */
import { ulid } from 'ulid';
import { NotFoundError, ConflictError } from '../../domain/errors';
import {
  editIntegration,
  formatIntegrationKey,
  integrationEditSchema,
  integrationKeyHash,
  newIntegrationSchema,
  revokeIntegration,
  webhookSecretOf,
  type Integration,
} from '../../domain/integration/integration';
import { auditRecord } from '../../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../../domain/staff/principal';
import { parseOrThrow } from '../../domain/validation';
import type { Clock, IntegrationStore } from '../../ports';

export interface IntegrationAdminDeps {
  integrations: IntegrationStore;
  clock: Clock;
  randomBytes: (size: number) => Uint8Array;
  /** The server secret keys are hashed and webhook secrets derived under. */
  serverSecret: () => Promise<string>;
}

export interface CreatedIntegration {
  integration: Integration;
  /** Shown once: only its hash is kept. */
  key: string;
  /** Shown once (derived again to sign, never stored). */
  webhookSecret: string;
}

export async function listIntegrations(deps: Pick<IntegrationAdminDeps, 'integrations'>, principal: StaffPrincipal): Promise<{ integrations: Integration[] }> {
  requireRole(principal, ['admin']);
  const integrations = await deps.integrations.list(principal.orgId);
  integrations.sort((a, b) => (a.state === b.state ? b.createdAt.localeCompare(a.createdAt) : a.state === 'active' ? -1 : 1));
  return { integrations };
}

export async function createIntegration(deps: IntegrationAdminDeps, principal: StaffPrincipal, body: unknown): Promise<CreatedIntegration> {
  requireRole(principal, ['admin']);
  const input = parseOrThrow(newIntegrationSchema, body);
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = ulid(now.getTime()).toLowerCase();
  const { webhook, ...rest } = input;
  const integration: Integration = {
    orgId: principal.orgId,
    id,
    ...rest,
    scopes: [...new Set(rest.scopes)],
    ...(webhook ? { webhook } : {}),
    state: 'active',
    createdAt: at,
    createdBy: principal.name,
    updatedAt: at,
    version: 1,
  };
  const secret = await deps.serverSecret();
  const key = formatIntegrationKey(id, deps.randomBytes(32));
  await deps.integrations.create(integration, integrationKeyHash(secret, key), auditRecord(principal, at, 'createIntegration', `integration:${id}`, `${integration.name} (${integration.channel})`));
  return { integration, key, webhookSecret: webhookSecretOf(secret, principal.orgId, id) };
}

async function current(deps: Pick<IntegrationAdminDeps, 'integrations'>, principal: StaffPrincipal, id: string): Promise<Integration> {
  const integration = await deps.integrations.get(principal.orgId, id);
  if (!integration) throw new NotFoundError('error.integrationNotFound');
  return integration;
}

export async function updateIntegration(deps: IntegrationAdminDeps, principal: StaffPrincipal, id: string, body: unknown): Promise<Integration> {
  requireRole(principal, ['admin']);
  const edit = parseOrThrow(integrationEditSchema, body);
  const integration = await current(deps, principal, id);
  if (integration.version !== edit.version) throw new ConflictError('error.concurrentIntegrationUpdate', undefined, 'concurrent_update');
  const at = deps.clock.now().toISOString();
  const next = editIntegration(integration, edit, at);
  await deps.integrations.save(next, integration.version, auditRecord(principal, at, 'updateIntegration', `integration:${id}`));
  return next;
}

/** Revoking is for good: a revoked key is refused from the next request on; a new key means a new integration. */
export async function revokeIntegrationKey(deps: IntegrationAdminDeps, principal: StaffPrincipal, id: string): Promise<Integration> {
  requireRole(principal, ['admin']);
  const integration = await current(deps, principal, id);
  if (integration.state === 'revoked') return integration;
  const at = deps.clock.now().toISOString();
  const next = revokeIntegration(integration, at, principal.name);
  await deps.integrations.save(next, integration.version, auditRecord(principal, at, 'revokeIntegration', `integration:${id}`));
  return next;
}
