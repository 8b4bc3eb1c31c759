/** Reads a small kept file whole from the private bucket (a campaign's cover: at most 1 MB). */
import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import type { FileReader } from '../ports';

export class S3FileReader implements FileReader {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async read(key: string): ReturnType<FileReader['read']> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!object.Body) return undefined;
      const body = Buffer.from(await object.Body.transformToByteArray());
      return { body, ...(object.ContentType ? { contentType: object.ContentType } : {}) };
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }
}
