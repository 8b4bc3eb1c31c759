/**
 * `npm run rates:recompute`: the full recompute of the rates, now (the admin's button asks the next scheduled run to
 * do it). Against the local data folder by default — the running `npm start`'s database when it is up (it leaves
 * DATA_DIR/local-endpoints.json), else a DynamoDB Local of its own on DATA_DIR — or against a deployed table with
 * TABLE_NAME=<table> and your AWS credentials. ORG_ID picks the organisation (default demo).
 * Prints the run's report: how many suggestions were read and counted, and the time it took.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { startDynamoDbLocal } from './local/dynamodb';
import { localEndpointsFile, projectRoot } from './local/local-stack';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  let stop = async () => undefined as void;
  if (!process.env.TABLE_NAME) {
    const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(projectRoot, 'data'));
    const file = localEndpointsFile(dataDir);
    const running = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { pid: number; dynamodb: string; tableName: string }) : undefined;
    if (running && alive(running.pid)) {
      process.env.AWS_ENDPOINT_URL_DYNAMODB = running.dynamodb;
      process.env.TABLE_NAME = running.tableName;
      console.log(`Using the running npm start's database (${running.dynamodb}).`);
    } else {
      if (!existsSync(dataDir)) throw new Error(`No data folder at ${dataDir}: run npm start once first (or set DATA_DIR / TABLE_NAME).`);
      const database = await startDynamoDbLocal({ dataDir });
      stop = () => database.stop();
      process.env.AWS_ENDPOINT_URL_DYNAMODB = database.endpoint;
      // The local table is named after the template's logical table; the running stack says it, else ask the database.
      const { DynamoDBClient, ListTablesCommand } = await import('@aws-sdk/client-dynamodb');
      const client = new DynamoDBClient({ endpoint: database.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
      const tables = (await client.send(new ListTablesCommand({}))).TableNames ?? [];
      client.destroy();
      if (tables.length !== 1) throw new Error(`Expected one table in ${dataDir}, found ${tables.length}`);
      process.env.TABLE_NAME = tables[0]!;
      console.log(`Using ${dataDir} (DynamoDB Local started for this run).`);
    }
    process.env.AWS_REGION ??= 'us-east-1';
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  }
  try {
    // Imported only now: the clients read the endpoint and table from the environment set above.
    const { orgId, rateStore, supervision, systemClock } = await import('../shared/aws/composition');
    const { updateRates } = await import('../shared/use-cases/update-rates');
    const started = Date.now();
    const report = await updateRates({ rates: rateStore(), supervision: supervision(), clock: systemClock }, orgId(), { full: true });
    console.log(`Full recompute of ${orgId()} in table ${process.env.TABLE_NAME}: ${report.changed} suggestions read, ${report.counted} counted, ${Date.now() - started} ms.`);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
