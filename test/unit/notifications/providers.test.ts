import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand } from '@aws-sdk/client-sns';
import { buildProviders, providerChoice } from '../../../shared/aws/notification-providers';
import { OutboxProvider } from '../../../shared/aws/outbox-provider';
import { SesEmailProvider } from '../../../shared/aws/ses-email-provider';
import { SnsSmsProvider, toE164 } from '../../../shared/aws/sns-sms-provider';
import { validateWebhookUrl, WebhookProvider, webhookSignature } from '../../../shared/aws/webhook-provider';
import { renderNotification } from '../../../shared/domain/notifications/render';
import type { NotificationProvider, OutboxStore } from '../../../shared/ports';
import type { OutboxMessage } from '../../../shared/http/api-types';
import { fixedClock, request } from './fakes';

/** Captures the commands an SDK client would send. */
function fakeClient() {
  const sent: unknown[] = [];
  return { sent, send: async (command: unknown) => (sent.push(command), {}) as never };
}

const email = request({ channel: 'email', to: 'citizen@example.com', locale: 'en', idempotencyKey: 's1#receipt#email#citizen@example.com#0' });

describe('SES email provider', () => {
  it('sends a UTF-8 text email from the configured sender', async () => {
    const client = fakeClient();
    await new SesEmailProvider(client, 'noreply@jianyi.example', 'jianyi').send(renderNotification(email), email);
    const command = client.sent[0] as SendEmailCommand;
    expect(command).toBeInstanceOf(SendEmailCommand);
    expect(command.input).toEqual({
      FromEmailAddress: 'noreply@jianyi.example',
      Destination: { ToAddresses: ['citizen@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: 'We received your suggestion', Charset: 'UTF-8' },
          Body: { Text: { Data: renderNotification(email).body, Charset: 'UTF-8' } },
        },
      },
      ConfigurationSetName: 'jianyi',
    });
  });

  it('refuses an SMS', async () => {
    await expect(new SesEmailProvider(fakeClient(), 'a@b.c').send(renderNotification(request()), request())).rejects.toThrow(/not sms/);
  });
});

describe('SNS SMS provider', () => {
  it('publishes a transactional SMS to the +86 number of an 11-digit mobile', async () => {
    const client = fakeClient();
    await new SnsSmsProvider(client).send(renderNotification(request()), request());
    const command = client.sent[0] as PublishCommand;
    expect(command).toBeInstanceOf(PublishCommand);
    expect(command.input).toEqual({
      PhoneNumber: '+8613800138000',
      Message: renderNotification(request()).body,
      MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
    });
  });

  it('normalises phone numbers to E.164 and refuses what it cannot', () => {
    expect(toE164('138 0013-8000')).toBe('+8613800138000');
    expect(toE164('008613800138000')).toBe('+8613800138000');
    expect(toE164('+85291234567')).toBe('+85291234567');
    expect(() => toE164('010-12345')).toThrow(/not a phone number/);
    expect(() => toE164('12345678901234567')).toThrow(/\*{4}/); // the number is masked in the error
  });
});

describe('webhook provider', () => {
  const secret = 'test-secret-0123456789';
  let status = 200;
  let delayMs = 0;
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 200 ? 'ok' : 'gateway busy');
      }, delayMs);
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const provider = () => new WebhookProvider({ url, secret, timeoutMs: 300, clock: fixedClock('2026-05-06T02:00:00Z') });

  it('POSTs the message as JSON with an HMAC-SHA256 signature the receiver can verify', async () => {
    status = 200;
    delayMs = 0;
    received.length = 0;
    await provider().send(renderNotification(request()), request());
    const [{ headers, body }] = received as [(typeof received)[number]];
    expect(headers['content-type']).toMatch(/^application\/json/);
    expect(headers['idempotency-key']).toBe(request().idempotencyKey);
    expect(headers['x-jianyi-timestamp']).toBe(String(Date.parse('2026-05-06T02:00:00Z') / 1000));
    expect(headers['x-jianyi-signature']).toBe(webhookSignature(secret, headers['x-jianyi-timestamp'] as string, body));
    expect(JSON.parse(body)).toMatchObject({ channel: 'sms', to: '13800138000', event: 'receipt', suggestionId: 's1', locale: 'zh-CN' });
  });

  it('fails on a non-2xx answer', async () => {
    status = 503;
    delayMs = 0;
    await expect(provider().send(renderNotification(request()), request())).rejects.toThrow(/webhook answered 503: gateway busy/);
  });

  it('fails when the receiver does not answer within the timeout', async () => {
    status = 200;
    delayMs = 1000;
    await expect(provider().send(renderNotification(request()), request())).rejects.toThrow(/timed out/);
  });

  it('accepts https, or plain http only to this machine', () => {
    expect(validateWebhookUrl('https://sms.example.cn/hook')).toBe('https://sms.example.cn/hook');
    expect(() => validateWebhookUrl('http://sms.example.cn/hook')).toThrow(/https/);
    expect(() => validateWebhookUrl('nope')).toThrow(/not a URL/);
  });
});

