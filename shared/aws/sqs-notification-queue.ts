/** Notifications go through SQS so a slow or failing provider never slows intake, and nothing is lost. */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { NotificationQueue, NotificationRequest } from '../ports';

export class SqsNotificationQueue implements NotificationQueue {
  constructor(
    private readonly client: SQSClient,
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
}
