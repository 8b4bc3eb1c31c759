/**
 * Server secrets: on AWS a Secrets Manager secret the stacks generate (`<NAME>_ARN`), read once per container;
 * locally a file the runtime keeps in the data folder (`<NAME>_FILE`).
 *  PIN_SECRET     keyed submissions derive their PIN from it (shared/domain/suggestion/keyed-pin.ts). It must never
 *                 change while retries are in flight: a new one would give a retry a PIN its stored hash refuses.
 *  ORIGIN_SECRET  CloudFront sends it with every request to the API (shared/http/origin-guard.ts), so a request
 *                 that went around CloudFront is refused.
 */
import { readFile } from 'node:fs/promises';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { secretsManager } from './clients/secrets-manager';

export type SecretName = 'PIN_SECRET' | 'ORIGIN_SECRET';

/** Whether the environment names this secret at all (an API function without ORIGIN_SECRET_* checks no origin). */
export function secretConfigured(env: Record<string, string | undefined>, name: SecretName): boolean {
  return !!(env[`${name}_ARN`] || env[`${name}_FILE`]);
}

export async function serverSecret(env: Record<string, string | undefined>, name: SecretName, secrets: () => Pick<SecretsManagerClient, 'send'>): Promise<string> {
  const arn = env[`${name}_ARN`];
  const file = env[`${name}_FILE`];
  let secret: string;
  if (arn) secret = (await secrets().send(new GetSecretValueCommand({ SecretId: arn }))).SecretString ?? '';
  else if (file) secret = (await readFile(file, 'utf8')).trim();
  else throw new Error(`${name}_ARN (on AWS) or ${name}_FILE (locally) must be set`);
  if (secret.length < 32) throw new Error(`the secret ${name} (${arn ?? file}) must have at least 32 characters`);
  return secret;
}

const reads = new Map<SecretName, Promise<string>>();

/**
 * This container's copy of a secret, read once on first use; a failed read is tried again by the next request.
 * Undefined where the environment names no such secret (unit tests of the middleware check no origin).
 */
export function secretFromEnvironment(name: SecretName): (() => Promise<string>) | undefined {
  if (!secretConfigured(process.env, name)) return undefined;
  return () => {
    let read = reads.get(name);
    if (!read) {
      read = serverSecret(process.env, name, secretsManager);
      reads.set(name, read);
      read.catch(() => reads.delete(name));
    }
    return read;
  };
}
