/**
 * Local stand-ins for the Secrets Manager secrets the stacks generate (shared/aws/server-secret.ts): a random key
 * in a file of the data folder, created once (mode 600) and kept, so a retry after a restart still gets its PIN.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function ensureSecretFile(dir: string, name: 'pin-secret' | 'origin-secret' | 'files-signing-secret'): { file: string; value: string } {
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return { file, value: readFileSync(file, 'utf8').trim() };
}
