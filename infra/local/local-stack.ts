/**
 * The whole product in one process: DynamoDB Local, fauxqs, the local Step Functions and its API, the
 * synthesized Lambda bundles, the HTTP origin, the dev identity provider, schedules and queue pollers, all wired
 * from the synthesized template. `npm start` (start.ts) runs this; integration tests, e2e and benchmarks call
 * startLocalStack() directly.
 *
 * Primary course:
 *   1. start DynamoDB Local and fauxqs; resolve the template against them and the chosen HTTP port
 *   2. create the table (from the shared model), the executions table and the queues
 *   3. build the Step Functions engine and its API endpoint
 *   4. set the functions' shared environment (with local endpoints) and load the runtime
 *   5. serve HTTP; seed demo data on a first run; resume open executions; start pollers and schedules
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/model/table';
import type { ConcurrencyLimits } from './concurrency';
import { startDemoClock, type DemoClock } from './demo-clock';
import { loadLocalApp, localAccountId, readCloudAssembly, unionEnvironment, type LocalApp } from './cdk-template';
import { ensureTable, localCredentials, startDynamoDbLocal } from './dynamodb';
import { DynamoDbExecutionStore, MemoryExecutionStore, type ExecutionStore } from './execution-store';
import { createFileDownloads } from './file-downloads';
import { startLocalHttpServer, type IdentityProviderHandler } from './http';
import { LambdaRuntime, type InvokeOutcome } from './lambda-runtime';
import { createOutboxReader } from './outbox';
import { assertLocalEndpoint, freePort } from './ports';
import { startScheduler, type Scheduler } from './scheduler';
import { startSfnEndpoint } from './sfn-endpoint';
import { createQueues, startLocalSqs, startPoller, type Poller } from './sqs';
import { upgradeLocalData } from './upgrade-data';
import { ensureSecretFile } from './secret-files';
import { LocalStepFunctions, type LocalStepFunctionsOptions } from './step-functions';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The region the local world claims to be in; ARNs and queue URLs carry it. */
export const localRegion = 'local';
export const localJwtAudience = 'jianyi-local';

export interface LocalStackOptions {
  /** HTTP port on 127.0.0.1; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Where DynamoDB Local and the dev IdP key persist; omitted = in memory, nothing survives stop(). */
  readonly dataDir?: string;
  /** @default <project>/cdk.out (must exist: see build-steps.ts) */
  readonly cdkOutDir?: string;
  /** @default <project>/web/dist */
  readonly webDistDir?: string;
  /** Seed demo data when the table has no organisation yet. @default true */
  readonly seed?: boolean;
  /** With the demo data, a year of finished casework for the rates (seed-history.ts). @default true */
  readonly seedHistory?: boolean;
  /**
   * Use a DynamoDB Local that is already running (integration tests start one per run and give each test file
   * its own table) instead of starting one. The endpoint must be on this machine.
   */
  readonly database?: { readonly endpoint: string; readonly tableName: string };
  /**
   * Which seeded suggestions get a workflow on a first run: 'new' (before screening) or 'open' (every open one, so
   * reminders, escalations and auto-closes show on the seeded data). @default 'new'
   */
  readonly seedWorkflows?: 'new' | 'open';
  /** Resume RUNNING executions from a previous run. @default true */
  readonly resume?: boolean;
  /** Poll the event source mappings' queues. @default true */
  readonly pollers?: boolean;
  /** Run the schedules (false: off; a number: delay in ms of the first run). @default true (first run after 5 s) */
  readonly schedules?: boolean | number;
  /**
   * Demo time: the functions' clock runs this many times faster (JIANYI_TIME_SCALE / JIANYI_CLOCK_ORIGIN) and
   * workflow wait-for-token timeouts (seconds) are divided by it; with a dataDir the demo time continues across
   * restarts (demo-clock.ts). @default 1
   */
  readonly timeScale?: number;
  /** Passed to the Step Functions engine (test hooks). */
  readonly stepFunctions?: Pick<
    LocalStepFunctionsOptions,
    'taskHandlers' | 'waitTimeOverrides' | 'retryIntervalOverrides' | 'taskTimeoutSeconds' | 'onExecutionEvent'
  >;
  /** @default console.log with a prefix */
  readonly log?: (message: string) => void;
  /** One log line per API request. @default false */
  readonly logRequests?: boolean;
  /** The in-flight limit per function of the HTTP origin. @default defaultConcurrencyLimits (infra/local/concurrency.ts) */
  readonly concurrency?: ConcurrencyLimits;
}

