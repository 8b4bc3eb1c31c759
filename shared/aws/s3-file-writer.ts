/**
 * Kept files in the private S3 bucket, written as a multipart upload (@aws-sdk/lib-storage): parts of 5 MiB go
 * up as the stream produces them, so no file is ever whole in memory; a failed upload is aborted, and S3 keeps
 * nothing of it (plus the bucket's lifecycle rule removes parts of an upload that was never completed nor aborted).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { FileWriter } from '../ports';

export class S3FileWriter implements FileWriter {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async write(key: string, body: NodeJS.ReadableStream, contentType: string): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body as never, ContentType: contentType },
      queueSize: 2,
      partSize: 5 * 1024 * 1024,
      leavePartsOnError: false,
    });
    await upload.done();
  }
}
