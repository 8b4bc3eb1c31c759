/** The integration adapters, built once per container. Issue 12: integrations and Open311. */
import { dynamoDocumentClient } from './clients/dynamodb';
import { DynamoIntegrationStore } from './dynamo-integration-store';
import { requiredEnv } from './env';

export const integrationStore = () => new DynamoIntegrationStore(dynamoDocumentClient(), requiredEnv('TABLE_NAME'));
