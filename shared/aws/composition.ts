/**
 * The composition root for Lambda handlers: adapters built once per container from validated environment
 * variables. Each handler takes only what it uses; reading an unset variable fails at cold start, by name.
 * Here: the table's adapters and the configuration. Adapters on other services have files of their own, so that
 * a function imports a service's SDK only when it uses it: the queue (composition-sqs.ts), the workflow
 * (composition-sfn.ts), staff sign-in accounts (staff-accounts.ts), the notifier's providers (notifier-deps.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../ports';
import { dynamoDocumentClient } from './clients/dynamodb';
import { DynamoAuditLog } from './dynamo-audit-log';
import { DynamoBulletinStore } from './dynamo-bulletin-store';
import { DynamoDirectory } from './dynamo-directory';
import { DynamoExportStore } from './dynamo-export-store';
import { DynamoFailedNotifications } from './dynamo-failed-notifications';
import { DynamoRateLimiter } from './dynamo-rate-limiter';
import { DynamoRateStore } from './dynamo-rate-store';
import { DynamoSuggestionStore } from './dynamo-suggestion-store';
import { DynamoSupervisionStore } from './dynamo-supervision-store';
import { optionalEnv, requiredEnv } from './env';

/**
 * The clock every handler uses. For demos the local runtime can speed time up: with JIANYI_TIME_SCALE=1440 a
 * day passes per minute, counted from JIANYI_CLOCK_ORIGIN (epoch ms). Unset on AWS: real time.
 */
export function scaledClock(scale: number, originMs: number, realNow: () => number = Date.now): Clock {
  if (!(scale > 1)) return { now: () => new Date(realNow()) };
  return { now: () => new Date(originMs + (realNow() - originMs) * scale) };
}

export const systemClock: Clock = scaledClock(Number(process.env.JIANYI_TIME_SCALE ?? 1), Number(process.env.JIANYI_CLOCK_ORIGIN ?? Date.now()));
export const systemRandomBytes = (size: number) => new Uint8Array(randomBytes(size));

const tableName = () => requiredEnv('TABLE_NAME');

// One function per adapter, not one object holding them all: a bundle keeps only the functions its handler calls.
export const suggestionStore = () => new DynamoSuggestionStore(dynamoDocumentClient(), tableName());
export const auditLog = () => new DynamoAuditLog(dynamoDocumentClient(), tableName());
export const rateLimiter = () => new DynamoRateLimiter(dynamoDocumentClient(), tableName());
export const directory = () => new DynamoDirectory(dynamoDocumentClient(), tableName());
export const supervision = () => new DynamoSupervisionStore(dynamoDocumentClient(), tableName());
export const rateStore = () => new DynamoRateStore(dynamoDocumentClient(), tableName(), suggestionStore());
export const failedNotifications = () => new DynamoFailedNotifications(dynamoDocumentClient(), tableName(), orgId());
// Exports and bulletins (issue 10, point 5).
export const exportStore = () => new DynamoExportStore(dynamoDocumentClient(), tableName());
export const bulletinStore = () => new DynamoBulletinStore(dynamoDocumentClient(), tableName());
export const orgId = () => optionalEnv('ORG_ID', 'demo');
export const publicBaseUrl = () => optionalEnv('PUBLIC_BASE_URL', '').replace(/\/$/, '');
export const jwt = () => ({ issuer: requiredEnv('JWT_ISSUER'), audience: requiredEnv('JWT_AUDIENCE') });
