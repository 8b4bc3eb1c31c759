/** Background file work (exports, bulletins) goes through its own SQS queue to the file-jobs worker. */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { FileJob, FileJobQueue } from '../ports';

export class SqsFileJobQueue implements FileJobQueue {
  constructor(
    private readonly client: Pick<SQSClient, 'send'>,
    private readonly queueUrl: string,
  ) {}

  async enqueue(job: FileJob): Promise<void> {
    await this.client.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(job) }));
  }
}
