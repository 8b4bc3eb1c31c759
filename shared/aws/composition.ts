/**
 * The composition root for Lambda handlers: adapters built once per container from validated environment
 * variables. Each handler takes only what it uses; reading an unset variable fails at cold start, by name.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../ports';
import { dynamoDocumentClient, sfn, sqs } from './clients';
import { DynamoAuditLog } from './dynamo-audit-log';
import { DynamoDirectory } from './dynamo-directory';
import { DynamoRateLimiter } from './dynamo-rate-limiter';
import { DynamoSuggestionStore } from './dynamo-suggestion-store';
import { DynamoSupervisionStore } from './dynamo-supervision-store';
import { optionalEnv, requiredEnv } from './env';
import { SfnWorkflowEngine } from './sfn-workflow-engine';
import { SqsNotificationQueue } from './sqs-notification-queue';

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



export const composition = {
  suggestionStore: () => new DynamoSuggestionStore(dynamoDocumentClient(), tableName()),
  auditLog: () => new DynamoAuditLog(dynamoDocumentClient(), tableName()),
  rateLimiter: () => new DynamoRateLimiter(dynamoDocumentClient(), tableName()),
  directory: () => new DynamoDirectory(dynamoDocumentClient(), tableName()),
  notificationQueue: () => new SqsNotificationQueue(sqs(), requiredEnv('NOTIFY_QUEUE_URL')),
  workflowEngine: () => new SfnWorkflowEngine(sfn(), requiredEnv('STATE_MACHINE_ARN')),
  /** For actions: they only answer task tokens, which needs no state machine ARN. */
  workflowAnswerer: () => new SfnWorkflowEngine(sfn()),
  supervision: () => new DynamoSupervisionStore(dynamoDocumentClient(), tableName()),
  orgId: () => optionalEnv('ORG_ID', 'demo'),
  publicBaseUrl: () => optionalEnv('PUBLIC_BASE_URL', '').replace(/\/$/, ''),
  jwt: () => ({ issuer: requiredEnv('JWT_ISSUER'), audience: requiredEnv('JWT_AUDIENCE') }),
};
