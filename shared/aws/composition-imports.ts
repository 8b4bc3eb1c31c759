/** The import store, for the staff API and the worker (the worker's intake is composition-import-intake.ts). */
import { dynamoDocumentClient } from './clients/dynamodb';
import { requiredEnv } from './env';
import { DynamoImportStore } from './dynamo-import-store';

export const importStore = () => new DynamoImportStore(dynamoDocumentClient(), requiredEnv('TABLE_NAME'));