export interface SeededDemo {
  readonly logins: Array<{ username: string; password: string; role: string; departmentId?: string }>;
  readonly [more: string]: unknown;
}

export interface LocalStack {
  /** `http://127.0.0.1:<port>`: web app, `/api`, `/idp`. */
  readonly url: string;
  readonly port: number;
  readonly region: string;
  readonly app: LocalApp;
  readonly tableName: string;
  readonly stateMachineArn: string | undefined;
  readonly endpoints: { readonly dynamodb: string; readonly sqs: string; readonly sfn: string };
  readonly dynamodb: DynamoDBClient;
  readonly documents: DynamoDBDocumentClient;
  readonly sqs: SQSClient;
  readonly lambda: LambdaRuntime;
  readonly stepFunctions: LocalStepFunctions;
  readonly scheduler: Scheduler | undefined;
  /** The dev identity provider, when infra/local/dev-idp.ts exists (tests use its issueToken). */
  readonly identityProvider: (IdentityProviderHandler & { issueToken?(username: string): Promise<string> }) | undefined;
  /** What seeding returned, when this start seeded (first run only). */
  readonly seeded: SeededDemo | undefined;
  /** The functions' clock (demo time when timeScale > 1). */
  readonly clock: DemoClock;
  /** The environment every function runs with. */
  readonly environment: Readonly<Record<string, string>>;
  /** Invokes a function by id, logical id, local name or ARN. */
  invoke(functionRef: string, event: unknown): Promise<InvokeOutcome>;
  /** Starts the suggestion workflow as the intake would (`{"Payload": {"suggestionId"}}`, named by the id). */
  startWorkflow(suggestionId: string): Promise<string>;
  stop(): Promise<void>;
}

const defaultLog = (message: string): void => console.log(`[jianyi] ${message}`);

/** Applies variables to process.env and returns a function that puts the previous values back. */
function applyEnvironment(variables: Record<string, string | undefined>): () => void {
  const previous: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(variables)) {
    previous[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/**
 * The dev identity provider and the seed are written alongside this runtime; while one is missing or does not
 * load, the rest of the product still starts (and says why that part is missing).
 */
async function loadOptionalModule<T>(file: string, log: (message: string) => void): Promise<T | undefined> {
  const full = path.join(projectRoot, 'infra', 'local', file);
  if (!existsSync(full)) return undefined;
  try {
    return (await import(pathToFileURL(full).href)) as T;
  } catch (error) {
    log(`infra/local/${file} did not load: ${(error as Error).message}`);
    return undefined;
  }
}

type DevIdpModule = {
  createDevIdp(options: { dataDir: string; issuer: string; audience: string; tableName: string; dynamodb: DynamoDBDocumentClient }): Promise<
    IdentityProviderHandler & { issueToken?(username: string): Promise<string> }
  >;
};
type SeedModule = {
  seedDemoData(options: {
    tableName: string;
    dynamodb: DynamoDBDocumentClient;
    startWorkflow?: (suggestionId: string) => Promise<void>;
    workflows?: 'new' | 'open';
    history?: boolean;
    // Issue 12: integrations and Open311
    integrationSecret?: string;
  }): Promise<SeededDemo>;
};

/** A client factory for a DynamoDB Local someone else started (and will stop). */
function sharedDynamoDb(endpoint: string): { endpoint: string; client(): DynamoDBClient } {
  assertLocalEndpoint(endpoint);
  return { endpoint, client: () => new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials }) };
}

