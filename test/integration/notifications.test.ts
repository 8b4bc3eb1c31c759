/**
 * Notifications against the local emulators: DynamoDB Local (ledger, failed records) and fauxqs (visibility,
 * redrive to the dead-letter queue), with the webhook provider pointed at a gateway on 127.0.0.1 that goes down
 * and comes back. The notifier's use case runs in a small poll loop like the Lambda SQS poller's.
 *
 * At the use-case level rather than through startTestStack: the local stack runs the notifier with the
 * template's environment (the outbox), and has no option to point it at another provider.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../infra/local/dynamodb';
import { assertLocalEndpoint } from '../../infra/local/ports';
import { startLocalSqs, type LocalSqs } from '../../infra/local/sqs';
import { DynamoAuditLog } from '../../shared/aws/dynamo-audit-log';
import { DynamoFailedNotifications } from '../../shared/aws/dynamo-failed-notifications';
import { officeDay } from '../../shared/domain/office-day';
import { DynamoNotificationLedger } from '../../shared/aws/dynamo-notification-ledger';
import { DynamoSupervisionStore } from '../../shared/aws/dynamo-supervision-store';
import { SqsNotificationQueue } from '../../shared/aws/sqs-notification-queue';
import { WebhookProvider, webhookSignature } from '../../shared/aws/webhook-provider';
import { keys } from '../../shared/model/table';
import type { NotificationRequest } from '../../shared/ports';
import { handleNotificationBatch, type NotifierDeps } from '../../shared/use-cases/deliver-notification';
import { listFailedNotifications, retryFailedNotification } from '../../shared/use-cases/failed-notifications';
import { smsQuietHoursOf } from '../../shared/use-cases/org-calendar';
import { saveTimeLimits } from '../../shared/use-cases/supervision';

const region = 'us-east-1';
const secret = 'integration-secret-0123';
const maxReceives = 3;
// 10:00 in Shanghai, so an SMS may go at once.
let nowIso = '2026-05-06T02:00:00Z';
const clock = { now: () => new Date(nowIso) };

let sqsEmulator: LocalSqs;
let sqs: SQSClient;
let documents: DynamoDBDocumentClient;
let tableName: string;
let gatewayUrl: string;
/** How many of the next gateway requests fail with 503. */
let failNext = 0;
const accepted: { key: string; verified: boolean }[] = [];
let refused = 0;
const gateway = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    if (failNext > 0) {
      failNext--;
      refused++;
      res.writeHead(503).end('busy');
      return;
    }
    const verified = req.headers['x-jianyi-signature'] === webhookSignature(secret, String(req.headers['x-jianyi-timestamp']), body);
    accepted.push({ key: String(req.headers['idempotency-key']), verified });
    res.writeHead(200).end('ok');
  });
});

async function createQueuePair(): Promise<{ url: string; dlqUrl: string }> {
  const name = `notify-${randomUUID().slice(0, 8)}`;
  const { QueueUrl: dlqUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }));
  const { QueueUrl: url } = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: { VisibilityTimeout: '30', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes!.QueueArn, maxReceiveCount: String(maxReceives) }) },
    }),
  );
  return { url: url!, dlqUrl: dlqUrl! };
}

/** The notifier's deps; backoff asked of SQS is recorded and shortened to 1 s so the test runs in seconds. */
function notifier(queueUrl: string) {
  const queue = new SqsNotificationQueue(sqs, queueUrl);
  const backoff: number[] = [];
  const deps: NotifierDeps = {
    ledger: new DynamoNotificationLedger(documents, tableName),
    provider: new WebhookProvider({ url: gatewayUrl, secret, timeoutMs: 2000, clock }),
    clock,
    retries: {
      changeVisibility: (handle, seconds) => (backoff.push(seconds), queue.changeVisibility(handle, 1)),
      requeue: (message, delaySeconds) => queue.requeue(message, Math.min(delaySeconds, 5)),
    },
    failed: new DynamoFailedNotifications(documents, tableName),
    maxReceives,
    quietHours: 'defer',
    // As the notifier Lambda does: the stored limits of the message's organisation, over the default.
    smsQuietHours: smsQuietHoursOf(new DynamoSupervisionStore(documents, tableName)),
    log: { warn: () => undefined, error: () => undefined },
  };
  return { deps, queue, backoff };
}

