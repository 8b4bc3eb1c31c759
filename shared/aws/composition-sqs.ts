/** The notification queue, for the functions that queue notices (composition.ts says why it has a file of its own). */
import { sqs } from './clients/sqs';
import { requiredEnv } from './env';
import { SqsNotificationQueue } from './sqs-notification-queue';

export const notificationQueue = () => new SqsNotificationQueue(sqs(), requiredEnv('NOTIFY_QUEUE_URL'));
