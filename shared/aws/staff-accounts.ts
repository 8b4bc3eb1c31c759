/**
 * Which sign-in accounts the directory admin writes: Cognito on AWS, the dev identity provider's logins when
 * STAFF_ACCOUNTS=local (npm start, tests).
 */
import type { StaffAccounts } from '../ports';
import { cognito } from './clients/cognito';
import { dynamoDocumentClient } from './clients/dynamodb';
import { CognitoStaffAccounts } from './cognito-staff-accounts';
import { DevLoginAccounts } from './dev-login-accounts';
import { optionalEnv, requiredEnv } from './env';

export function staffAccountsFromEnvironment(): StaffAccounts {
  return optionalEnv('STAFF_ACCOUNTS', 'cognito') === 'local'
    ? new DevLoginAccounts(dynamoDocumentClient(), requiredEnv('TABLE_NAME'))
    : new CognitoStaffAccounts(cognito(), requiredEnv('USER_POOL_ID'));
}
