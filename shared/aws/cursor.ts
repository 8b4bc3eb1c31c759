/**
 * Page cursors are DynamoDB's LastEvaluatedKey, base64url-encoded. A cursor is only accepted for the partition it
 * came from, so a crafted cursor cannot read another organisation's or department's items.
 */
import { ValidationError } from '../domain/errors';

type Key = Record<string, unknown>;

export function encodeCursor(key: Key | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined, partitionAttribute: string, partitionValue: string): Key | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!key || typeof key !== 'object' || (key as Key)[partitionAttribute] !== partitionValue) {
    throw new ValidationError({ cursor: { rule: 'badCursor' } });
  }
  for (const value of Object.values(key as Key)) {
    if (typeof value !== 'string') throw new ValidationError({ cursor: { rule: 'badCursor' } });
  }
  return key as Key;
}
