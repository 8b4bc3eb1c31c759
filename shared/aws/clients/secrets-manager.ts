/** The Secrets Manager client (one file per service: see dynamodb.ts). */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { traced } from '../../observability/tracer';

let client: SecretsManagerClient | undefined;

export function secretsManager(): SecretsManagerClient {
  client ??= traced(new SecretsManagerClient({}));
  return client;
}
