/**
 * The server secret PINs of keyed submissions are derived from (shared/domain/suggestion/keyed-pin.ts). On AWS it
 * is a Secrets Manager secret the stateful stack generates (PIN_SECRET_ARN), read once per container; locally the
 * runtime keeps it in a file in the data folder (PIN_SECRET_FILE). It must never change while retries are in
 * flight: a different secret would give a retried submission a different PIN than its stored hash.
 */
import { readFile } from 'node:fs/promises';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export async function pinSecret(env: Record<string, string | undefined>, secrets: () => Pick<SecretsManagerClient, 'send'>): Promise<string> {
  const arn = env.PIN_SECRET_ARN;
  const file = env.PIN_SECRET_FILE;
  let secret: string;
  if (arn) secret = (await secrets().send(new GetSecretValueCommand({ SecretId: arn }))).SecretString ?? '';
  else if (file) secret = (await readFile(file, 'utf8')).trim();
  else throw new Error('PIN_SECRET_ARN (on AWS) or PIN_SECRET_FILE (locally) must be set');
  if (secret.length < 32) throw new Error(`the PIN secret (${arn ? `secret ${arn}` : file}) must have at least 32 characters`);
  return secret;
}
