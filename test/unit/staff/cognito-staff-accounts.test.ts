/** The Cognito adapter against a recording fake client: which calls, in which order, with what. */
import { describe, expect, it } from 'vitest';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoStaffAccounts } from '../../../shared/aws/cognito-staff-accounts';
import type { StaffProfile } from '../../../shared/http/api-types';
import { StaffAccountExists } from '../../../shared/ports';

function fakeCognito(answers: Record<string, (input: Record<string, unknown>) => unknown> = {}) {
  const calls: { command: string; input: Record<string, unknown> }[] = [];
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const name = command.constructor.name;
      calls.push({ command: name, input: command.input });
      return answers[name]?.(command.input) ?? {};
    },
  } as unknown as CognitoIdentityProviderClient;
  return { client, calls };
}

const handler: StaffProfile = { username: 'liu.yang', orgId: 'demo', name: '刘洋', role: 'handler', departmentId: 'water', email: 'liu@x.cn' };

describe('Cognito staff accounts', () => {
  it('creates the user without Cognito’s invitation, sets the initial password as temporary (changed at first sign-in), and adds the role group', async () => {
    const { client, calls } = fakeCognito();
    await new CognitoStaffAccounts(client, 'pool-1').create(handler, 'Initial#Pass1234');
    expect(calls.map((c) => c.command)).toEqual(['AdminCreateUserCommand', 'AdminSetUserPasswordCommand', 'AdminAddUserToGroupCommand']);
    expect(calls[0]!.input).toMatchObject({ UserPoolId: 'pool-1', Username: 'liu.yang', MessageAction: 'SUPPRESS' });
    expect(calls[0]!.input.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'custom:org', Value: 'demo' },
        { Name: 'custom:department', Value: 'water' },
        { Name: 'email', Value: 'liu@x.cn' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: '刘洋' },
      ]),
    );
    expect(calls[1]!.input).toMatchObject({ Username: 'liu.yang', Password: 'Initial#Pass1234', Permanent: false });
    expect(calls[2]!.input).toMatchObject({ Username: 'liu.yang', GroupName: 'handler' });
  });

  it('says the username is taken when Cognito has it already', async () => {
    const { client } = fakeCognito({
      AdminCreateUserCommand: () => {
        throw Object.assign(new Error('exists'), { name: 'UsernameExistsException' });
      },
    });
    await expect(new CognitoStaffAccounts(client, 'pool-1').create(handler, 'x')).rejects.toBeInstanceOf(StaffAccountExists);
  });

  it('moves a person to a new role group (adding before removing) and clears the department', async () => {
    const { client, calls } = fakeCognito({ AdminListGroupsForUserCommand: () => ({ Groups: [{ GroupName: 'handler' }] }) });
    await new CognitoStaffAccounts(client, 'pool-1').update({ ...handler, role: 'viewer', departmentId: undefined });
    expect(calls.map((c) => c.command)).toEqual([
      'AdminUpdateUserAttributesCommand',
      'AdminDeleteUserAttributesCommand',
      'AdminListGroupsForUserCommand',
      'AdminAddUserToGroupCommand',
      'AdminRemoveUserFromGroupCommand',
    ]);
    expect(JSON.stringify(calls[0]!.input.UserAttributes)).not.toContain('custom:department');
    expect(calls[1]!.input).toMatchObject({ UserAttributeNames: ['custom:department'] });
    expect(calls[3]!.input).toMatchObject({ GroupName: 'viewer' });
    expect(calls[4]!.input).toMatchObject({ GroupName: 'handler' });
  });

  it('touches no group when the role is unchanged', async () => {
    const { client, calls } = fakeCognito({ AdminListGroupsForUserCommand: () => ({ Groups: [{ GroupName: 'handler' }] }) });
    await new CognitoStaffAccounts(client, 'pool-1').update(handler);
    expect(calls.map((c) => c.command)).toEqual(['AdminUpdateUserAttributesCommand', 'AdminListGroupsForUserCommand']);
    expect(calls[0]!.input.UserAttributes).toContainEqual({ Name: 'custom:department', Value: 'water' });
  });

  it('disables an account and signs it out everywhere; enables it again', async () => {
    const { client, calls } = fakeCognito();
    const accounts = new CognitoStaffAccounts(client, 'pool-1');
    await accounts.setEnabled('liu.yang', false);
    expect(calls.map((c) => c.command)).toEqual(['AdminDisableUserCommand', 'AdminUserGlobalSignOutCommand']);
    await accounts.setEnabled('liu.yang', true);
    expect(calls.at(-1)).toEqual({ command: 'AdminEnableUserCommand', input: { UserPoolId: 'pool-1', Username: 'liu.yang' } });
  });
});
