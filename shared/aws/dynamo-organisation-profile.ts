/** The organisation's record (`ORG#o` / `ORG`): its name in both languages, as the poster prints it. */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../model/table';
import type { OrganisationProfileSource } from '../ports';

export class DynamoOrganisationProfile implements OrganisationProfileSource {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async profile(orgId: string): ReturnType<OrganisationProfileSource['profile']> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.organisation(orgId) }));
    if (!Item || typeof Item.name !== 'string') return undefined;
    return { name: Item.name, ...(typeof Item.en === 'string' && Item.en ? { nameEn: Item.en } : {}) };
  }
}
