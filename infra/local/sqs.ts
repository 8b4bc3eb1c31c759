/**
 * SQS, locally: fauxqs in this process on a loopback port (it implements visibility timeouts, long polling and
 * dead-letter redrive on maxReceiveCount), the queues the template declares, and one poller per Lambda event
 * source mapping that behaves like the Lambda SQS poller: batches, partial batch responses, and failed
 * messages left to reappear after the visibility timeout so redrive to the DLQ happens as on AWS.
 *
 * Queue contents live in memory: a restart of `npm start` loses messages still queued (the table keeps
 * everything else). See the report in infra/local/start.ts.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { buildApp, type BuildAppOptions } from 'fauxqs';
import type { LocalEventSourceMapping, LocalQueue } from './cdk-template';
import { assertLocalEndpoint, freePort } from './ports';

const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface LocalSqs {
  readonly endpoint: string;
  readonly port: number;
  /** A client aimed at this endpoint (explicit endpoint: fauxqs URLs are only valid here). */
  client(): SQSClient;
  stop(): Promise<void>;
}

/** fauxqs's queue store, which its package does not export: found next to its entry point. */
async function createFauxqsSqsStore(): Promise<{ host: string }> {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'node_modules', 'fauxqs', 'dist', 'sqs', 'sqsStore.js');
    if (existsSync(candidate)) {
      const { SqsStore } = (await import(pathToFileURL(candidate).href)) as { SqsStore: new () => { host: string } };
      return new SqsStore();
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('fauxqs is not installed (npm ci)');
    dir = parent;
  }
}

/**
 * Starts fauxqs bound to 127.0.0.1 only (its own `startFauxqs` listens on every interface). By default fauxqs
 * names queues `http://sqs.<region>.localhost:<port>/...`, a host that does not resolve here, and the SDK sends
 * requests to a queue URL's host; with the store's host cleared, URLs are built from the request's Host header:
 * `http://127.0.0.1:<port>/000000000000/<name>`, which is both the endpoint and a resolvable queue URL.
 */
export async function startLocalSqs(options: { port?: number; region: string }): Promise<LocalSqs> {
  const sqsStore = await createFauxqsSqsStore();
  sqsStore.host = '';
  const app = buildApp({ logger: false, defaultRegion: options.region, stores: { sqsStore } as unknown as BuildAppOptions['stores'] });
  const port = options.port ?? (await freePort());
  await app.listen({ port, host: '127.0.0.1' });
  const endpoint = `http://127.0.0.1:${port}`;
  assertLocalEndpoint(endpoint);
  return {
    endpoint,
    port,
    client: () => new SQSClient({ endpoint, region: options.region, credentials: localCredentials }),
    stop: async () => {
      await app.close();
    },
  };
}

/**
 * Creates the template's queues, dead-letter queues first (a redrive policy names an existing queue), and checks
 * that fauxqs hands out the same URLs the template resolved for the functions' environment.
 */
export async function createQueues(client: SQSClient, queues: readonly LocalQueue[]): Promise<void> {
  const ordered = [...queues].sort((a, b) => Number(Boolean(a.deadLetterQueueArn)) - Number(Boolean(b.deadLetterQueueArn)));
  for (const queue of ordered) {
    const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: queue.queueName, Attributes: queue.attributes }));
    if (QueueUrl !== queue.url) {
      throw new Error(`Queue ${queue.queueName} was created at ${QueueUrl}, but the functions were told ${queue.url}`);
    }
  }
}

/** Shapes a received message as the Lambda SQS poller does. */
export function toSqsRecord(message: Message, queue: LocalQueue, region: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  const messageAttributes: SQSRecord['messageAttributes'] = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    messageAttributes[name] = {
      dataType: value.DataType ?? 'String',
      stringValue: value.StringValue,
      binaryValue: value.BinaryValue ? Buffer.from(value.BinaryValue).toString('base64') : undefined,
      stringListValues: value.StringListValues ?? [],
      binaryListValues: (value.BinaryListValues ?? []).map((item) => Buffer.from(item).toString('base64')),
    };
  }
  return {
    messageId: message.MessageId ?? randomUUID(),
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? 'LOCAL',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      ...(attributes.MessageGroupId ? { MessageGroupId: attributes.MessageGroupId } : {}),
      ...(attributes.MessageDeduplicationId ? { MessageDeduplicationId: attributes.MessageDeduplicationId } : {}),
      ...(attributes.SequenceNumber ? { SequenceNumber: attributes.SequenceNumber } : {}),
    },
    messageAttributes,
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: region,
  };
}

