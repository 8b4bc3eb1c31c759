/**
 * The SDK clients, one file per service so that a function imports only the services its code reaches (the
 * bundles take the SDK from the Lambda runtime, and an import of it is kept whether used or not: see
 * infra/constructs/project-function.ts). Each is made once per container, on first use, and traced
 * (shared/observability/tracer.ts). Endpoints come from the standard AWS_ENDPOINT_URL_<SERVICE> variables, which
 * the local runtime points at the embedded emulators; on AWS they are unset and the SDK uses the regional ones.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { traced } from '../../observability/tracer';
import { sdkTimeouts } from './timeouts';

let client: DynamoDBDocumentClient | undefined;

export function dynamoDocumentClient(): DynamoDBDocumentClient {
  // The document client shares the base client's middleware stack: the base client is the one traced.
  client ??= DynamoDBDocumentClient.from(traced(new DynamoDBClient({ ...sdkTimeouts })), { marshallOptions: { removeUndefinedValues: true } });
  return client;
}
