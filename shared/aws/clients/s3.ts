/** The S3 client, for the private files bucket (one file per service: see dynamodb.ts). */
import { S3Client } from '@aws-sdk/client-s3';
import { traced } from '../../observability/tracer';

let client: S3Client | undefined;

export function s3(): S3Client {
  client ??= traced(new S3Client({}));
  return client;
}
