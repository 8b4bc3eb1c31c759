/** The Step Functions client (one file per service: see dynamodb.ts). */
import { SFNClient } from '@aws-sdk/client-sfn';
import { traced } from '../../observability/tracer';
import { sdkTimeouts } from './timeouts';

let client: SFNClient | undefined;

export function sfn(): SFNClient {
  client ??= traced(new SFNClient({ ...sdkTimeouts }));
  return client;
}
