/**
 * The notifier's adapters, built at cold start from the environment (notification-providers.ts lists the
 * variables): the delivery ledger, the chosen providers with only their SDK clients, the queue for retries and
 * deferred copies, the failed-notification records. A bad configuration fails here, at once and by name.
 */
import type { NotifierDeps } from '../use-cases/deliver-notification';
import { smsQuietHoursOf } from '../use-cases/org-calendar';
import { log } from '../observability/log';
import { dynamoDocumentClient } from './clients/dynamodb';
import { secretsManager } from './clients/secrets-manager';
import { ses } from './clients/ses';
import { sns } from './clients/sns';
import { sqs } from './clients/sqs';
import { failedNotifications, supervision, systemClock } from './composition';
import { DynamoNotificationLedger } from './dynamo-notification-ledger';
import { DynamoOutbox } from './dynamo-outbox';
import { optionalEnv, requiredEnv } from './env';
import { buildProviders, providerChoice } from './notification-providers';
import { OutboxProvider } from './outbox-provider';
import { SesEmailProvider } from './ses-email-provider';
import { SnsSmsProvider } from './sns-sms-provider';
import { SqsNotificationQueue } from './sqs-notification-queue';
import { WebhookProvider } from './webhook-provider';
import { webhookSecret } from './webhook-secret';
import { secretFromEnvironment } from './server-secret';

export async function notifierDeps(env: Record<string, string | undefined> = process.env): Promise<NotifierDeps> {
  const tableName = requiredEnv('TABLE_NAME');
  const queue = new SqsNotificationQueue(sqs(), requiredEnv('NOTIFY_QUEUE_URL'));
  const choice = providerChoice(env);
  const maxReceives = Number(optionalEnv('NOTIFY_MAX_RECEIVES', '5'));
  if (!Number.isInteger(maxReceives) || maxReceives < 1) throw new Error('NOTIFY_MAX_RECEIVES must be a positive integer');
  // Read once per container, before the first message.
  const pinSecret = secretFromEnvironment('PIN_SECRET');
  const signingSecret = Object.values(choice).includes('webhook') ? await webhookSecret(env, secretsManager) : undefined;
  return {
    ledger: new DynamoNotificationLedger(dynamoDocumentClient(), tableName),
    // Each factory runs only for a provider in use, so only those make their SDK client.
    provider: buildProviders(choice, {
      outbox: () => new OutboxProvider(new DynamoOutbox(dynamoDocumentClient(), tableName), systemClock),
      ses: () => new SesEmailProvider(ses(), requiredEnv('NOTIFY_EMAIL_FROM'), env.NOTIFY_SES_CONFIGURATION_SET || undefined),
      sns: () => new SnsSmsProvider(sns()),
      webhook: () =>
        new WebhookProvider({
          url: requiredEnv('NOTIFY_WEBHOOK_URL'),
          secret: signingSecret!,
          timeoutMs: Number(optionalEnv('NOTIFY_WEBHOOK_TIMEOUT_MS', '5000')),
          clock: systemClock,
        }),
    }),
    clock: systemClock,
    retries: queue,
    failed: failedNotifications(),
    maxReceives,
    // The outbox only shows what would be sent: a quiet-hours SMS lands at once, stamped with its deliverAfter.
    quietHours: choice.sms === 'outbox' ? 'annotate' : 'defer',
    // The organisation's (and campaign's) own quiet hours, cached per container for a minute.
    smsQuietHours: smsQuietHoursOf(supervision()),
    // Issue 12: staff entry and callbacks — a staff entry's receipt carries its PIN, derived here.
    ...(pinSecret ? { pinSecret } : {}),
    log,
  };
}
