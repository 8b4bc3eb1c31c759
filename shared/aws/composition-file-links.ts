/** Download links to kept files: see composition-files.ts. */
import { s3 } from './clients/s3';
import { optionalEnv, requiredEnv } from './env';
import { LocalFileLinks } from './local-file-store';
import { S3FileLinks } from './s3-file-links';

export const fileLinks = () =>
  process.env.FILES_BUCKET
    ? new S3FileLinks(s3(), requiredEnv('FILES_BUCKET'))
    : new LocalFileLinks(optionalEnv('PUBLIC_BASE_URL', '').replace(/\/$/, ''), requiredEnv('FILES_SIGNING_SECRET_FILE'));