/** Receives and handles batches as the Lambda poller does, until `done` or the time runs out. */
async function pollUntil(queueUrl: string, deps: NotifierDeps, done: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error('the notifier did not get there in time');
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['All'] }));
    if (!Messages.length) continue;
    const received = Messages.map((m) => ({ messageId: m.MessageId!, receiptHandle: m.ReceiptHandle!, body: m.Body!, receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 1) }));
    const { keep } = await handleNotificationBatch(deps, received);
    const done = received.filter((m) => !keep.includes(m.messageId));
    if (done.length) await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.receiptHandle })) }));
  }
}

async function queueIsEmpty(queueUrl: string): Promise<boolean> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Attributes.ApproximateNumberOfMessages === '0' && Attributes.ApproximateNumberOfMessagesNotVisible === '0';
}

function sms(suggestionId: string, orgId = 'demo'): NotificationRequest {
  return {
    idempotencyKey: `${suggestionId}#reply#sms#13800138000#reply@2026-05-06T01:59:00Z`,
    event: 'reply',
    suggestionId,
    orgId,
    channel: 'sms',
    to: '13800138000',
    locale: 'zh-CN',
    params: { title: '加装遮阳棚', trackingCode: 'JY-7K2M', rateUrl: 'http://127.0.0.1/#/rate?code=JY-7K2M' },
  };
}

const admin = { username: 'admin1', name: '管理员', role: 'admin' as const, orgId: 'demo' };

