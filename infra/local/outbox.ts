/**
 * The developer's outbox: notifications the notifier "sent" with the outbox provider land in the app table
 * (pk OUTBOX); `GET /api/local/outbox` lists them newest first for the outbox page. Local only and without
 * auth: it is the developer's own mailbox, and `npm start` listens on 127.0.0.1 only.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoOutbox } from '../../shared/aws/dynamo-outbox';

export function createOutboxReader(dynamodb: DynamoDBDocumentClient, tableName: string): (limit?: number) => Promise<unknown[]> {
  const outbox = new DynamoOutbox(dynamodb, tableName);
  return (limit = 200) => outbox.list(limit);
}
