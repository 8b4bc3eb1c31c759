/**
 * Questionnaire benchmark: responses through the local HTTP API (API Gateway v2 events → the bundled
 * campaign-responses handler → DynamoDB Local), to an open campaign whose questionnaire has every question type.
 * One response in ten is sent twice with the same response id — half of those as two racing requests, half as a
 * retry after the first answer — as a page retries after a network failure. At the end the campaign's figures (the
 * sum of its counter shards, read as the staff API reads them) are compared with a recount from the stored
 * responses: nothing may be lost, nothing counted twice, no counter off.
 *
 *   npm run bench:questionnaire                      100,000 responses (BENCH_RESPONSES or --responses N)
 *   npm run bench:questionnaire -- --responses 2000  a quick try
 *   options: --concurrency N (default 16)
 *
 * Output: the figures, the cost arithmetic at AWS list prices, then key=value lines.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { DynamoCampaignStore } from '../shared/aws/dynamo-campaign-store';
import { DynamoResponseStore } from '../shared/aws/dynamo-response-store';
import { counterShards, figuresFromCounters, responseContributions, sumCounters } from '../shared/domain/campaign/aggregate';
import type { Campaign } from '../shared/domain/campaign/campaign';
import type { CampaignFigures } from '../shared/domain/campaign/figures';
import type { CampaignResponse } from '../shared/domain/campaign/response';
import { officeDay } from '../shared/domain/office-day';
import { keys } from '../shared/model/table';
import { ensureSynthesized } from '../infra/local/build-steps';
import { projectRoot, startLocalStack } from '../infra/local/local-stack';
import { everyTypeQuestionnaire as questionnaire, variedAnswers } from '../test/unit/campaigns/questionnaire-fixture';
import { percentile } from './stats';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const total = option('responses', 100_000);
const concurrency = option('concurrency', 16);
const campaignId = 'bench-questionnaire';
const stations = ['mall', 'library', 'station'];

/** A crowd: request i comes from loopback address 127.3.x.y with a keep-alive connection of its own (limits are per address). */
const agents = new Map<string, Agent>();
function agentFor(i: number): Agent {
  const address = `127.3.${Math.floor((i % 8000) / 250)}.${(i % 250) + 1}`;
  let agent = agents.get(address);
  if (!agent) agents.set(address, (agent = new Agent({ keepAlive: true, localAddress: address })));
  return agent;
}

type Receipt = { responseId?: string; receivedAt?: string };