beforeAll(async () => {
  const endpoint = inject('dynamodbEndpoint');
  assertLocalEndpoint(endpoint);
  const dynamodb = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  documents = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
  tableName = `jianyi-notify-${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamodb, tableName);
  sqsEmulator = await startLocalSqs({ region });
  assertLocalEndpoint(sqsEmulator.endpoint);
  sqs = sqsEmulator.client();
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
  await sqsEmulator?.stop();
});

describe('notifications when the SMS gateway goes down', () => {
  it('retries with backoff while it is down and delivers once, signed, when it is back', async () => {
    const { url } = await createQueuePair();
    const { deps, queue, backoff } = notifier(url);
    const request = sms(`s-${randomUUID()}`);
    failNext = 2;
    refused = 0;
    await queue.enqueue([request]);
    await pollUntil(url, deps, async () => accepted.some((a) => a.key === request.idempotencyKey));

    expect(refused).toBe(2);
    expect(backoff).toEqual([30, 60]);
    expect(accepted.filter((a) => a.key === request.idempotencyKey)).toEqual([{ key: request.idempotencyKey, verified: true }]);
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.notificationSent(request.idempotencyKey), ConsistentRead: true }));
    expect(Item?.state).toBe('sent');

    // The same request queued again (a retried workflow task) is not sent twice.
    await queue.enqueue([request]);
    await pollUntil(url, deps, () => queueIsEmpty(url));
    expect(accepted.filter((a) => a.key === request.idempotencyKey)).toHaveLength(1);
  });

  it('records a notification that kept failing for the admin, parks it in the DLQ, and an admin retry delivers it', async () => {
    const { url, dlqUrl } = await createQueuePair();
    const { deps, queue } = notifier(url);
    const request = sms(`s-${randomUUID()}`);
    failNext = 1000;
    await queue.enqueue([request]);
    const failed = new DynamoFailedNotifications(documents, tableName);
    await pollUntil(url, deps, async () => (await failed.list('demo', 100)).some((r) => r.request.idempotencyKey === request.idempotencyKey));

    const { items } = await listFailedNotifications({ failed }, admin);
    const item = items.find((i) => i.suggestionId === request.suggestionId)!;
    // The recipient stays masked on the admin's list; the stored record keeps it for the retry.
    expect(item).toMatchObject({ event: 'reply', channel: 'sms', to: '138****8000', attempts: maxReceives, lastError: 'webhook answered 503: busy' });
    expect((await failed.get('demo', item.id))?.request.to).toBe('13800138000');

    // One more receive after maxReceiveCount moves the message to the dead-letter queue, as on AWS.
    await new Promise((r) => setTimeout(r, 1200));
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }));
    const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, WaitTimeSeconds: 2 }));
    expect(dead.Messages?.map((m) => JSON.parse(m.Body!).idempotencyKey)).toEqual([request.idempotencyKey]);

    // The gateway is back; the admin retries: the original request is delivered once and the record is gone.
    failNext = 0;
    const audit = new DynamoAuditLog(documents, tableName);
    await retryFailedNotification({ failed, notifications: queue, audit, clock }, admin, item.id);
    await pollUntil(url, deps, async () => accepted.some((a) => a.key === request.idempotencyKey));
    expect(accepted.filter((a) => a.key === request.idempotencyKey)).toHaveLength(1);
    expect((await listFailedNotifications({ failed }, admin)).items.find((i) => i.id === item.id)).toBeUndefined();
    // The record's deletion and the audit row of the retry were one write.
    const { entries } = await audit.list(admin.orgId, officeDay(nowIso), 100);
    expect(entries).toContainEqual(expect.objectContaining({ action: 'retryNotification', target: request.suggestionId, actor: { id: 'admin1', role: 'admin' } }));
  });

  it('defers an SMS in quiet hours as a delayed copy that carries deliverAfter, then delivers it once', async () => {
    const { url } = await createQueuePair();
    const { deps, queue } = notifier(url);
    const request = sms(`s-${randomUUID()}`);
    failNext = 0;
    nowIso = '2026-05-06T15:00:00Z'; // 23:00 in Shanghai
    try {
      await queue.enqueue([request]);
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 2, MessageSystemAttributeNames: ['All'] }));
      const [message] = Messages;
      const { keep, outcomes } = await handleNotificationBatch(deps, [{ messageId: message!.MessageId!, receiptHandle: message!.ReceiptHandle!, body: message!.Body!, receiveCount: 1 }]);
      expect({ keep, outcomes }).toEqual({ keep: [], outcomes: ['deferred'] });
      await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: '0', ReceiptHandle: message!.ReceiptHandle! }] }));
      const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessagesDelayed'] }));
      expect(Attributes.ApproximateNumberOfMessagesDelayed).toBe('1');
      expect(accepted.some((a) => a.key === request.idempotencyKey)).toBe(false);

      // Morning: the copy is due and goes out once, marked with the window it waited for.
      nowIso = '2026-05-07T00:00:05Z';
      const sentAfter: (string | undefined)[] = [];
      const provider: NotifierDeps['provider'] = { send: async (m, r) => (sentAfter.push((r as { deliverAfter?: string }).deliverAfter), deps.provider.send(m, r)) };
      await pollUntil(url, { ...deps, provider }, async () => accepted.some((a) => a.key === request.idempotencyKey));
      expect(sentAfter).toEqual(['2026-05-07T00:00:00.000Z']);
      expect(accepted.filter((a) => a.key === request.idempotencyKey)).toHaveLength(1);
    } finally {
      nowIso = '2026-05-06T02:00:00Z';
    }
  });

  it("defers an SMS in the organisation's own quiet hours (20:00–09:00) that the default would send, and sends it at 09:00", async () => {
    const { url } = await createQueuePair();
    const { deps, queue } = notifier(url);
    failNext = 0;
    const saved = await saveTimeLimits(
      { supervision: new DynamoSupervisionStore(documents, tableName), store: undefined as never, clock },
      { ...admin, orgId: 'night-owls' },
      { limits: { smsQuietHours: { from: '20:00', to: '09:00' } } },
    );
    expect(saved.effective.smsQuietHours).toEqual({ from: '20:00', to: '09:00' });
    const standing = sms(`s-${randomUUID()}`); // organisation 'demo': no limits of its own
    const owl = sms(`s-${randomUUID()}`, 'night-owls');
    nowIso = '2026-05-06T13:00:00Z'; // 21:00 in Shanghai: inside 20:00–09:00, outside 22:00–08:00
    try {
      await queue.enqueue([standing, owl]);
      await pollUntil(url, deps, async () => accepted.some((a) => a.key === standing.idempotencyKey));
      const { Attributes = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessagesDelayed'] }));
      expect(Attributes.ApproximateNumberOfMessagesDelayed).toBe('1');
      expect(accepted.some((a) => a.key === owl.idempotencyKey)).toBe(false);

      const sentAfter: (string | undefined)[] = [];
      const provider: NotifierDeps['provider'] = { send: async (m, r) => (sentAfter.push((r as { deliverAfter?: string }).deliverAfter), deps.provider.send(m, r)) };
      // 09:00: it goes, once, marked with the end of the organisation's quiet hours.
      nowIso = '2026-05-07T01:00:05Z';
      await pollUntil(url, { ...deps, provider }, async () => accepted.some((a) => a.key === owl.idempotencyKey));
      expect(sentAfter).toEqual(['2026-05-07T01:00:00.000Z']);
      expect(accepted.filter((a) => a.key === owl.idempotencyKey)).toHaveLength(1);
    } finally {
      nowIso = '2026-05-06T02:00:00Z';
    }
  });
});
