/**
 * Which sign-in accounts the directory admin writes: Cognito on AWS, the dev identity provider's logins when
 * STAFF_ACCOUNTS=local (npm start, tests). Apart from composition.ts so that only the function that manages
 * staff bundles the Cognito client.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { StaffAccounts } from '../ports';
import { dynamoDocumentClient } from './clients';
import { CognitoStaffAccounts } from './cognito-staff-accounts';
import { DevLoginAccounts } from './dev-login-accounts';
import { optionalEnv, requiredEnv } from './env';

export function staffAccountsFromEnvironment(): StaffAccounts {
  return optionalEnv('STAFF_ACCOUNTS', 'cognito') === 'local'
    ? new DevLoginAccounts(dynamoDocumentClient(), requiredEnv('TABLE_NAME'))
    : new CognitoStaffAccounts(new CognitoIdentityProviderClient({}), requiredEnv('USER_POOL_ID'));
}
