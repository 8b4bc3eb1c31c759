import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { bundleCompanions, companionCopyCommands } from '../bundle-companions';
import { executionActions, executionsArn, queueActions, workflowActions, type FunctionPermissions, type QueueUse, type WorkflowUse } from '../function-permissions';

/** The repository root: entries, the lock file and esbuild are resolved from here. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The newest Node.js runtime this aws-cdk-lib knows. cdk-nag (AwsSolutions-L1) asks for the latest of the
 * family, and the local runtime runs the same bundles on the developer's Node.
 */
export const projectRuntime = lambda.Runtime.NODEJS_24_X;

/**
 * ESM bundles have no `require`; some dependencies still call it (CommonJS shims inside ESM packages).
 * This banner gives them one.
 */
const esmRequireBanner = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * How every function is bundled. Exported so that the bundle-size check (infra/function-bundles.ts) measures
 * with the same options the deployment builds with.
 */
export const projectBundling = {
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  banner: esmRequireBanner,
  minify: true,
  sourceMap: true,
  /**
   * The AWS SDK comes from the Lambda runtime (Node.js 24 ships SDK v3), not the bundle. Bundled, it weighs
   * ~300 KB for the first client and 25-60 KB for each further one, and with Powertools' tracer (X-Ray SDK,
   * ~100 KB) most API functions were 700-860 KB; without it the largest is under 450 KB (npm run bench:bundles).
   * The price: on AWS the functions run the runtime's SDK version, not the one in package-lock.json that the
   * tests ran with (the local runtime resolves these imports from node_modules). esbuild keeps an import of an
   * external package even when nothing uses it, so each service's client has a file of its own
   * (shared/aws/clients/) and a function imports only the services it reaches.
   */
  externalModules: ['@aws-sdk/*'],
  forceDockerBundling: false,
} satisfies BundlingOptions;

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
  /**
   * Concurrency kept for this function alone, so a burst on it neither starves the others nor is starved by them.
   * Pair it with a route throttle below it: when Lambda itself throttles, API Gateway answers 500, not 429.
   * @default - none (the account's unreserved pool)
   */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * The one way this project defines a Lambda function: arm64, newest Node runtime, ESM bundle built by the local
 * esbuild (minified, with source maps), active X-Ray tracing, and a log group of its own with a retention.
 *
 * The execution role is created here rather than by Lambda's default so that it carries a policy scoped to
 * the function's own log group instead of the AWSLambdaBasicExecutionRole managed policy (log writes to `*`).
 *
 * The `bind…()` methods set the environment variable naming a resource and grant exactly the access asked for
 * in one call, so a function cannot get one without the other. The stack calls them only through
 * `bindPermissions` (infra/function-permissions.ts), from the one declaration of what each function needs.
 */