function post(base: string, agent: Agent, payload: string): Promise<{ status: number; json: Receipt }> {
  const url = new URL(`/api/campaigns/${campaignId}/responses`, base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let json: Receipt = {};
          try {
            json = text ? JSON.parse(text) : {};
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** DynamoDB's item size (what capacity units are counted on): attribute names and values, in bytes. */
function itemBytes(value: unknown, name = ''): number {
  const nameBytes = Buffer.byteLength(name);
  if (value === null || value === undefined) return nameBytes + 1;
  if (typeof value === 'string') return nameBytes + Buffer.byteLength(value);
  if (typeof value === 'number') return nameBytes + Math.ceil(String(Math.abs(value)).replace(/[.-]/g, '').replace(/^0+/, '').length / 2) + 1;
  if (typeof value === 'boolean') return nameBytes + 1;
  if (Array.isArray(value)) return nameBytes + 3 + value.reduce((sum: number, v) => sum + 1 + itemBytes(v), 0);
  if (typeof value === 'object') return nameBytes + 3 + Object.entries(value as Record<string, unknown>).reduce((sum, [k, v]) => sum + 1 + itemBytes(v, k), 0);
  return nameBytes;
}
const kb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

function flatten(figures: CampaignFigures): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') out.set(path, value);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(figures, '');
  return out;
}

async function main(): Promise<void> {
  await ensureSynthesized(projectRoot, (m) => console.log(m));
  // No background work: the benchmark measures the response path (pollers and schedules off).
  const stack = await startLocalStack({ seed: false, schedules: false, pollers: false, log: () => undefined });
  const now = Date.now();
  const campaign: Campaign = {
    orgId: 'demo',
    id: campaignId,
    title: '公共交通满意度调查（基准）',
    theme: '基准测试用问卷',
    categories: ['traffic'],
    opensAt: new Date(now - 3600_000).toISOString(),
    closesAt: new Date(now + 7 * 86_400_000).toISOString(),
    targetDepartmentIds: [],
    questionnaire,
    responsePolicy: 'any',
    stations: stations.map((id) => ({ id, name: `征集点 ${id}` })),
    state: 'open',
    history: [],
    createdAt: new Date(now).toISOString(),
    createdBy: 'bench',
    updatedAt: new Date(now).toISOString(),
    version: 1,
  };
  await new DynamoCampaignStore(stack.documents, stack.tableName).create(campaign, { orgId: 'demo', at: campaign.createdAt, actor: { id: 'bench', role: 'organizer' }, action: 'createCampaign' });

  // The function's own run time per invocation (what Lambda bills), measured around the local runtime's invoke.
  const fn = stack.app.functions.find((f) => f.logicalId.startsWith('CampaignResponses'));
  if (!fn) throw new Error('no CampaignResponses function in the template: synthesize again');
  const durations: number[] = [];
  const invoke = stack.lambda.invoke.bind(stack.lambda);
  stack.lambda.invoke = async (id, event) => {
    const t0 = performance.now();
    try {
      return await invoke(id, event);
    } finally {
      if (id === fn.id) durations.push(performance.now() - t0);
    }
  };

  const latencies: number[] = [];
  const accepted = new Map<string, string>(); // response id → receivedAt of its receipt
  const statuses = new Map<number, number>();
  let shed = 0;
  let disagreements = 0;
  let failed = 0;

  async function send(i: number, payload: string, id: string): Promise<void> {
    const t0 = performance.now();
    for (let attempt = 1; ; attempt++) {
      const r = await post(stack.url, agentFor(i), payload).catch(() => ({ status: 0, json: {} as Receipt }));
      if ((r.status === 503 || r.status === 0) && attempt < 30) {
        // Shed under load (or a dropped connection): the page comes back with the same body.
        shed++;
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * attempt)));
        continue;
      }
      latencies.push(performance.now() - t0);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status !== 201 && r.status !== 200) {
        failed++;
        return;
      }
      const previous = accepted.get(id);
      if (previous && previous !== r.json.receivedAt) disagreements++;
      accepted.set(id, r.json.receivedAt!);
      return;
    }
  }

  const body = (i: number, id: string) =>
    JSON.stringify({ responseId: id, answers: variedAnswers(i), ...(i % 4 ? { stationId: stations[i % 3] } : {}), browserId: `bench-browser-${String(i).padStart(10, '0')}` });

  let next = 0;
  const started = performance.now();
  let lastReport = started;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const id = i % 2 ? ulid() : randomUUID();
        const payload = body(i, id);
        if (i % 20 === 0) await Promise.all([send(i, payload, id), send(i, payload, id)]); // a retry racing the first
        else if (i % 20 === 10) {
          await send(i, payload, id);
          await send(i, payload, id); // a retry after a lost answer
        } else await send(i, payload, id);
        if (performance.now() - lastReport > 15_000) {
          lastReport = performance.now();
          console.log(`… ${i + 1}/${total} responses, ${(((i + 1) / (lastReport - started)) * 1000).toFixed(0)}/s`);
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;

  // The truth: every stored response (a consistent scan), and the figures as the staff API sums them.
  const stored: CampaignResponse[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await stack.documents.send(
      new ScanCommand({
        TableName: stack.tableName,
        FilterExpression: '#type = :type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'campaignResponse' },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    stored.push(...((page.Items ?? []).map((item) => item.response) as CampaignResponse[]));
    start = page.LastEvaluatedKey;
  } while (start);
  const storedIds = new Set(stored.map((r) => r.id));
  const figures = await new DynamoResponseStore(stack.documents, stack.tableName).figures('demo', campaignId);
  const recounted = figuresFromCounters({
    ...sumCounters(stored.map((r) => responseContributions(questionnaire, r.answers, { day: officeDay(r.receivedAt), ...(r.stationId ? { stationId: r.stationId } : {}) }))),
    // Every response came from a browser of its own: one participant each.
    p: stored.length,
  });
  const lost = [...accepted.keys()].filter((id) => !storedIds.has(id)).length;
  // Counted twice: more in the figures than stored, a repeated id told "created" twice, or two different receipts.
  const doubleCounted = Math.max(0, figures.responses - stored.length) + Math.max(0, (statuses.get(201) ?? 0) - storedIds.size) + disagreements;
  const a = flatten(figures);
  const b = flatten(recounted);
  const names = new Set([...a.keys(), ...b.keys()]);
  const mismatched = [...names].filter((name) => (a.get(name) ?? 0) !== (b.get(name) ?? 0));

  // --- Item sizes, for the capacity units a response costs ----------------------------------------------------
  const sample = stored[0]!;
  const { Item: responseItem } = await stack.documents.send(new GetCommand({ TableName: stack.tableName, Key: keys.campaignResponse('demo', campaignId, sample.id) }));
  const { Item: campaignItem } = await stack.documents.send(new GetCommand({ TableName: stack.tableName, Key: keys.campaign('demo', campaignId) }));
  let shardBytes = 0;
  for (let shard = 0; shard < counterShards; shard++) {
    const { Item } = await stack.documents.send(new GetCommand({ TableName: stack.tableName, Key: keys.campaignCounterShard('demo', campaignId, shard) }));
    if (Item) shardBytes = Math.max(shardBytes, itemBytes(Item));
  }
  const responseKb = kb(itemBytes(responseItem));
  const shardKb = kb(shardBytes);
  const campaignReadUnits = Math.ceil(itemBytes(campaignItem) / 4096);
  // A first response: the rate limiter's ADD (1 WRU); the transaction {response put, counter ADD} at 2 WRU per KB of
  // each item; the response's index entry (1 WRU per KB); the participant transaction {marker put, ADD p}.
  // Reads: the campaign (strongly consistent, 1 RRU per 4 KB).
  const firstWru = 1 + 2 * responseKb + 2 * shardKb + responseKb + (2 * 1 + 2 * shardKb);
  // A retry: the limiter, the cancelled transaction (counted as if it wrote: the conservative reading), the stored
  // response read back, the participant transaction cancelled by its marker (counted the same way).
  const retryWru = 1 + 2 * responseKb + 2 * shardKb + (2 * 1 + 2 * shardKb);
  const retryRru = campaignReadUnits + responseKb;
  const retriesPerResponse = 0.1;
  const requestsPerResponse = 1 + retriesPerResponse;
  const wruPerResponse = firstWru + retriesPerResponse * retryWru;
  const rruPerResponse = campaignReadUnits + retriesPerResponse * retryRru;
  const sortedDurations = [...durations].sort((x, y) => x - y);
  const meanMs = durations.reduce((s, d) => s + d, 0) / Math.max(1, durations.length);
  const billedMs = Math.ceil(meanMs);
  const memoryGb = fn.memoryMb / 1024;
  const million = 1_000_000;
  const apiCost = requestsPerResponse * 1.0;
  const lambdaCompute = requestsPerResponse * million * memoryGb * (billedMs / 1000) * 0.0000133334;
  const lambdaRequests = requestsPerResponse * 0.2;
  const dynamoWrites = wruPerResponse * 1.25;
  const dynamoReads = rruPerResponse * 0.25;
  const costPerMillion = apiCost + lambdaCompute + lambdaRequests + dynamoWrites + dynamoReads;

  latencies.sort((x, y) => x - y);
  const firstTime = stored.length;
  const rps = (firstTime / elapsedMs) * 1000;
  console.log(`\nQuestionnaire through the local HTTP API: ${total} responses (+${Math.round(total / 10)} with a repeated response id), concurrency ${concurrency}`);
  console.log(`elapsed ${(elapsedMs / 1000).toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}; shed and retried ${shed}`);
  console.log(`latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p90 ${percentile(latencies, 90).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}`);
  console.log(`function run time ms (${fn.memoryMb} MB): mean ${meanMs.toFixed(1)}, p50 ${percentile(sortedDurations, 50).toFixed(1)}, p99 ${percentile(sortedDurations, 99).toFixed(1)}`);
  console.log(`\nFigures (sum of ${counterShards} counter shards) vs a recount of the ${stored.length} stored responses:`);
  console.log(`  responses ${figures.responses} (recount ${recounted.responses}), participants ${figures.participants} (recount ${recounted.participants})`);
  console.log(`  by station ${JSON.stringify(figures.byStation)}`);
  console.log(`  by day ${JSON.stringify(figures.byDay)}`);
  for (const q of questionnaire.questions) console.log(`  ${q.id} (${q.type}): ${JSON.stringify(figures.questions[q.id] ?? {})}`);
  console.log(`  counters compared: ${names.size}, mismatched: ${mismatched.length}${mismatched.length ? ` (${mismatched.slice(0, 10).join(', ')})` : ''}`);

  console.log('\nAWS cost per million responses at list prices (each response sent 1.1 times: one in ten repeated):');
  console.log(`  item sizes: response ${itemBytes(responseItem)} B (${responseKb} KB), largest counter shard ${shardBytes} B (${shardKb} KB), campaign ${itemBytes(campaignItem)} B (${campaignReadUnits} RRU)`);
  console.log(`  API Gateway HTTP API: ${requestsPerResponse} M requests × $1.00/M = $${apiCost.toFixed(4)}`);
  console.log(`  Lambda arm64 ${fn.memoryMb} MB: ${requestsPerResponse} M × ${memoryGb} GB × ${billedMs} ms (mean, rounded up; measured locally) × $0.0000133334/GB-s = $${lambdaCompute.toFixed(4)}`);
  console.log(`  Lambda requests: ${requestsPerResponse} M × $0.20/M = $${lambdaRequests.toFixed(4)}`);
  console.log(
    `  DynamoDB writes: first ${firstWru} WRU (limiter 1 + tx 2×${responseKb} + 2×${shardKb} + index ${responseKb} + participant tx 2×1 + 2×${shardKb}) + 0.1 × retry ${retryWru} WRU = ${wruPerResponse.toFixed(1)} M WRU × $1.25/M = $${dynamoWrites.toFixed(4)}`,
  );
  console.log(`  DynamoDB reads: campaign ${campaignReadUnits} RRU + 0.1 × retry ${retryRru} RRU = ${rruPerResponse.toFixed(2)} M RRU × $0.25/M = $${dynamoReads.toFixed(4)}`);
  console.log(`  total: $${costPerMillion.toFixed(2)} per million responses (storage, CloudWatch logs and data transfer not included)\n`);

  console.log(`responses=${total}`);
  console.log(`requests=${latencies.length}`);
  console.log(`stored=${stored.length}`);
  console.log(`responses_per_s=${rps.toFixed(1)}`);
  console.log(`p50_ms=${percentile(latencies, 50).toFixed(2)}`);
  console.log(`p99_ms=${percentile(latencies, 99).toFixed(2)}`);
  console.log(`function_mean_ms=${meanMs.toFixed(2)}`);
  console.log(`shed_retried=${shed}`);
  console.log(`errors=${failed}`);
  console.log(`lost=${lost}`);
  console.log(`double_counted=${doubleCounted}`);
  console.log(`aggregate_mismatch=${mismatched.length}`);
  console.log(`aws_cost_per_million_usd=${costPerMillion.toFixed(2)}`);
  for (const agent of agents.values()) agent.destroy();
  await stack.stop();
}

main().then(
  // Emulator clients may keep sockets alive after stop(); the figures are printed, so end here.
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
