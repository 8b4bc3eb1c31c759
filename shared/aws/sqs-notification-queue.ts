/** Notifications go through SQS so a slow or failing provider never slows intake, and nothing is lost. */
import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueuedNotification } from '../domain/notifications/delivery';
import type { NotificationQueue, NotificationRequest, NotificationRetryControl } from '../ports';

export class SqsNotificationQueue implements NotificationQueue, NotificationRetryControl {
  constructor(
    private readonly client: Pick<SQSClient, 'send'>,
    private readonly queueUrl: string,
  ) {}

  async enqueue(requests: readonly NotificationRequest[]): Promise<void> {
    for (let i = 0; i < requests.length; i += 10) {
      const batch = requests.slice(i, i + 10);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((r, n) => ({ Id: String(n), MessageBody: JSON.stringify(r) })),
        }),
      );
      if (result.Failed?.length) throw new Error(`SQS refused ${result.Failed.length} notification(s): ${result.Failed[0]?.Message}`);
    }
  }

  /** The notifier's retry backoff: the failed message stays hidden this long (SQS allows up to 12 h). */
  async changeVisibility(receiptHandle: string, seconds: number): Promise<void> {
    await this.client.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: this.queueUrl, ReceiptHandle: receiptHandle, VisibilityTimeout: Math.min(43_200, Math.max(0, Math.round(seconds))) }),
    );
  }

  /** A deferred copy: a new message (its receive count starts again), delayed by at most SQS's 15 minutes. */
  async requeue(message: QueuedNotification, delaySeconds: number): Promise<void> {
    await this.client.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message), DelaySeconds: Math.min(900, Math.max(0, Math.round(delaySeconds))) }),
    );
  }
}
