/**
 * The origin secret of this container (shared/http/origin-guard.ts), read once on first use from ORIGIN_SECRET_ARN
 * (AWS) or ORIGIN_SECRET_FILE (local). Kept apart from composition.ts so every API bundle, the smallest included,
 * takes only the Secrets Manager client with it.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { secretConfigured, serverSecret } from './server-secret';

let read: Promise<string> | undefined;

/** Undefined where no origin secret is configured: nothing to check (unit tests of the middleware). */
export function originSecretFromEnvironment(): (() => Promise<string>) | undefined {
  if (!secretConfigured(process.env, 'ORIGIN_SECRET')) return undefined;
  return () => {
    read ??= serverSecret(process.env, 'ORIGIN_SECRET', () => new SecretsManagerClient({})).catch((error: unknown) => {
      read = undefined;
      throw error;
    });
    return read;
  };
}
