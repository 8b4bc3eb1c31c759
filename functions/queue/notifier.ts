/**
 * SQS consumer: delivers notifications through the configured providers. Reports per-message failures (partial
 * batch response) so one bad message is retried alone, with backoff, and after maxReceiveCount lands in the
 * dead-letter queue — with a failed-notification record for the admin. SMS in quiet hours are deferred as fresh
 * delayed copies, so waiting never counts toward the DLQ. See shared/use-cases/deliver-notification.ts.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import middy from '@middy/core';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { dynamoDocumentClient, sqs } from '../../shared/aws/clients';
import { composition, systemClock } from '../../shared/aws/composition';
import { DynamoFailedNotifications } from '../../shared/aws/dynamo-failed-notifications';
import { DynamoNotificationLedger } from '../../shared/aws/dynamo-notification-ledger';
import { DynamoOutbox } from '../../shared/aws/dynamo-outbox';
import { optionalEnv, requiredEnv } from '../../shared/aws/env';
import { buildProviders, providerChoice } from '../../shared/aws/notification-providers';
import { OutboxProvider } from '../../shared/aws/outbox-provider';
import { SesEmailProvider } from '../../shared/aws/ses-email-provider';
import { SnsSmsProvider } from '../../shared/aws/sns-sms-provider';
import { SqsNotificationQueue } from '../../shared/aws/sqs-notification-queue';
import { WebhookProvider } from '../../shared/aws/webhook-provider';
import { webhookSecret } from '../../shared/aws/webhook-secret';
import { log } from '../../shared/http/log';
import { handleNotificationBatch, type NotifierDeps } from '../../shared/use-cases/deliver-notification';
import { smsQuietHoursOf } from '../../shared/use-cases/org-calendar';

// Cold start: configuration is checked here, so a bad deployment fails at once and by name.
const tableName = requiredEnv('TABLE_NAME');
const queue = new SqsNotificationQueue(sqs(), requiredEnv('NOTIFY_QUEUE_URL'));
const choice = providerChoice(process.env);
const maxReceives = Number(optionalEnv('NOTIFY_MAX_RECEIVES', '5'));
if (!Number.isInteger(maxReceives) || maxReceives < 1) throw new Error('NOTIFY_MAX_RECEIVES must be a positive integer');
const used = new Set(Object.values(choice));
// SDK clients at module scope, only for the providers in use.
const sesClient = used.has('ses') ? new SESv2Client({}) : undefined;
const snsClient = used.has('sns') ? new SNSClient({}) : undefined;
// Read once per container, before the first message (top-level await in the ESM bundle).
const signingSecret = used.has('webhook') ? await webhookSecret(process.env, () => new SecretsManagerClient({})) : undefined;

const deps: NotifierDeps = {
  ledger: new DynamoNotificationLedger(dynamoDocumentClient(), tableName),
  provider: buildProviders(choice, {
    outbox: () => new OutboxProvider(new DynamoOutbox(dynamoDocumentClient(), tableName), systemClock),
    ses: () => new SesEmailProvider(sesClient!, requiredEnv('NOTIFY_EMAIL_FROM'), process.env.NOTIFY_SES_CONFIGURATION_SET || undefined),
    sns: () => new SnsSmsProvider(snsClient!),
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
  failed: new DynamoFailedNotifications(dynamoDocumentClient(), tableName, composition.orgId()),
  maxReceives,
  // The outbox only shows what would be sent: a quiet-hours SMS lands at once, stamped with its deliverAfter.
  quietHours: choice.sms === 'outbox' ? 'annotate' : 'defer',
  // The organisation's (and campaign's) own quiet hours, cached per container for a minute.
  smsQuietHours: smsQuietHoursOf(composition.supervision()),
  log,
};

export const handler = middy<SQSEvent, SQSBatchResponse>().handler(async (event) => {
  const { keep } = await handleNotificationBatch(
    deps,
    event.Records.map((r) => ({
      messageId: r.messageId,
      receiptHandle: r.receiptHandle,
      body: r.body,
      receiveCount: Number(r.attributes.ApproximateReceiveCount) || 1,
    })),
  );
  return { batchItemFailures: keep.map((itemIdentifier) => ({ itemIdentifier })) };
});
