/** The SNS client (one file per service: see dynamodb.ts). */
import { SNSClient } from '@aws-sdk/client-sns';
import { traced } from '../../observability/tracer';

let client: SNSClient | undefined;

export function sns(): SNSClient {
  client ??= traced(new SNSClient({}));
  return client;
}
