/**
 * The topics job as it ships: bundled by a ProjectFunction as `cdk synth` bundles it, into a folder outside the
 * project (no node_modules above it, as on Lambda, whose runtime supplies only the AWS SDK — linked in here), and
 * run there by a separate Node process against DynamoDB Local. It segments from the WebAssembly file copied
 * beside index.mjs: a bundle without it fails, and one that inlined it would break the size limit.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ProjectFunction, projectRoot } from '../../infra/constructs/project-function';
import { ensureTable, localCredentials } from '../../infra/local/dynamodb';
import { assertLocalEndpoint } from '../../infra/local/ports';
import { suggestionItem } from '../../shared/aws/dynamo-suggestion-store';
import { keys } from '../../shared/model/table';
import { topicSuggestion } from '../unit/topics/topic-fixtures';
import { cdkJsonContext } from './synth';

const run = promisify(execFile);
let outdir: string;
let bundleDir: string;

beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianyi-topics-bundle-'));
  const app = new App({ context: cdkJsonContext(), outdir: path.join(outdir, 'cdk.out') });
  const stack = new Stack(app, 'TopicsBundleProbe');
  const fn = new ProjectFunction(stack, 'UpdateTopics', { entry: 'jobs/update-topics' });
  const template = Template.fromStack(stack).toJSON();
  const resource = template.Resources[stack.getLogicalId(fn.node.defaultChild as never)];
  bundleDir = path.join(outdir, 'cdk.out', resource.Metadata['aws:asset:path'] as string);
  // What the Lambda runtime provides: the AWS SDK, and nothing else.
  fs.mkdirSync(path.join(outdir, 'node_modules'));
  fs.symlinkSync(path.join(projectRoot, 'node_modules', '@aws-sdk'), path.join(outdir, 'node_modules', '@aws-sdk'), 'dir');
}, 180_000);

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

describe('the topics job bundle', () => {
  it('ships jieba’s WebAssembly beside index.mjs, byte for byte the web build’s', () => {
    expect(fs.readdirSync(bundleDir).sort()).toEqual(['index.mjs', 'index.mjs.map', 'jieba_rs_wasm_bg.wasm']);
    const shipped = fs.readFileSync(path.join(bundleDir, 'jieba_rs_wasm_bg.wasm'));
    expect(shipped.equals(fs.readFileSync(path.join(projectRoot, 'node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm')))).toBe(true);
    expect(fs.statSync(path.join(bundleDir, 'index.mjs')).size).toBeLessThan(600 * 1024);
  });

  it('segments from the bundle folder: run outside the project, it counts the keywords of a suggestion', async () => {
    const endpoint = inject('dynamodbEndpoint');
    assertLocalEndpoint(endpoint);
    const tableName = `jianyi-topics-bundle-${process.pid}`;
    const client = new DynamoDBClient({ endpoint, region: 'local', credentials: localCredentials });
    const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    await ensureTable(client, tableName);
    const s = topicSuggestion({ orgId: 'bundle-org', title: '路燈不亮', content: '幸福街道的路灯晚上不亮，请尽快维修', at: new Date().toISOString(), address: '幸福街道阳光社区' });
    await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: [{ PutRequest: { Item: suggestionItem(s) } }] } }));

    const script = `
      const { handler } = await import(${JSON.stringify(path.join(bundleDir, 'index.mjs'))});
      const context = { functionName: 'UpdateTopics', awsRequestId: 'probe', getRemainingTimeInMillis: () => 60000 };
      console.log(JSON.stringify(await handler({}, context)));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: outdir,
      env: {
        PATH: process.env.PATH,
        TABLE_NAME: tableName,
        ORG_ID: 'bundle-org',
        NOTIFY_QUEUE_URL: 'http://127.0.0.1:9/queue/none',
        AWS_REGION: 'local',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_ENDPOINT_URL_DYNAMODB: endpoint,
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        POWERTOOLS_LOG_LEVEL: 'SILENT',
        POWERTOOLS_TRACE_ENABLED: 'false',
        POWERTOOLS_METRICS_DISABLED: 'true',
      },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toMatchObject({ changed: 1 });
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const { Items } = await db.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.topicDayCount('bundle-org', day, '').pk } }),
    );
    const series = (Items ?? []).map((i) => String(i.sk));
    expect(series).toEqual(expect.arrayContaining(['keyword:路灯', 'keyword:不亮', 'keyword:维修', 'place:幸福街道', 'place:幸福街道阳光社区', 'category:urban-management']));
    client.destroy();
  }, 120_000);
});