export type BatchOutcome =
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly error: { readonly errorType: string; readonly errorMessage: string } };

/**
 * Which messages of a batch may be deleted. With ReportBatchItemFailures, a well-formed `batchItemFailures`
 * keeps the named messages; a malformed one (unknown or empty id) fails the whole batch, as Lambda does.
 */
export function messagesToDelete(records: readonly SQSRecord[], outcome: BatchOutcome, reportBatchItemFailures: boolean): SQSRecord[] {
  if (!outcome.ok) return [];
  if (!reportBatchItemFailures) return [...records];
  const response = outcome.result as Partial<SQSBatchResponse> | null | undefined;
  const failures = response && typeof response === 'object' ? response.batchItemFailures : undefined;
  if (failures === undefined || failures === null) return [...records];
  if (!Array.isArray(failures)) return [];
  const ids = new Set(records.map((record) => record.messageId));
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !ids.has(id)) return [];
    failed.add(id);
  }
  return records.filter((record) => !failed.has(record.messageId));
}

export interface PollerOptions {
  readonly client: SQSClient;
  readonly queue: LocalQueue;
  readonly mapping: LocalEventSourceMapping;
  readonly region: string;
  /** Invokes the consumer function with the batch. */
  readonly invoke: (event: SQSEvent) => Promise<BatchOutcome>;
  /** @default 10 (seconds of long polling per receive) */
  readonly waitTimeSeconds?: number;
  readonly log?: (message: string) => void;
}

export interface Poller {
  stop(): Promise<void>;
}

/** One long-polling loop per event source mapping, one batch at a time (enough for one laptop). */
export function startPoller(options: PollerOptions): Poller {
  const { client, queue, mapping } = options;
  const abort = new AbortController();
  const log = options.log ?? (() => undefined);

  async function receiveBatch(): Promise<Message[]> {
    const messages: Message[] = [];
    // SQS returns at most 10 per receive; a larger batch size fills up from what is immediately available.
    while (messages.length < mapping.batchSize) {
      const { Messages = [] } = await client.send(
        new ReceiveMessageCommand({
          QueueUrl: queue.url,
          MaxNumberOfMessages: Math.min(10, mapping.batchSize - messages.length),
          WaitTimeSeconds: messages.length === 0 ? (options.waitTimeSeconds ?? 10) : 0,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
        { abortSignal: abort.signal },
      );
      messages.push(...Messages);
      if (Messages.length === 0) break;
    }
    return messages;
  }

  async function deleteMessages(records: readonly SQSRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += 10) {
      const chunk = records.slice(i, i + 10);
      await client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queue.url,
          Entries: chunk.map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle })),
        }),
      );
    }
  }

  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        const messages = await receiveBatch();
        if (messages.length === 0) continue;
        const records = messages.map((message) => toSqsRecord(message, queue, options.region));
        const outcome = await options.invoke({ Records: records });
        const deletable = messagesToDelete(records, outcome, mapping.reportBatchItemFailures);
        if (deletable.length) await deleteMessages(deletable);
        const kept = records.length - deletable.length;
        if (kept > 0) {
          const why = outcome.ok ? 'reported as failed' : `${outcome.error.errorType}: ${outcome.error.errorMessage}`;
          log(`${queue.queueName}: ${kept} of ${records.length} message(s) kept for retry (${why})`);
        }
      } catch (error) {
        if (abort.signal.aborted) break;
        log(`${queue.queueName}: poller error: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  })();

  return {
    async stop() {
      abort.abort();
      await loop;
    },
  };
}
