/**
 * Demo integration (issue 12: integrations and Open311): a mini-program whose key is a KNOWN string, so the README
 * and a local curl can use it. Only the local runtime seeds it (from the data folder's PIN secret); a deployed
 * stack has no such key. Its webhook points at no receiver yet.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { integrationKeyHash, type Integration } from '../../shared/domain/integration/integration';
import { keys } from '../../shared/model/table';

export const demoIntegrationId = '01jdemominiapp000000000000';
/** The demo mini-program's key: local use only. */
export const demoIntegrationKey = `jy_${demoIntegrationId}_demo-mini-program-key-for-local-use-only000`;

export async function seedIntegrations(db: DynamoDBDocumentClient, tableName: string, orgId: string, now: Date, serverSecret: string): Promise<void> {
  const at = now.toISOString();
  const record: Integration = {
    orgId,
    id: demoIntegrationId,
    name: '“随手拍”市民小程序（演示）',
    channel: 'miniapp',
    scopes: ['submit', 'status'],
    state: 'active',
    ratePerMinute: 60,
    createdAt: at,
    createdBy: '管理员 王敏',
    updatedAt: at,
    version: 1,
  };
  await db.send(new PutCommand({ TableName: tableName, Item: { ...keys.integration(orgId, demoIntegrationId), type: 'integration', record, version: 1 } }));
  await db.send(new PutCommand({ TableName: tableName, Item: { ...keys.integrationKey(demoIntegrationId), type: 'integrationKey', orgId, keyHash: integrationKeyHash(serverSecret, demoIntegrationKey) } }));
}
