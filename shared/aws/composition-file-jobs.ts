/** The file-jobs queue, for the functions that start background exports and bulletins (see composition.ts). */
import { sqs } from './clients/sqs';
import { requiredEnv } from './env';
import { SqsFileJobQueue } from './sqs-file-job-queue';

export const fileJobQueue = () => new SqsFileJobQueue(sqs(), requiredEnv('FILE_JOB_QUEUE_URL'));
