/**
 * Download links to kept files: a presigned GET of the private bucket, valid for minutes, with the response's
 * Content-Disposition (the file's name, UTF-8 per RFC 6266/5987, so a Chinese name survives) and Content-Type.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FileLinks } from '../ports';

/** `attachment; filename="export.csv"; filename*=UTF-8''%E5%BB%BA…`: an ASCII fallback and the real name. */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export class S3FileLinks implements FileLinks {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async downloadUrl(key: string, options: Parameters<FileLinks['downloadUrl']>[1]): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(options.disposition, options.fileName),
      ResponseContentType: options.contentType,
    });
    return getSignedUrl(this.client, command, { expiresIn: options.expiresInSeconds });
  }
}
