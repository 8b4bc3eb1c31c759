/**
 * The kept files' adapters (composition.ts says why each service has a file of its own): the private bucket on
 * AWS (FILES_BUCKET), the data folder locally (FILES_DIR, with FILES_SIGNING_SECRET_FILE for the download links).
 * Writing and linking are apart so that a function that only links does not import the upload library.
 */
import { s3 } from './clients/s3';
import { requiredEnv } from './env';
import { LocalFileWriter } from './local-file-store';
import { S3FileWriter } from './s3-file-writer';

export const fileWriter = () => (process.env.FILES_BUCKET ? new S3FileWriter(s3(), requiredEnv('FILES_BUCKET')) : new LocalFileWriter(requiredEnv('FILES_DIR')));
