import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { tableModel } from '../../shared/model/table';

/** The repository root: entries, the lock file and esbuild are resolved from here. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The newest Node.js runtime this aws-cdk-lib knows. cdk-nag (AwsSolutions-L1) asks for the latest of the
 * family, and the local runtime runs the same bundles on the developer's Node.
 */
export const projectRuntime = lambda.Runtime.NODEJS_24_X;

/** Item-level DynamoDB actions the handlers use (no table management, no streams). */
const tableDataActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:DescribeTable',
];

/**
 * ESM bundles have no `require`; some dependencies still call it (CommonJS shims inside ESM packages).
 * This banner gives them one.
 */
const esmRequireBanner = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export interface ProjectFunctionProps {
  /**
   * The handler file under functions/, without extension: `<group>/<name>`, e.g. `api/health`.
   * The file must export `handler`.
   */
  readonly entry: `${string}/${string}`;
  /** What the function does, shown in the console. @default - none */
  readonly description?: string;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** Extra environment variables; bind helpers add their own. @default - only NODE_OPTIONS */
  readonly environment?: Record<string, string>;
  /** How long the function's own log group keeps events. @default THREE_MONTHS */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * The one way this project defines a Lambda function: arm64, newest Node runtime, ESM bundle built by the local
 * esbuild (minified, with source maps), active X-Ray tracing, and a log group of its own with a retention.
 *
 * The execution role is created here rather than by Lambda's default so that it carries a policy scoped to
 * the function's own log group instead of the AWSLambdaBasicExecutionRole managed policy (log writes to `*`).
 *
 * `bindTable()` and `bindQueue()` set the environment variable and grant the IAM access in one call, so a
 * function cannot get one without the other.
 */
export class ProjectFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ProjectFunctionProps) {
    // Children of the function cannot exist before super(): the log group and role are siblings, named after it.
    const logGroup = new logs.LogGroup(scope, `${id}LogGroup`, {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.entry}`,
    });

    super(scope, id, {
      entry: path.join(projectRoot, 'functions', `${props.entry}.ts`),
      handler: 'handler',
      description: props.description,
      runtime: projectRuntime,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      loggingFormat: lambda.LoggingFormat.JSON,
      logGroup,
      role,
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        banner: esmRequireBanner,
        minify: true,
        sourceMap: true,
        // The SDK is bundled, not taken from the runtime: the version that passed the tests is the one that runs.
        externalModules: [],
        forceDockerBundling: false,
      },
    });

    logGroup.grantWrite(role);
  }

  /**
   * Sets TABLE_NAME and grants item reads and writes on the table and on each index of the table model, named
   * one by one (least privilege: no `index/*` wildcard). Transactions need no action of their own.
   */
  public bindTable(table: ITable): this {
    this.addEnvironment('TABLE_NAME', table.tableName);
    iam.Grant.addToPrincipal({
      grantee: this,
      actions: tableDataActions,
      resourceArns: [table.tableArn, ...tableModel.indexes.map((index) => `${table.tableArn}/index/${index.name}`)],
    });
    return this;
  }

  /** Sets NOTIFY_QUEUE_URL and grants sending to the notification queue. */
  public bindQueue(queue: IQueue): this {
    this.addEnvironment('NOTIFY_QUEUE_URL', queue.queueUrl);
    queue.grantSendMessages(this);
    return this;
  }
}
