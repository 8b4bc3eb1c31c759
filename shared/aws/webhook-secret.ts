/**
 * The webhook's HMAC secret: read from Secrets Manager at cold start on AWS (so it never sits in the template or
 * the function's configuration), or taken from NOTIFY_WEBHOOK_SECRET locally. Too short a secret fails at once.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export async function webhookSecret(env: Record<string, string | undefined>, secrets: () => Pick<SecretsManagerClient, 'send'>): Promise<string> {
  const arn = env.NOTIFY_WEBHOOK_SECRET_ARN;
  const secret = arn ? ((await secrets().send(new GetSecretValueCommand({ SecretId: arn }))).SecretString ?? '') : (env.NOTIFY_WEBHOOK_SECRET ?? '');
  if (secret.length < 16) throw new Error(`the webhook secret (${arn ? `secret ${arn}` : 'NOTIFY_WEBHOOK_SECRET'}) must have at least 16 characters`);
  return secret;
}
