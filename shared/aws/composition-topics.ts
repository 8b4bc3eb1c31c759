/** The topic store, for the topics job and the topics API (a file of its own, as composition.ts explains). */
import { dynamoDocumentClient } from './clients/dynamodb';
import { DynamoTopicStore } from './dynamo-topic-store';
import { requiredEnv } from './env';

export const topicStore = () => new DynamoTopicStore(dynamoDocumentClient(), requiredEnv('TABLE_NAME'));