/** Names the template's one table as the caller asks, so several stacks can share one DynamoDB Local. */
function tablePhysicalName(cdkOutDir: string, tableName: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const stack of readCloudAssembly(cdkOutDir)) {
    for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
      if ((resource as { Type?: string }).Type === 'AWS::DynamoDB::Table') names[logicalId] = tableName;
    }
  }
  return names;
}

/** Where a running stack tells the CLI tools its database endpoint and table. */
export const localEndpointsFile = (dataDir: string): string => path.join(dataDir, 'local-endpoints.json');

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? defaultLog;
  const cleanups: Array<{ name: string; run: () => unknown }> = [];
  const stopAll = async (): Promise<void> => {
    // Reverse order of start; every step runs even if an earlier one fails (java must always go).
    for (const { name, run } of cleanups.splice(0).reverse()) {
      try {
        await run();
      } catch (error) {
        log(`stopping ${name} failed: ${(error as Error).message}`);
      }
    }
  };

  try {
    const cdkOutDir = options.cdkOutDir ?? path.join(projectRoot, 'cdk.out');
    const port = options.port ? options.port : await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const issuer = `${baseUrl}/idp`;

    // 1. Emulators, then the template resolved against them.
    const [database, sqs] = await Promise.all([
      options.database
        ? Promise.resolve(sharedDynamoDb(options.database.endpoint))
        : startDynamoDbLocal({ dataDir: options.dataDir ? path.join(options.dataDir, 'dynamodb') : undefined }).then((db) => {
            cleanups.push({ name: 'DynamoDB Local', run: () => db.stop() });
            return db;
          }),
      startLocalSqs({ region: localRegion }).then((server) => {
        cleanups.push({ name: 'fauxqs', run: () => server.stop() });
        return server;
      }),
    ]);
    const app = loadLocalApp(cdkOutDir, {
      region: localRegion,
      sqsEndpoint: sqs.endpoint,
      ...(options.database ? { physicalNames: tablePhysicalName(cdkOutDir, options.database.tableName) } : {}),
      environmentOverrides: { JWT_ISSUER: issuer, JWT_AUDIENCE: localJwtAudience, PUBLIC_BASE_URL: baseUrl },
      jwt: { issuer, audience: localJwtAudience },
    });
    if (app.tables.length !== 1) throw new Error(`Expected one DynamoDB table in the template, found ${app.tables.length}`);
    const tableName = app.tables[0]!.tableName;

    // 2. Tables and queues.
    const dynamodb = database.client();
    cleanups.push({ name: 'DynamoDB client', run: () => dynamodb.destroy() });
    const documents = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
    await ensureTable(dynamodb, tableName);
    if (options.dataDir) {
      // For the CLI tools (e.g. npm run rates:recompute) to reach the running stack's database, not open a second.
      const file = localEndpointsFile(options.dataDir);
      writeFileSync(file, JSON.stringify({ pid: process.pid, dynamodb: database.endpoint, tableName }));
      cleanups.push({ name: 'endpoints file', run: () => rmSync(file, { force: true }) });
    }
    const store: ExecutionStore = options.dataDir ? await DynamoDbExecutionStore.open(dynamodb) : new MemoryExecutionStore();
    const sqsClient = sqs.client();
    cleanups.push({ name: 'SQS client', run: () => sqsClient.destroy() });
    await createQueues(sqsClient, app.queues);

    // 3. Step Functions (the runtime is created below; the engine reaches it lazily).
    let lambda: LambdaRuntime | undefined;
    const timeScale = options.timeScale && options.timeScale > 1 ? options.timeScale : 1;
    const clock = startDemoClock({ scale: timeScale, dataDir: options.dataDir });
    cleanups.push({ name: 'demo clock', run: () => clock.stop() });
    const stepFunctions = new LocalStepFunctions({
      stateMachines: app.stateMachines,
      store,
      region: localRegion,
      invokeFunction: (functionId, payload) => lambda!.invoke(functionId, payload),
      findFunctionId: (name) => app.findFunction(name)?.id,
      taskTimeoutSeconds: timeScale === 1 ? undefined : (seconds) => seconds / timeScale,
      log,
      ...options.stepFunctions,
    });
    cleanups.push({ name: 'Step Functions', run: () => stepFunctions.stop() });
    const sfnEndpoint = await startSfnEndpoint(stepFunctions, { log });
    cleanups.push({ name: 'Step Functions API', run: () => sfnEndpoint.stop() });

    // 4. One process, one environment: the union of the functions' variables, plus local AWS settings. Keys the
    //    dev identity provider and the functions keep (signing key, PIN secret) live in the data folder, or in a
    //    temporary one for an in-memory run.
    let idpDir = options.dataDir;
    if (!idpDir) {
      const temporary = mkdtempSync(path.join(tmpdir(), 'jianyi-idp-'));
      cleanups.push({ name: 'IdP temp dir', run: () => rmSync(temporary, { recursive: true, force: true }) });
      idpDir = temporary;
    }
    const pinSecret = ensureSecretFile(idpDir, 'pin-secret');
    const originSecret = ensureSecretFile(idpDir, 'origin-secret');
    // Kept files (exports, bulletins) in the data folder; the origin serves them at links signed with this key.
    const filesSecret = ensureSecretFile(idpDir, 'files-signing-secret');
    const filesDir = path.join(idpDir, 'files');
    const environment = unionEnvironment(app.functions);
    for (const endpoint of [database.endpoint, sqs.endpoint, sfnEndpoint.endpoint]) assertLocalEndpoint(endpoint);
    const restoreEnvironment = applyEnvironment({
      ...environment,
      AWS_REGION: localRegion,
      AWS_DEFAULT_REGION: localRegion,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_ENDPOINT_URL_DYNAMODB: database.endpoint,
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      AWS_ENDPOINT_URL_SFN: sfnEndpoint.endpoint,
      // Staff accounts are the dev identity provider's logins, not Cognito users.
      STAFF_ACCOUNTS: 'local',
      // Server secrets are files here, Secrets Manager secrets on AWS.
      PIN_SECRET_ARN: undefined,
      PIN_SECRET_FILE: pinSecret.file,
      ORIGIN_SECRET_ARN: undefined,
      ORIGIN_SECRET_FILE: originSecret.file,
      // The files bucket is the data folder here (shared/aws/composition-files.ts).
      FILES_BUCKET: undefined,
      FILES_DIR: filesDir,
      FILES_SIGNING_SECRET_FILE: filesSecret.file,
      // Metrics are CloudWatch's (embedded metric format log lines); here they would only be noise in the log.
      POWERTOOLS_METRICS_DISABLED: 'true',
      // No X-Ray here: Powertools' tracer is off outside Lambda anyway; this keeps it off whatever the shell has
      // (an AWS_EXECUTION_ENV would have it patch every client and warn of a missing segment on each call).
      POWERTOOLS_TRACE_ENABLED: 'false',
      // Any other service a handler might call goes nowhere (a closed port) rather than to a real account.
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      // The domain clock (shared/aws/composition.ts): demo time when scaled, the wall clock otherwise.
      ...(timeScale > 1 ? clock.environment : { JIANYI_TIME_SCALE: undefined, JIANYI_CLOCK_ORIGIN: undefined }),
    });
    cleanups.push({ name: 'environment', run: restoreEnvironment });
    // The functions ask for --enable-source-maps (NODE_OPTIONS); in one shared process it is switched on here,
    // so stack traces in the log point into functions/ and shared/ rather than the minified bundles.
    process.setSourceMapsEnabled(true);
    lambda = new LambdaRuntime(app.functions, { region: localRegion, accountId: localAccountId, log });
    const runtime = lambda;
    const invoke = (functionRef: string, event: unknown): Promise<InvokeOutcome> => {
      const fn = app.findFunction(functionRef);
      if (!fn) throw new Error(`No local function ${functionRef}`);
      return runtime.invoke(fn.id, event);
    };

    // 5. HTTP, identity, seed, resume, pollers, schedules.
    const http = await startLocalHttpServer({
      port,
      routes: app.routes,
      invoke: (functionId, event) => runtime.invoke(functionId, event),
      staticDir: options.webDistDir ?? path.join(projectRoot, 'web', 'dist'),
      outbox: createOutboxReader(documents, tableName),
      originSecret: originSecret.value,
      log,
      logRequests: options.logRequests,
      files: createFileDownloads({ dir: filesDir, secret: filesSecret.value }),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    });
    cleanups.push({ name: 'HTTP server', run: () => http.stop() });

    const idpModule = await loadOptionalModule<DevIdpModule>('dev-idp.ts', log);
    const identityProvider = idpModule
      ? await idpModule.createDevIdp({ dataDir: idpDir, issuer, audience: localJwtAudience, tableName, dynamodb: documents })
      : undefined;
    if (identityProvider) http.setIdentityProvider(identityProvider);
    else log('infra/local/dev-idp.ts is missing: staff sign-in is unavailable');

    const stateMachineArn = app.stateMachines[0]?.arn;
    const startWorkflow = async (suggestionId: string): Promise<string> => {
      if (!stateMachineArn) throw new Error('The template has no state machine');
      const { executionArn } = await stepFunctions.startExecution({
        stateMachineArn,
        name: suggestionId,
        input: JSON.stringify({ Payload: { suggestionId } }),
      });
      return executionArn;
    };

    let seeded: SeededDemo | undefined;
    if (options.seed !== false) {
      const orgId = environment.ORG_ID ?? 'demo';
      const { Item: organisation } = await documents.send(new GetCommand({ TableName: tableName, Key: keys.organisation(orgId) }));
      if (organisation) {
        const added = await upgradeLocalData(documents, tableName, orgId);
        if (added) log(`Upgraded the data folder: ${added} staff sign-in(s) linked to their profile`);
      }
      const seedModule = organisation ? undefined : await loadOptionalModule<SeedModule>('seed.ts', log);
      if (seedModule) {
        seeded = await seedModule.seedDemoData({
          tableName,
          dynamodb: documents,
          startWorkflow: async (suggestionId) => {
            await startWorkflow(suggestionId);
          },
          workflows: options.seedWorkflows ?? 'new',
          history: options.seedHistory !== false,
          // Issue 12: integrations and Open311 — the demo integration's key is hashed under the local PIN secret.
          integrationSecret: pinSecret.value,
        });
      }
    }

    if (options.resume !== false) {
      const resumed = await stepFunctions.resumeRunning();
      if (resumed.length) log(`Resumed ${resumed.length} open workflow execution(s)`);
    }

    const pollers: Poller[] = [];
    if (options.pollers !== false) {
      for (const mapping of app.eventSourceMappings) {
        const queue = app.queues.find((q) => q.arn === mapping.queueArn);
        if (!queue || !mapping.enabled) continue;
        pollers.push(
          startPoller({
            client: sqsClient,
            queue,
            mapping,
            region: localRegion,
            invoke: (event) => runtime.invoke(mapping.functionId, event),
            log,
          }),
        );
      }
      // Pollers stop before fauxqs does (cleanups run in reverse).
      cleanups.push({ name: 'queue pollers', run: () => Promise.all(pollers.map((poller) => poller.stop())) });
    }

    let scheduler: Scheduler | undefined;
    if (options.schedules !== false) {
      scheduler = startScheduler({
        schedules: app.schedules,
        region: localRegion,
        invoke: (functionId, event) => runtime.invoke(functionId, event),
        initialRunDelayMs: typeof options.schedules === 'number' ? options.schedules : 5_000,
        log,
      });
      const running = scheduler;
      cleanups.push({ name: 'scheduler', run: () => running.stop() });
    }

    let stopped: Promise<void> | undefined;
    return {
      url: http.url,
      port: http.port,
      region: localRegion,
      app,
      tableName,
      stateMachineArn,
      endpoints: { dynamodb: database.endpoint, sqs: sqs.endpoint, sfn: sfnEndpoint.endpoint },
      dynamodb,
      documents,
      sqs: sqsClient,
      lambda: runtime,
      stepFunctions,
      scheduler,
      identityProvider,
      seeded,
      clock,
      environment,
      invoke,
      startWorkflow,
      stop: () => (stopped ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
