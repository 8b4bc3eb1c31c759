/**
 * The local stand-in for the Secrets Manager secret keyed submissions derive their PIN from: a random key in a
 * file of the data folder, created once (mode 600) and kept, so a retry after a restart still gets its PIN.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function ensurePinSecretFile(dir: string): string {
  const file = path.join(dir, 'pin-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return file;
}
