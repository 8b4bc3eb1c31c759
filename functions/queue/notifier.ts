/**
 * SQS consumer: delivers notifications through the configured providers. Reports per-message failures (partial
 * batch response) so one bad message is retried alone, with backoff, and after maxReceiveCount lands in the
 * dead-letter queue — with a failed-notification record for the admin. SMS in quiet hours are deferred as fresh
 * delayed copies, so waiting never counts toward the DLQ. See shared/use-cases/deliver-notification.ts.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import middy from '@middy/core';
import { notifierDeps } from '../../shared/aws/notifier-deps';
import { observed } from '../../shared/observability/observed';
import { handleNotificationBatch } from '../../shared/use-cases/deliver-notification';

// Cold start: configuration is checked here, so a bad deployment fails at once and by name (top-level await in
// the ESM bundle: the webhook's secret is read before the first message).
const deps = await notifierDeps();

export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(observed<SQSEvent, SQSBatchResponse>())
  .handler(async (event) => {
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
