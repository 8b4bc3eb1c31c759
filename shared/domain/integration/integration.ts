/**
 * An integration (接入方): another system — a mini-program, a city app, a 12345 system, an Open311 client — that
 * submits suggestions and follows them with a key of its own. The key is shown once at creation and kept only as
 * its HMAC under a server secret (a key is 32 random bytes, so no salt or slow hash is needed: guessing is hopeless
 * and the secret keeps a copied table from checking guesses). The webhook secret is never stored: it is derived
 * from the server secret and the integration's id whenever a delivery is signed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { channels, publicChannels, type Channel } from '../suggestion/suggestion';

/** The channels an integration may submit under: every channel but the public form's and staff-only ones. */
export const integrationChannels = channels.filter(
  (c): c is Exclude<Channel, (typeof publicChannels)[number] | 'offline' | 'import'> =>
    !(publicChannels as readonly string[]).includes(c) && c !== 'offline' && c !== 'import',
);
export type IntegrationChannel = (typeof integrationChannels)[number];

export const integrationScopes = ['submit', 'status'] as const;
export type IntegrationScope = (typeof integrationScopes)[number];

export const defaultRatePerMinute = 60;

export interface IntegrationWebhook {
  url: string;
}

export interface Integration {
  orgId: string;
  id: string;
  name: string;
  channel: IntegrationChannel;
  scopes: IntegrationScope[];
  state: 'active' | 'revoked';
  ratePerMinute: number;
  webhook?: IntegrationWebhook;
  createdAt: string;
  createdBy: string;
  lastUsedAt?: string;
  revokedAt?: string;
  revokedBy?: string;
  updatedAt: string;
  version: number;
}

/** https anywhere; plain http only to this machine (a local receiver), as the notification webhook allows. */
export function isAllowedWebhookUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback);
}

const webhookSchema = z.object({ url: z.string().max(2000).refine(isAllowedWebhookUrl, { message: 'webhookUrl' }) }).strict();

const editable = {
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(integrationScopes)).min(1).max(integrationScopes.length),
  ratePerMinute: z.number().int().min(1).max(6000),
  webhook: webhookSchema.nullable(),
};

/** POST /api/staff/integrations. */
export const newIntegrationSchema = z
  .object({
    name: editable.name,
    channel: z.enum(integrationChannels),
    scopes: editable.scopes.default(['submit', 'status']),
    ratePerMinute: editable.ratePerMinute.default(defaultRatePerMinute),
    webhook: editable.webhook.optional(),
  })
  .strict();
export type NewIntegration = z.output<typeof newIntegrationSchema>;

/** PUT /api/staff/integrations/{id}: what may change (the channel may not: suggestions already carry it). */
export const integrationEditSchema = z
  .object({
    version: z.number().int().min(1),
    name: editable.name.optional(),
    scopes: editable.scopes.optional(),
    ratePerMinute: editable.ratePerMinute.optional(),
    webhook: editable.webhook.optional(),
  })
  .strict();
export type IntegrationEdit = z.output<typeof integrationEditSchema>;

export function editIntegration(current: Integration, edit: IntegrationEdit, at: string): Integration {
  const { version: _v, webhook, ...rest } = edit;
  const next: Integration = { ...current, ...rest, scopes: [...new Set(rest.scopes ?? current.scopes)], updatedAt: at, version: current.version + 1 };
  if (webhook === null) delete next.webhook;
  else if (webhook) next.webhook = webhook;
  return next;
}

export function revokeIntegration(current: Integration, at: string, by: string): Integration {
  return { ...current, state: 'revoked', revokedAt: at, revokedBy: by, updatedAt: at, version: current.version + 1 };
}

// --- The key -------------------------------------------------------------------------------------------------

const keyPattern = /^jy_([0-9a-z]{26})_([A-Za-z0-9_-]{43})$/;

/** `jy_<integration id>_<32 random bytes, base64url>`: the id tells which record to check the rest against. */
export function formatIntegrationKey(id: string, random: Uint8Array): string {
  if (random.length !== 32) throw new RangeError('an integration key takes 32 random bytes');
  return `jy_${id}_${Buffer.from(random).toString('base64url')}`;
}

/** The integration id a key names, or undefined when it is not shaped like one of ours. */
export function integrationIdOfKey(key: string): string | undefined {
  return keyPattern.exec(key)?.[1];
}

export function integrationKeyHash(secret: string, key: string): string {
  return createHmac('sha256', secret).update(`integration-key\u0000${key}`).digest('hex');
}

export function keyMatches(secret: string, key: string, storedHash: string): boolean {
  const a = Buffer.from(integrationKeyHash(secret, key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The secret the integration's webhooks are signed with: derived, never stored, the same for its whole life. */
export function webhookSecretOf(secret: string, orgId: string, integrationId: string): string {
  return createHmac('sha256', secret).update(`integration-webhook\u0000${orgId}\u0000${integrationId}`).digest('base64url');
}

/** `X-Jianyi-Signature`: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>, as the notification webhook. */
export function webhookSignature(webhookSecret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', webhookSecret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** lastUsedAt is written at most once a minute per key: a busy key costs one write a minute, not one a request. */
export const lastUsedResolutionMs = 60_000;

export function lastUsedIsStale(lastUsedAt: string | undefined, now: Date): boolean {
  return !lastUsedAt || now.getTime() - Date.parse(lastUsedAt) >= lastUsedResolutionMs;
}

/** What the admin page lists: never the key or its hash. */
export type IntegrationView = Integration;
