/**
 * SQS consumer: delivers notifications. Reports per-message failures (partial batch response) so one bad
 * message is retried alone and, after maxReceiveCount, lands in the dead-letter queue.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import middy from '@middy/core';
import { dynamoDocumentClient } from '../../shared/aws/clients';
import { systemClock } from '../../shared/aws/composition';
import { DynamoNotificationLedger } from '../../shared/aws/dynamo-notification-ledger';
import { DynamoOutbox } from '../../shared/aws/dynamo-outbox';
import { requiredEnv, optionalEnv } from '../../shared/aws/env';
import { OutboxProvider } from '../../shared/aws/outbox-provider';
import { log } from '../../shared/http/log';
import type { NotificationProvider, NotificationRequest } from '../../shared/ports';
import { deliverNotification } from '../../shared/use-cases/deliver-notification';

const tableName = requiredEnv('TABLE_NAME');
const providers: Record<string, () => NotificationProvider> = {
  outbox: () => new OutboxProvider(new DynamoOutbox(dynamoDocumentClient(), tableName), systemClock),
};
const providerName = optionalEnv('NOTIFY_PROVIDER', 'outbox');
const makeProvider = providers[providerName];
if (!makeProvider) throw new Error(`NOTIFY_PROVIDER=${providerName} is not one of: ${Object.keys(providers).join(', ')}`);
const deps = { ledger: new DynamoNotificationLedger(dynamoDocumentClient(), tableName), provider: makeProvider(), clock: systemClock };

export const handler = middy<SQSEvent, SQSBatchResponse>().handler(async (event) => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  await Promise.all(
    event.Records.map(async (record) => {
      try {
        await deliverNotification(deps, JSON.parse(record.body) as NotificationRequest);
      } catch (error) {
        log.warn('notification not delivered; will retry', { messageId: record.messageId, reason: String(error) });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }),
  );
  return { batchItemFailures };
});
