/** Campaigns (issue 11): the responses' adapters, for the functions that take, count, browse or export them. */
import { dynamoDocumentClient } from './clients/dynamodb';
import { DynamoPhoneCodeStore } from './dynamo-phone-code-store';
import { DynamoResponseStore } from './dynamo-response-store';
import { requiredEnv } from './env';

export const responseStore = () => new DynamoResponseStore(dynamoDocumentClient(), requiredEnv('TABLE_NAME'));
export const phoneCodeStore = () => new DynamoPhoneCodeStore(dynamoDocumentClient(), requiredEnv('TABLE_NAME'));
