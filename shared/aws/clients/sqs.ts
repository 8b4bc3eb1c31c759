/** The SQS client (one file per service: see dynamodb.ts). */
import { SQSClient } from '@aws-sdk/client-sqs';
import { traced } from '../../observability/tracer';
import { sdkTimeouts } from './timeouts';

let client: SQSClient | undefined;

export function sqs(): SQSClient {
  client ??= traced(new SQSClient({ ...sdkTimeouts }));
  return client;
}
