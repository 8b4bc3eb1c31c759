/**
 * Staff sign-in accounts for the local dev identity provider (infra/local/dev-idp.ts): one login record per
 * username with the organisation and a scrypt hash. Role and department come from the staff profile at sign-in,
 * so `update` has nothing to change here. A password an admin set is a one-time one (`mustChange`), as Cognito's
 * temporary passwords: the first sign-in asks for a new one.
 */
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StaffProfile } from '../domain/staff/staff';
import { keys } from '../model/table';
import { StaffAccountExists, type StaffAccounts } from '../ports';
import { hashPassword } from './dev-password';
import { isConditionalCheckFailed } from './dynamo-errors';

export class DevLoginAccounts implements StaffAccounts {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(profile: StaffProfile, initialPassword: string): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.devLogin(profile.username), type: 'devLogin', orgId: profile.orgId, passwordHash: hashPassword(initialPassword), mustChange: true },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new StaffAccountExists(profile.username);
      throw error;
    }
  }

  async update(): Promise<void> {
    // Nothing to do: the dev identity provider reads role and department from the profile at every sign-in.
  }

  async setPassword(username: string, password: string): Promise<void> {
    await this.writePassword(username, password, true);
  }

  /** The person's own choice (a change, or the answer to the first sign-in's challenge): no longer one-time. */
  async setOwnPassword(username: string, password: string): Promise<void> {
    await this.writePassword(username, password, false);
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.devLogin(username),
        UpdateExpression: 'SET disabled = :d',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':d': !enabled },
      }),
    );
  }

  private async writePassword(username: string, password: string, mustChange: boolean): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.devLogin(username),
        UpdateExpression: 'SET passwordHash = :h, mustChange = :m',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':h': hashPassword(password), ':m': mustChange },
      }),
    );
  }
}
