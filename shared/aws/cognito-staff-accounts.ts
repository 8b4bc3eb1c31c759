/**
 * Staff sign-in accounts in the Cognito user pool. Groups are the roles (one group per user), custom:org and
 * custom:department carry the claims the API checks. The admin sets a one-time initial password and hands it
 * over: the account is created with Cognito's own invitation suppressed and the password set as temporary, so the
 * first sign-in answers NEW_PASSWORD_REQUIRED and the sign-in page asks the person for a password of their own.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type CognitoIdentityProviderClient,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { claimNames } from '../domain/staff/principal';
import type { StaffProfile } from '../domain/staff/staff';
import { StaffAccountExists, type StaffAccounts } from '../ports';

function attributes(profile: StaffProfile): AttributeType[] {
  return [
    { Name: claimNames.name, Value: profile.name },
    { Name: claimNames.org, Value: profile.orgId },
    ...(profile.departmentId ? [{ Name: claimNames.department, Value: profile.departmentId }] : []),
    ...(profile.email ? [{ Name: 'email', Value: profile.email }, { Name: 'email_verified', Value: 'true' }] : []),
  ];
}

export class CognitoStaffAccounts implements StaffAccounts {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async create(profile: StaffProfile, initialPassword: string): Promise<void> {
    try {
      await this.cognito.send(
        new AdminCreateUserCommand({ UserPoolId: this.userPoolId, Username: profile.username, UserAttributes: attributes(profile), MessageAction: 'SUPPRESS' }),
      );
    } catch (error) {
      if ((error as { name?: string }).name === 'UsernameExistsException') throw new StaffAccountExists(profile.username);
      throw error;
    }
    await this.setPassword(profile.username, initialPassword);
    await this.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: profile.username, GroupName: profile.role }));
  }

  async update(profile: StaffProfile): Promise<void> {
    await this.cognito.send(new AdminUpdateUserAttributesCommand({ UserPoolId: this.userPoolId, Username: profile.username, UserAttributes: attributes(profile) }));
    // Someone who is no longer a handler belongs to no department: the claim goes (deleting a missing one is fine).
    if (!profile.departmentId) {
      await this.cognito.send(
        new AdminDeleteUserAttributesCommand({ UserPoolId: this.userPoolId, Username: profile.username, UserAttributeNames: [claimNames.department] }),
      );
    }
    const { Groups = [] } = await this.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: profile.username }));
    // Add before removing, so a failure half-way leaves the person with a role rather than none.
    if (!Groups.some((g) => g.GroupName === profile.role)) {
      await this.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: profile.username, GroupName: profile.role }));
    }
    for (const group of Groups) {
      if (group.GroupName && group.GroupName !== profile.role) {
        await this.cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: this.userPoolId, Username: profile.username, GroupName: group.GroupName }));
      }
    }
  }

  async setPassword(username: string, password: string): Promise<void> {
    await this.cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: username, Password: password, Permanent: false }));
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    if (enabled) {
      await this.cognito.send(new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: username }));
      return;
    }
    await this.cognito.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: username }));
    // Revokes refresh tokens; an ID token already issued is refused by the API's account check within a minute.
    await this.cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: username }));
  }
}
