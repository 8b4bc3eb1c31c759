/**
 * The adapters of campaigns' media (issue 11): the case library's index reader and the kept files' reader (the
 * cover image). A file of its own, as composition.ts explains: a function imports the S3 client only through here
 * when it reads a file.
 */
import { dynamoDocumentClient } from './clients/dynamodb';
import { s3 } from './clients/s3';
import { DynamoCaseLibrary } from './dynamo-case-library';
import { DynamoOrganisationProfile } from './dynamo-organisation-profile';
import { requiredEnv } from './env';
import { LocalFileReader } from './local-file-store';
import { S3FileReader } from './s3-file-reader';

export const caseLibrary = () => new DynamoCaseLibrary(dynamoDocumentClient(), requiredEnv('TABLE_NAME'));
export const organisationProfile = () => new DynamoOrganisationProfile(dynamoDocumentClient(), requiredEnv('TABLE_NAME'));
export const fileReader = () => (process.env.FILES_BUCKET ? new S3FileReader(s3(), requiredEnv('FILES_BUCKET')) : new LocalFileReader(requiredEnv('FILES_DIR')));

/** Where the close report reads a campaign's figures: the sum of its counter shards (the response store keeps them). */
export { campaignFigures } from './composition-campaigns';
