/** The integration adapters, built once per container. Issue 12: integrations and Open311. */
import { dynamoDocumentClient } from './clients/dynamodb';
import { DynamoIntegrationStore } from './dynamo-integration-store';
import { DynamoOpen311Requests } from './dynamo-open311-requests';
import { requiredEnv } from './env';

export const integrationStore = () => new DynamoIntegrationStore(dynamoDocumentClient(), requiredEnv('TABLE_NAME'));

export const open311Requests = () => new DynamoOpen311Requests(dynamoDocumentClient(), requiredEnv('TABLE_NAME'));
