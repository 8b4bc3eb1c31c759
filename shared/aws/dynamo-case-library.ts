/**
 * 案例库 on the table: the suggestions marked for the case library carry the sparse keys `caseLibraryPk` /
 * `caseLibrarySk` (marked at # id, written by dynamo-suggestion-store.ts), so one query of the index
 * `byOrgCaseLibrary` lists an organisation's featured ideas, newest mark first, without reading any other
 * suggestion. The campaign and category filters are few (one district's featured ideas are hundreds, not
 * millions): a filter on the query, read until the page is full.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Suggestion } from '../domain/suggestion/suggestion';
import { queuePartitions } from '../model/table';
import type { CaseLibrarySource } from '../ports';
import { decodeCursor, encodeCursor } from './cursor';
import { toSuggestion } from './dynamo-suggestion-store';

const index = 'byOrgCaseLibrary';
const partitionAttribute = 'caseLibraryPk';

export class DynamoCaseLibrary implements CaseLibrarySource {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async featured(orgId: string, query: { campaignId?: string; category?: string; cursor?: string; limit: number }): ReturnType<CaseLibrarySource['featured']> {
    const partition = queuePartitions.caseLibrary(orgId);
    const filters: string[] = [];
    const values: Record<string, unknown> = { ':p': partition };
    if (query.campaignId) {
      filters.push('campaignId = :campaign');
      values[':campaign'] = query.campaignId;
    }
    if (query.category) {
      filters.push('category = :category');
      values[':category'] = query.category;
    }
    const items: Suggestion[] = [];
    let start = decodeCursor(query.cursor, partitionAttribute, partition);
    // At most `limit` read per request, so a page never holds more than asked and the cursor is exact.
    for (let round = 0; round < 20 && items.length < query.limit; round++) {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index,
          KeyConditionExpression: `${partitionAttribute} = :p`,
          ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
          ExpressionAttributeValues: values,
          ExclusiveStartKey: start,
          ScanIndexForward: false,
          Limit: query.limit - items.length,
        }),
      );
      for (const item of page.Items ?? []) items.push(toSuggestion(item));
      start = page.LastEvaluatedKey;
      if (!start) break;
    }
    const nextCursor = encodeCursor(start);
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  }
}
