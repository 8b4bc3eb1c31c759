/**
 * Open311's GET requests: the organisation's suggestions that came in by Open311, changed since a time (the
 * byOrgChanged index: a request made after `since` has changed since then too), up to `limit` rows read.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Suggestion } from '../domain/suggestion/suggestion';
import type { RecentRequests } from '../ports/integrations';
import { changedRows } from './changed-rows';
import { toSuggestion } from './dynamo-suggestion-store';

export class DynamoOpen311Requests implements RecentRequests {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async changedSince(orgId: string, since: Date, limit: number): Promise<Suggestion[]> {
    const { rows } = await changedRows(this.db, this.tableName, orgId, since.toISOString(), limit, false);
    return rows.map(toSuggestion).filter((s) => s.channel === 'open311');
  }
}