describe('provider choice', () => {
  const webhookEnv = { NOTIFY_WEBHOOK_URL: 'https://sms.example.cn/hook', NOTIFY_WEBHOOK_SECRET: 'a-long-enough-secret' };

  it('defaults to the outbox for both channels', () => {
    expect(providerChoice({})).toEqual({ sms: 'outbox', email: 'outbox' });
  });

  it('lets each channel override the default', () => {
    expect(providerChoice({ NOTIFY_PROVIDER: 'webhook', NOTIFY_EMAIL_PROVIDER: 'ses', NOTIFY_EMAIL_FROM: 'noreply@x.cn', ...webhookEnv })).toEqual({ sms: 'webhook', email: 'ses' });
    expect(providerChoice({ NOTIFY_SMS_PROVIDER: 'sns' })).toEqual({ sms: 'sns', email: 'outbox' });
  });

  it('fails fast on an unknown provider, a provider that cannot send a channel, or missing configuration', () => {
    expect(() => providerChoice({ NOTIFY_PROVIDER: 'pigeon' })).toThrow(/NOTIFY_PROVIDER=pigeon/);
    expect(() => providerChoice({ NOTIFY_PROVIDER: 'sns' })).toThrow(/sns cannot send email: set NOTIFY_EMAIL_PROVIDER/);
    expect(() => providerChoice({ NOTIFY_EMAIL_PROVIDER: 'ses' })).toThrow(/NOTIFY_EMAIL_FROM/);
    expect(() => providerChoice({ NOTIFY_PROVIDER: 'webhook', NOTIFY_WEBHOOK_URL: 'https://x.cn' })).toThrow(/NOTIFY_WEBHOOK_SECRET_ARN/);
    expect(() => providerChoice({ NOTIFY_PROVIDER: 'webhook', NOTIFY_WEBHOOK_URL: 'https://x.cn', NOTIFY_WEBHOOK_SECRET: 'short' })).toThrow(/at least 16/);
    expect(providerChoice({ NOTIFY_PROVIDER: 'webhook', NOTIFY_WEBHOOK_URL: 'https://x.cn', NOTIFY_WEBHOOK_SECRET_ARN: 'arn:aws:secretsmanager:x' })).toEqual({ sms: 'webhook', email: 'webhook' });
    expect(() => providerChoice({ NOTIFY_PROVIDER: 'webhook', NOTIFY_WEBHOOK_SECRET: 'a-long-enough-secret' })).toThrow(/NOTIFY_WEBHOOK_URL/);
  });

  it('routes each channel to its provider, building a shared one once', async () => {
    const calls: string[] = [];
    let built = 0;
    const named = (name: string): (() => NotificationProvider) => () => {
      built++;
      return { send: async (m) => void calls.push(`${name}:${m.channel}`) };
    };
    const provider = buildProviders({ sms: 'webhook', email: 'webhook' }, { outbox: named('outbox'), ses: named('ses'), sns: named('sns'), webhook: named('webhook') });
    await provider.send(renderNotification(request()), request());
    await provider.send(renderNotification(email), email);
    expect(calls).toEqual(['webhook:sms', 'webhook:email']);
    expect(built).toBe(1);
    const split = buildProviders({ sms: 'sns', email: 'ses' }, { outbox: named('outbox'), ses: named('ses'), sns: named('sns'), webhook: named('webhook') });
    await split.send(renderNotification(email), email);
    expect(calls.at(-1)).toBe('ses:email');
  });
});

describe('outbox provider', () => {
  it('stamps a deferred SMS with its deliverAfter', async () => {
    const messages: OutboxMessage[] = [];
    const outbox: OutboxStore = { put: async (m) => void messages.push(m), list: async () => messages };
    const deferred = { ...request(), deliverAfter: '2026-05-07T00:00:00.000Z' };
    await new OutboxProvider(outbox, fixedClock('2026-05-06T15:00:00Z')).send(renderNotification(deferred), deferred);
    await new OutboxProvider(outbox, fixedClock('2026-05-06T15:00:00Z')).send(renderNotification(email), email);
    expect(messages[0]).toMatchObject({ channel: 'sms', deliverAfter: '2026-05-07T00:00:00.000Z', event: 'receipt', suggestionId: 's1' });
    expect(messages[1]).not.toHaveProperty('deliverAfter');
  });
});
