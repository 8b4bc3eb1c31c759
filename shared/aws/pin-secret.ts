/**
 * The PIN secret of this container (shared/domain/suggestion/keyed-pin.ts), read once on first use from
 * PIN_SECRET_ARN (AWS) or PIN_SECRET_FILE (local); a failed read is tried again by the next request. Only intake
 * imports it, so only intake's code (and role) can reach the secret.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { serverSecret } from './server-secret';

let read: Promise<string> | undefined;

export function pinSecretFromEnvironment(): () => Promise<string> {
  return () => {
    read ??= serverSecret(process.env, 'PIN_SECRET', () => new SecretsManagerClient({})).catch((error: unknown) => {
      read = undefined;
      throw error;
    });
    return read;
  };
}