export class ProjectFunction extends NodejsFunction {
  /** The handler file under functions/, e.g. `api/health`: the key of its entry in infra/function-permissions.ts. */
  public readonly entry: ProjectFunctionProps['entry'];

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
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
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
      // Files the code reads beside index.mjs (infra/bundle-companions.ts) are copied there after esbuild.
      bundling: bundleCompanions[props.entry]
        ? {
            ...projectBundling,
            commandHooks: {
              beforeBundling: () => [],
              beforeInstall: () => [],
              afterBundling: (inputDir: string, outputDir: string) => companionCopyCommands(props.entry, inputDir, outputDir),
            },
          }
        : projectBundling,
    });

    this.entry = props.entry;
    logGroup.grantWrite(role);
  }

  /**
   * Sets TABLE_NAME and grants the item actions asked for on the table, and Query on each index named (by its
   * own ARN: no `index/*` wildcard, and no index the function does not query).
   */
  public bindTable(table: ITable, access: NonNullable<FunctionPermissions['table']>): this {
    if (table.encryptionKey) throw new Error(`${this.node.path}: the table has a customer key; grant kms here before binding it`);
    this.addEnvironment('TABLE_NAME', table.tableName);
    if (access.actions.length) {
      iam.Grant.addToPrincipal({ grantee: this, actions: access.actions.map((action) => `dynamodb:${action}`), resourceArns: [table.tableArn] });
    }
    if (access.queryIndexes?.length) {
      iam.Grant.addToPrincipal({
        grantee: this,
        actions: ['dynamodb:Query'],
        resourceArns: access.queryIndexes.map((index) => `${table.tableArn}/index/${index}`),
      });
    }
    return this;
  }

  /** Sets `variable` (when the code addresses the queue) and grants what each use needs on the queue. */
  public bindQueue(queue: IQueue, uses: readonly QueueUse[], variable = 'NOTIFY_QUEUE_URL'): this {
    if (queue.encryptionMasterKey) throw new Error(`${this.node.path}: the queue has a customer key; grant kms here before binding it`);
    if (uses.some((use) => use !== 'consume')) this.addEnvironment(variable, queue.queueUrl);
    iam.Grant.addToPrincipal({ grantee: this, actions: [...new Set(uses.flatMap((use) => queueActions[use]))], resourceArns: [queue.queueArn] });
    return this;
  }

  /**
   * Sets STATE_MACHINE_ARN (to start executions; answering a token needs no ARN) and grants each use on the
   * state machine. For a function the machine itself invokes (`invokedByMachine`), the grant goes in a policy of
   * its own rather than the role's default one: a function depends on its default policy, so a grant there
   * would close the cycle function -> policy -> machine -> function. Other functions keep it in the default
   * policy, which they depend on, so the grant exists before they can run.
   */
  public bindWorkflow(stateMachine: IStateMachine, uses: readonly WorkflowUse[], invokedByMachine: boolean): this {
    if (uses.includes('start') || uses.includes('supervise')) this.addEnvironment('STATE_MACHINE_ARN', stateMachine.stateMachineArn);
    const onExecutions = [...new Set(uses.flatMap((use) => executionActions[use] ?? []))];
    // On the machine's executions (arn:…:execution:<machine>:*; see nag-suppressions.ts).
    if (onExecutions.length) iam.Grant.addToPrincipal({ grantee: this, actions: onExecutions, resourceArns: [executionsArn(stateMachine)] });
    const statement = new iam.PolicyStatement({ actions: [...new Set(uses.flatMap((use) => workflowActions[use]))], resources: [stateMachine.stateMachineArn] });
    if (invokedByMachine) {
      this.role!.attachInlinePolicy(new iam.Policy(this.node.scope!, `${this.node.id}WorkflowAccess`, { statements: [statement] }));
    } else {
      this.addToRolePolicy(statement);
    }
    return this;
  }

  /** Sets FILES_BUCKET and grants the object actions given on the bucket's objects only (`<bucket>/*`). */
  public bindFiles(bucket: IBucket, actions: readonly string[]): this {
    if (bucket.encryptionKey) throw new Error(`${this.node.path}: the bucket has a customer key; grant kms here before binding it`);
    this.addEnvironment('FILES_BUCKET', bucket.bucketName);
    iam.Grant.addToPrincipal({ grantee: this, actions: [...new Set(actions)], resourceArns: [bucket.arnForObjects('*')] });
    return this;
  }

  /** Sets STAFF_ACCOUNTS=cognito and USER_POOL_ID, and grants the given admin actions on that pool only. */
  public bindStaffAccounts(userPool: IUserPool, actions: readonly string[]): this {
    this.addEnvironment('STAFF_ACCOUNTS', 'cognito');
    this.addEnvironment('USER_POOL_ID', userPool.userPoolId);
    iam.Grant.addToPrincipal({ grantee: this, actions: [...actions], resourceArns: [userPool.userPoolArn] });
    return this;
  }

  /**
   * Sets `variable` to the secret's ARN and grants reading its value (GetSecretValue only: the code never
   * describes it). A secret known by name only is matched with Secrets Manager's six-character suffix.
   */
  public bindSecret(secret: ISecret, variable: string): this {
    if (secret.encryptionKey) throw new Error(`${this.node.path}: the secret has a customer key; grant kms:Decrypt here before binding it`);
    this.addEnvironment(variable, secret.secretArn);
    iam.Grant.addToPrincipal({
      grantee: this,
      actions: ['secretsmanager:GetSecretValue'],
      resourceArns: [secret.secretFullArn ?? `${secret.secretArn}-??????`],
    });
    return this;
  }
}
