/** SMS through Amazon SNS (Publish to a phone number), as transactional messages. */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { NotificationProvider, NotificationRequest, RenderedNotification } from '../ports';

/**
 * E.164 for SNS: an 11-digit mainland mobile (1xxxxxxxxxx) gets +86; 0086… becomes +86…; a number already in
 * +… form is kept. Spaces, dashes and brackets are ignored. Anything else is refused rather than guessed.
 */
export function toE164(phone: string): string {
  const compact = phone.replace(/[\s\-()]/g, '');
  if (/^1\d{10}$/.test(compact)) return `+86${compact}`;
  if (/^0086\d{6,15}$/.test(compact)) return `+${compact.slice(2)}`;
  if (/^\+\d{6,15}$/.test(compact)) return compact;
  throw new Error(`not a phone number SNS can send to: ${phone.replace(/\d(?=\d{4})/g, '*')}`);
}

export class SnsSmsProvider implements NotificationProvider {
  constructor(private readonly client: Pick<SNSClient, 'send'>) {}

  async send(message: RenderedNotification, _request: NotificationRequest): Promise<void> {
    if (message.channel !== 'sms') throw new Error(`SNS sends SMS, not ${message.channel}`);
    await this.client.send(
      new PublishCommand({
        PhoneNumber: toE164(message.to),
        Message: message.body,
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
      }),
    );
  }
}
