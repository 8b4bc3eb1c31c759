/**
 * An organisation's suggestions in the order they last changed (the byOrgChanged index), after a watermark: what the
 * rates and topics jobs read. With `reread`, from a little before the watermark too — a write whose clock lagged
 * another's is then not skipped (reading a suggestion twice costs a comparison, never a wrong count). Pages until
 * `limit` rows past the watermark (or the end), so the re-read window alone never ends a run early.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queuePartitions, type IndexName } from '../model/table';

export const rereadMs = 5 * 60_000;

export async function changedRows(
  db: DynamoDBDocumentClient,
  tableName: string,
  orgId: string,
  since: string | undefined,
  limit: number,
  reread: boolean,
): Promise<{ rows: Record<string, unknown>[]; watermark?: string }> {
  const from = since ? (reread ? new Date(Date.parse(since.split('#')[0]!) - rereadMs).toISOString() : since) : undefined;
  const rows: Record<string, unknown>[] = [];
  let fresh = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'byOrgChanged' satisfies IndexName,
        KeyConditionExpression: from ? 'changedPk = :p AND changedSk > :from' : 'changedPk = :p',
        ExpressionAttributeValues: { ':p': queuePartitions.changed(orgId), ...(from ? { ':from': from } : {}) },
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    for (const row of page.Items ?? []) {
      if (fresh >= limit) break;
      rows.push(row);
      if (!since || String(row.changedSk) > since) fresh++;
    }
    start = page.LastEvaluatedKey;
  } while (start && fresh < limit);
  return fresh ? { rows, watermark: String(rows.at(-1)!.changedSk) } : { rows: [] };
}
