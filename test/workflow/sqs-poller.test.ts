/**
 * The local SQS event source: fauxqs queues created as the template declares them (redrive included), and the
 * poller behaving as Lambda's: real-shaped records, partial batch responses, failures left to come back after
 * the visibility timeout until the dead-letter queue takes them.
 */
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalEventSourceMapping, LocalQueue } from '../../infra/local/cdk-template';
import { assertLocalEndpoint } from '../../infra/local/ports';
import { createQueues, messagesToDelete, startLocalSqs, startPoller, type BatchOutcome, type LocalSqs } from '../../infra/local/sqs';

let sqs: LocalSqs;
let client: SQSClient;

beforeAll(async () => {
  sqs = await startLocalSqs({ region: 'local' });
  assertLocalEndpoint(sqs.endpoint);
  client = sqs.client();
});

afterAll(async () => {
  client?.destroy();
  await sqs?.stop();
});

function queuePair(name: string, maxReceiveCount: number): { queue: LocalQueue; deadLetter: LocalQueue } {
  const url = (n: string) => `${sqs.endpoint}/000000000000/${n}`;
  const arn = (n: string) => `arn:aws:sqs:local:000000000000:${n}`;
  const deadLetter: LocalQueue = { id: `t/${name}-dlq`, logicalId: `${name}Dlq`, queueName: `${name}-dlq`, url: url(`${name}-dlq`), arn: arn(`${name}-dlq`), attributes: {} };
  const queue: LocalQueue = {
    id: `t/${name}`,
    logicalId: name,
    queueName: name,
    url: url(name),
    arn: arn(name),
    // A 1 s visibility timeout keeps the redrive test short; the template's is 180 s.
    attributes: { VisibilityTimeout: '1', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetter.arn, maxReceiveCount }) },
    deadLetterQueueArn: deadLetter.arn,
    maxReceiveCount,
  };
  return { queue, deadLetter };
}

const mapping = (queue: LocalQueue): LocalEventSourceMapping => ({
  id: 't/mapping',
  queueArn: queue.arn,
  functionId: 't/consumer',
  batchSize: 10,
  maximumBatchingWindowSeconds: 0,
  reportBatchItemFailures: true,
  enabled: true,
});

async function count(queue: LocalQueue): Promise<number> {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('messagesToDelete (partial batch response rules)', () => {
  const records = [{ messageId: 'a' }, { messageId: 'b' }] as SQSRecord[];
  const ok = (result: unknown): BatchOutcome => ({ ok: true, result });

  it('deletes all on success, all but the reported failures with ReportBatchItemFailures', () => {
    expect(messagesToDelete(records, ok(undefined), true)).toEqual(records);
    expect(messagesToDelete(records, ok({ batchItemFailures: [] }), true)).toEqual(records);
    expect(messagesToDelete(records, ok({ batchItemFailures: [{ itemIdentifier: 'b' }] }), true)).toEqual([records[0]]);
    expect(messagesToDelete(records, ok({ batchItemFailures: [{ itemIdentifier: 'b' }] }), false)).toEqual(records);
  });

  it('keeps the whole batch when the function failed or the response names an unknown message', () => {
    expect(messagesToDelete(records, { ok: false, error: { errorType: 'Error', errorMessage: 'x' } }, true)).toEqual([]);
    expect(messagesToDelete(records, ok({ batchItemFailures: [{ itemIdentifier: 'zzz' }] }), true)).toEqual([]);
    expect(messagesToDelete(records, ok({ batchItemFailures: [{}] }), true)).toEqual([]);
  });
});

describe('the SQS poller', () => {
  it('creates queues at the URLs the functions were given, and delivers real-shaped records', async () => {
    const { queue, deadLetter } = queuePair('shape', 3);
    await createQueues(client, [queue, deadLetter]);
    const events: SQSEvent[] = [];
    const poller = startPoller({ client, queue, mapping: mapping(queue), region: 'local', waitTimeSeconds: 1, invoke: async (event) => (events.push(event), { ok: true, result: null }) });
    try {
      await client.send(
        new SendMessageCommand({ QueueUrl: queue.url, MessageBody: '{"n":1}', MessageAttributes: { kind: { DataType: 'String', StringValue: 'receipt' } } }),
      );
      await until(() => events.length > 0);
      expect(events[0]!.Records[0]).toMatchObject({
        body: '{"n":1}',
        eventSource: 'aws:sqs',
        eventSourceARN: queue.arn,
        awsRegion: 'local',
        attributes: { ApproximateReceiveCount: '1' },
        messageAttributes: { kind: { dataType: 'String', stringValue: 'receipt' } },
      });
      await until(async () => (await count(queue)) === 0);
    } finally {
      await poller.stop();
    }
  });

  it('deletes successes, retries reported failures after the visibility timeout, then redrives them to the DLQ', async () => {
    const { queue, deadLetter } = queuePair('redrive', 2);
    await createQueues(client, [queue, deadLetter]);
    const attempts = new Map<string, number>();
    const poller = startPoller({
      client,
      queue,
      mapping: mapping(queue),
      region: 'local',
      waitTimeSeconds: 1,
      invoke: async (event) => {
        const failures = [];
        for (const record of event.Records) {
          attempts.set(record.body, (attempts.get(record.body) ?? 0) + 1);
          if (record.body === 'poison') failures.push({ itemIdentifier: record.messageId });
        }
        return { ok: true, result: { batchItemFailures: failures } };
      },
    });
    try {
      await client.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'fine' }));
      await client.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'poison' }));
      await until(async () => (await count(deadLetter)) === 1, 15_000);
      expect(await count(queue)).toBe(0);
      expect(attempts.get('fine')).toBe(1);
      expect(attempts.get('poison')).toBe(2);
      const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: deadLetter.url }));
      expect(Messages?.[0]?.Body).toBe('poison');
    } finally {
      await poller.stop();
    }
  });
});
