/**
 * Brings a data folder written by an earlier version up to date on start, so `npm start` keeps working on an
 * existing ./data: staff profiles saved before sign-ins were authorised by the stored profile lack the username's
 * organisation pointer (keys.staffAccount); without it every staff request would be refused.
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { staffProfileItems } from '../../shared/aws/dynamo-directory';
import type { StaffProfile } from '../../shared/http/api-types';
import { keys } from '../../shared/model/table';

export async function upgradeLocalData(db: DynamoDBDocumentClient, tableName: string, orgId: string): Promise<number> {
  let added = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :staff)',
        ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':staff': keys.staffProfilePrefix },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const [, account] = staffProfileItems({ ...(item as unknown as StaffProfile), orgId });
      try {
        await db.send(new PutCommand({ TableName: tableName, Item: account, ConditionExpression: 'attribute_not_exists(pk)' }));
        added++;
      } catch (error) {
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return added;
}
