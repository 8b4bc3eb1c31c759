/**
 * The composition root for Lambda handlers: adapters built once per container from validated environment
 * variables. Each handler takes only what it uses; reading an unset variable fails at cold start, by name.
 * Here: the table's adapters and the configuration. Adapters on other services have files of their own, so that
 * a function imports a service's SDK only when it uses it: the queue (composition-sqs.ts), the workflow
 * (composition-sfn.ts), staff sign-in accounts (staff-accounts.ts), the notifier's providers (notifier-deps.ts).
 */
import { randomBytes } from 'node:crypto';
import { dynamoDocumentClient } from './clients/dynamodb';
import { DynamoAuditLog } from './dynamo-audit-log';
import { DynamoBulletinStore } from './dynamo-bulletin-store';
import { DynamoCampaignStore } from './dynamo-campaign-store';
import { DynamoDirectory } from './dynamo-directory';
import { DynamoExportStore } from './dynamo-export-store';
import { DynamoFailedNotifications } from './dynamo-failed-notifications';
import { DynamoRateLimiter } from './dynamo-rate-limiter';
import { DynamoRateStore } from './dynamo-rate-store';
import { DynamoSuggestionStore } from './dynamo-suggestion-store';
import { DynamoSupervisionStore } from './dynamo-supervision-store';
import { optionalEnv, requiredEnv } from './env';

// The clock and the organisation need no SDK: they have a file of their own (a function using only them imports no
// table adapter), re-exported here for the handlers that use both.
import { orgId } from './system-config';

export { orgId, scaledClock, systemClock } from './system-config';
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
export const campaignStore = () => new DynamoCampaignStore(dynamoDocumentClient(), tableName());
export const publicBaseUrl = () => optionalEnv('PUBLIC_BASE_URL', '').replace(/\/$/, '');
export const jwt = () => ({ issuer: requiredEnv('JWT_ISSUER'), audience: requiredEnv('JWT_AUDIENCE') });
