import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { tableModel } from '../shared/model/table';
import { passwordMinLength } from '../shared/domain/staff/password-policy';
import { exportRunLimitMs } from '../shared/domain/exports/export-record';

/** Staff roles; each is a Cognito group whose name arrives in the token's `cognito:groups` claim. */
export const staffGroups = ['admin', 'dispatcher', 'handler', 'supervisor', 'organizer', 'viewer'] as const;

/**
 * Custom attributes on staff users, shown in the id token as `custom:<name>`. Informational only (people reading
 * the pool in the console): the API authorises from the stored profile. Mutable, so the directory admin's
 * function can keep them in step (AdminUpdateUserAttributes); users cannot write them (selfWritableAttributes).
 */
export const staffAttributes = ['department', 'org'] as const;

/** The only attributes a user may write on their own account: display preferences that authorise nothing. */
export const selfWritableAttributes = { locale: true, timezone: true } as const;

/**
 * Timeout of the notification consumer. The queue's visibility timeout is six times this, as AWS advises for
 * an SQS event source that batches, so a message is not redelivered while a batch is still being worked.
 */
export const notifierTimeout = Duration.seconds(30);

/**
 * Everything that holds data or identity and must outlive a redeploy of the code: the table, the
 * notification queue and its dead-letter queue, and the staff user pool. Deploys rarely; retained on delete.
 */
export class StatefulStack extends Stack {
  public readonly table: dynamodb.Table;
  public readonly notificationQueue: sqs.Queue;
  public readonly notificationDeadLetterQueue: sqs.Queue;
  public readonly userPool: cognito.UserPool;
  public readonly webClient: cognito.UserPoolClient;
  /** The server secret keyed submissions derive their PIN from (shared/aws/server-secret.ts). */
  public readonly pinSecret: secretsmanager.Secret;
  /** Exports and bulletins (issue 10, point 5): the private files bucket, its access logs, the background jobs. */
  public readonly filesBucket: s3.Bucket;
  public readonly filesAccessLogsBucket: s3.Bucket;
  public readonly fileJobQueue: sqs.Queue;
  public readonly fileJobDeadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.table = this.createTable();
    [this.notificationQueue, this.notificationDeadLetterQueue] = this.createNotificationQueues();
    [this.userPool, this.webClient] = this.createStaffUserPool();
    this.pinSecret = new secretsmanager.Secret(this, 'PinSecret', {
      description: 'Jianyi: key that PINs of submissions sent with an Idempotency-Key are derived from (never shown to anyone)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Kept with the data: a new key would give a retried submission a PIN that does not match its stored hash.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    [this.filesBucket, this.filesAccessLogsBucket] = this.createFilesBucket();
    [this.fileJobQueue, this.fileJobDeadLetterQueue] = this.createFileJobQueues();
  }

  /**
   * Exports of the queue and bulletins: private (every public access blocked, TLS only, objects owned by the
   * bucket), encrypted at rest (SSE-S3: a customer key would need kms grants on every function that reads or
   * writes, for no reader this key would keep out), its access logged. Exports are working copies: gone after 30
   * days (a person exports again); bulletins are the record sent up the line: kept. An upload that neither
   * completed nor aborted leaves parts behind: removed after a day. Retained with the data on delete.
   */
  private createFilesBucket(): [s3.Bucket, s3.Bucket] {
    // The stateless stack's logs bucket cannot be the target (stateless depends on stateful): one of its own.
    const accessLogs = new s3.Bucket(this, 'FilesAccessLogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const bucket = new s3.Bucket(this, 'FilesBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'files-bucket/',
      lifecycleRules: [
        { id: 'ExpireExports', prefix: 'exports/', expiration: Duration.days(30) },
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    return [bucket, accessLogs];
  }

  /**
   * Background file work (an export, a bulletin): one job per message. The visibility timeout is six times the
   * worker's timeout (Lambda's advice for SQS sources); a job that fails three times parks for 14 days.
   */
  private createFileJobQueues(): [sqs.Queue, sqs.Queue] {
    const deadLetterQueue = new sqs.Queue(this, 'FileJobDeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const queue = new sqs.Queue(this, 'FileJobQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.millis(exportRunLimitMs * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: 3 },
    });
    return [queue, deadLetterQueue];
  }

  /** The application table, keys and indexes taken from shared/model/table.ts. */
  private createTable(): dynamodb.Table {
    const stringKey = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });
    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: stringKey(tableModel.partitionKey),
      sortKey: stringKey(tableModel.sortKey),
      timeToLiveAttribute: tableModel.timeToLiveAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // DynamoDB adds one index per table update: upgrading a table that lacks two of them, the first deploy names the
    // other here (`-c deferIndexes=byOrgCaseLibrary`) and a second deploy without it adds that one.
    const deferred = new Set(String(this.node.tryGetContext('deferIndexes') ?? '').split(',').filter(Boolean));
    for (const index of tableModel.indexes) {
      if (deferred.has(index.name)) continue;
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }

  /** Notifications to send; a message that fails five times parks in the dead-letter queue for 14 days. */
  private createNotificationQueues(): [sqs.Queue, sqs.Queue] {
    const deadLetterQueue = new sqs.Queue(this, 'NotificationDeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const queue = new sqs.Queue(this, 'NotificationQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(notifierTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: 5 },
    });
    return [queue, deadLetterQueue];
  }

  /**
   * Staff sign in with their email; an admin creates every account (no self sign-up). The Plus feature plan
   * turns on threat protection (compromised credentials, risky sign-ins), which a government office's staff
   * accounts warrant; for 10-100 staff its per-user price is small.
   */
  private createStaffUserPool(): [cognito.UserPool, cognito.UserPoolClient] {
    const userPool = new cognito.UserPool(this, 'StaffUserPool', {
      selfSignUpEnabled: false,
      // A username (cognito:username, the key of the staff profile and of the audit log) and the email both sign
      // in; with email alone, Cognito would make the username a random id.
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: Object.fromEntries(
        staffAttributes.map((name) => [name, new cognito.StringAttribute({ mutable: true, maxLen: 256 })]),
      ),
      passwordPolicy: {
        minLength: passwordMinLength,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const group of staffGroups) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, {
        userPoolId: userPool.userPoolId,
        groupName: group,
        description: `Jianyi staff role: ${group}`,
      });
    }

    const webClient = userPool.addClient('WebClient', {
      generateSecret: false,
      // The web app signs in with SRP (or USER_PASSWORD_AUTH) against the pool directly: no hosted UI, no OAuth.
      disableOAuth: true,
      authFlows: { userPassword: true, userSrp: true },
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // What a signed-in user may change on their own account with UpdateUserAttributes: an explicit list, so it
      // does not rest on Cognito's defaults, and none of the custom attributes (organisation, department) nor the
      // email that signs in and receives reminders. The API never reads these claims for a decision anyway; the
      // stored staff profile does (shared/use-cases/staff-principal.ts).
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes(selfWritableAttributes),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true, locale: true, timezone: true })
        .withCustomAttributes(...staffAttributes),
    });

    return [userPool, webClient];
  }
}
