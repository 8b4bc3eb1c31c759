/**
 * SDK clients, created once per Lambda container (module scope) and reused across invocations.
 * Endpoints come from the standard AWS_ENDPOINT_URL_<SERVICE> variables, which the local runtime points at the
 * embedded emulators; on AWS they are unset and the SDK uses the regional endpoints.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';

let documentClient: DynamoDBDocumentClient | undefined;
let sqsClient: SQSClient | undefined;
let sfnClient: SFNClient | undefined;

/**
 * Timeouts well inside the functions' own (10 s for the API, 20 s for workflow tasks): a call that hangs fails in
 * seconds as a transient error — a 503 to come back to, or a workflow retry — instead of the function timing out
 * with nothing said. Three attempts of at most 2.5 s each (connecting: 1 s), with the SDK's backoff between.
 */
export const sdkTimeouts = { maxAttempts: 3, requestHandler: { connectionTimeout: 1000, requestTimeout: 2500 } } as const;

export function dynamoDocumentClient(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({ ...sdkTimeouts }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

export function sqs(): SQSClient {
  sqsClient ??= new SQSClient({ ...sdkTimeouts });
  return sqsClient;
}

export function sfn(): SFNClient {
  sfnClient ??= new SFNClient({ ...sdkTimeouts });
  return sfnClient;
}
