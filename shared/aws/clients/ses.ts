/** The SES client (one file per service: see dynamodb.ts). */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { traced } from '../../observability/tracer';

let client: SESv2Client | undefined;

export function ses(): SESv2Client {
  client ??= traced(new SESv2Client({}));
  return client;
}
