/** Email through Amazon SES (v2 SendEmail), plain text in UTF-8 from one verified sender identity. */
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { NotificationProvider, NotificationRequest, RenderedNotification } from '../ports';

export class SesEmailProvider implements NotificationProvider {
  constructor(
    private readonly client: Pick<SESv2Client, 'send'>,
    private readonly from: string,
    /** An SES configuration set (bounce and complaint events), when the deployment has one. */
    private readonly configurationSet?: string,
  ) {}

  async send(message: RenderedNotification, _request: NotificationRequest): Promise<void> {
    if (message.channel !== 'email') throw new Error(`SES sends email, not ${message.channel}`);
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject ?? '', Charset: 'UTF-8' },
            Body: { Text: { Data: message.body, Charset: 'UTF-8' } },
          },
        },
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
      }),
    );
  }
}
