/**
 * `npm run bench:metrics`: what keeping the rates costs, on a year of synthetic casework (bench/metrics-history.ts).
 *  1. 1,000,000 suggestions on the in-memory implementation of the rate store port (it counts the items read and
 *     written, as DynamoDB would bill them): the full recompute, then an incremental run after 1,000 changes, and a
 *     second full recompute that must give the same figures;
 *  2. 10,000 on DynamoDB Local, the same steps through the DynamoDB store (items read counted from the responses);
 *  3. the dashboard's reads at both sizes (requests to the store), which must not grow with the data;
 *  4. the spike detector's false alarms on synthetic series (bench/spike-false-alarms.ts).
 * Prints a table, then key=value lines. Run with enough heap for the million: the npm script passes
 * --max-old-space-size. BENCH_MEMORY_COUNT / BENCH_DYNAMO_COUNT change the sizes.
 */
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal, ensureTable } from '../infra/local/dynamodb';
import { DynamoAuditLog } from '../shared/aws/dynamo-audit-log';
import { DynamoDirectory } from '../shared/aws/dynamo-directory';
import { DynamoRateStore } from '../shared/aws/dynamo-rate-store';
import { DynamoSuggestionStore, suggestionItem } from '../shared/aws/dynamo-suggestion-store';
import { keys } from '../shared/model/table';
import { MemoryRateStore } from '../shared/memory/memory-rate-store';
import type { StaffPrincipal } from '../shared/domain/staff/principal';
import { dashboard, type DashboardDeps } from '../shared/use-cases/dashboard';
import { updateRates, type UpdateRatesDeps } from '../shared/use-cases/update-rates';
import type { SuggestionHistory } from '../shared/ports';
import { changed, history } from './metrics-history';
import { measureSpikeFalseAlarms } from './spike-false-alarms';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const now = new Date();
const memoryCount = Number(process.env.BENCH_MEMORY_COUNT ?? 1_000_000);
const dynamoCount = Number(process.env.BENCH_DYNAMO_COUNT ?? 10_000);
const changes = 1_000;
const supervision = { calendarOverrides: async () => [], timeLimits: async () => ({}) };
const clock = { now: () => now };
const principal: StaffPrincipal = { username: 'bench', name: 'bench', role: 'supervisor', orgId: 'bench' };
const log = (line: string) => console.log(line);

/** JSON with keys sorted at every level: equal figures compare equal whatever order they were added in. */
function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    v instanceof Map ? sort(Object.fromEntries(v)) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)])) : v;
  return JSON.stringify(sort(value));
}

/** The changed suggestions: every n-th, so they fall on days all over the year (the worst case for buckets). */
const changedIndexes = (count: number) => Array.from({ length: changes }, (_, k) => Math.floor(((k + 0.5) * count) / changes));

interface Run {
  ms: number;
  read: number;
  written: number;
}

async function timed(step: () => Promise<unknown>, counts: () => { read: number; written: number }): Promise<Run> {
  const before = counts();
  const started = performance.now();
  await step();
  const after = counts();
  return { ms: Math.round(performance.now() - started), read: after.read - before.read, written: after.written - before.written };
}

/** The dashboard's other stores, in memory, counting their requests as the rate store does. */
function memoryDashboardDeps(rates: MemoryRateStore): { deps: DashboardDeps; requests: () => number } {
  let others = 0;
  const deps: DashboardDeps = {
    rates,
    directory: {
      departments: async () => (others++, [{ id: 'housing', name: '住建局', en: 'Housing' }]),
      queueStats: async () => (others++, undefined),
    },
    store: { queue: async () => (others++, { items: [] }) },
    audit: { record: async () => void others++, list: async () => ({ entries: [] }) },
    clock,
  };
  return { deps, requests: () => others + rates.counts.requests };
}

async function inMemory() {
  log(`Generating ${memoryCount.toLocaleString('en')} suggestions in memory…`);
  const store = new MemoryRateStore();
  const histories: SuggestionHistory[] = [];
  for (let i = 0; i < memoryCount; i++) {
    const h = history(i, now, memoryCount);
    histories.push(h);
    store.record(h);
  }
  const deps: UpdateRatesDeps = { rates: store, supervision, clock };
  const counts = () => ({ read: store.counts.read, written: store.counts.written });
  const full = await timed(() => updateRates(deps, 'bench', { full: true }), counts);
  log(`  full recompute: ${full.ms} ms, ${full.read.toLocaleString('en')} items read, ${full.written.toLocaleString('en')} written`);
  for (const i of changedIndexes(memoryCount)) store.record(changed(histories[i]!, new Date(now.getTime() - 60_000)));
  const incremental = await timed(() => updateRates(deps, 'bench'), counts);
  log(`  incremental after ${changes} changes: ${incremental.ms} ms, ${incremental.read.toLocaleString('en')} items read, ${incremental.written.toLocaleString('en')} written`);
  const afterIncremental = store.summarySnapshot();
  const tallies = store.snapshot();
  const again = await timed(() => updateRates(deps, 'bench', { full: true }), counts);
  const agree = canonical(store.summarySnapshot()) === canonical(afterIncremental) && canonical(store.snapshot()) === canonical(tallies);
  log(`  second full recompute: ${again.ms} ms; figures equal to the incremental run's: ${agree}`);
  const { deps: dashDeps, requests } = memoryDashboardDeps(store);
  const before = requests();
  await dashboard(dashDeps, principal, { kind: 'month' });
  return { full, incremental, agree, dashboardQueries: requests() - before };
}

/** Counts what the DynamoDB client reads: items returned by gets and queries (and every request). */
function countingClient(endpoint: string) {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const counts = { read: 0, written: 0, requests: 0 };
  documents.middlewareStack.add(
    (next) => async (args) => {
      counts.requests++;
      const result = await next(args);
      const output = result.output as { Item?: unknown; Items?: unknown[]; Count?: number };
      const input = args.input as { TransactItems?: unknown[]; RequestItems?: Record<string, unknown[]> };
      if (output.Items) counts.read += output.Items.length;
      else if (output.Item) counts.read += 1;
      if (input.TransactItems) counts.written += input.TransactItems.length;
      else if (input.RequestItems) counts.written += Object.values(input.RequestItems).reduce((n, items) => n + items.length, 0);
      return result;
    },
    { step: 'initialize' },
  );
  return { client, documents, counts };
}

async function onDynamo() {
  log(`Writing ${dynamoCount.toLocaleString('en')} suggestions to DynamoDB Local…`);
  const database = await startDynamoDbLocal();
  try {
    const { client, documents, counts } = countingClient(database.endpoint);
    const tableName = 'bench-metrics';
    await ensureTable(client, tableName);
    const write = async (items: Record<string, unknown>[]) => {
      const batches: Record<string, unknown>[][] = [];
      for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < batches.length) {
            let request: Record<string, unknown> | undefined = { [tableName]: batches[next++]!.map((Item) => ({ PutRequest: { Item } })) };
            while (request && Object.keys(request).length) request = (await documents.send(new BatchWriteCommand({ RequestItems: request as never }))).UnprocessedItems;
          }
        }),
      );
    };
    const itemsOf = (h: SuggestionHistory) => [
      suggestionItem(h.suggestion),
      ...h.timeline.map((e) => ({ ...keys.timelineEntry(h.suggestion.id, e.at, e.seq), type: 'timeline', suggestionId: h.suggestion.id, ...e })),
    ];
    const histories = Array.from({ length: dynamoCount }, (_, i) => history(i, now, dynamoCount));
    await write(histories.flatMap(itemsOf));
    await documents.send(new PutCommand({ TableName: tableName, Item: { ...keys.department('bench', 'housing'), type: 'department', id: 'housing', name: '住建局', en: 'Housing' } }));
    const suggestions = new DynamoSuggestionStore(documents, tableName);
    const rates = new DynamoRateStore(documents, tableName, suggestions);
    const deps: UpdateRatesDeps = { rates, supervision, clock };
    const snapshot = () => ({ read: counts.read, written: counts.written });
    const full = await timed(() => updateRates(deps, 'bench', { full: true }), snapshot);
    log(`  full recompute: ${full.ms} ms, ${full.read.toLocaleString('en')} items read, ${full.written.toLocaleString('en')} written`);
    // 1,000 changes, as the API writes them (a later updatedAt moves them to the end of the changed index).
    await write(changedIndexes(dynamoCount).flatMap((i) => itemsOf(changed(histories[i]!, new Date(now.getTime() - 60_000)))));
    const incremental = await timed(() => updateRates(deps, 'bench'), snapshot);
    log(`  incremental after ${changes} changes: ${incremental.ms} ms, ${incremental.read.toLocaleString('en')} items read, ${incremental.written.toLocaleString('en')} written`);
    const dashDeps: DashboardDeps = { rates, directory: new DynamoDirectory(documents, tableName), store: suggestions, audit: new DynamoAuditLog(documents, tableName), clock };
    const before = counts.requests;
    await dashboard(dashDeps, principal, { kind: 'month' });
    const dashboardQueries = counts.requests - before;
    client.destroy();
    return { full, incremental, dashboardQueries };
  } finally {
    await database.stop();
  }
}

const spikes = measureSpikeFalseAlarms();
const dynamo = await onDynamo();
const memory = await inMemory();
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(3)} %`;

console.log('');
console.log('| store | suggestions | full recompute | full items read | incremental (1,000 changes) | incremental items read | incremental / full reads | dashboard requests |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
console.log(`| DynamoDB Local | ${dynamoCount.toLocaleString('en')} | ${dynamo.full.ms} ms | ${dynamo.full.read.toLocaleString('en')} | ${dynamo.incremental.ms} ms | ${dynamo.incremental.read.toLocaleString('en')} | ${pct(dynamo.incremental.read, dynamo.full.read)} | ${dynamo.dashboardQueries} |`);
console.log(`| in memory | ${memoryCount.toLocaleString('en')} | ${memory.full.ms} ms | ${memory.full.read.toLocaleString('en')} | ${memory.incremental.ms} ms | ${memory.incremental.read.toLocaleString('en')} | ${pct(memory.incremental.read, memory.full.read)} | ${memory.dashboardQueries} |`);
console.log(`Spike detector: ${spikes.falseAlarms} false alarms on ${spikes.series} steady series (${spikes.perThousandSeries} per 1,000), ${spikes.spikesFound} of ${spikes.spikesInjected} injected spikes found.`);
console.log('');
console.log(`incremental_ms_after_1000_changes=${memory.incremental.ms}`);
console.log(`full_recompute_ms=${memory.full.ms}`);
console.log(`incremental_items_read=${memory.incremental.read}`);
console.log(`full_items_read=${memory.full.read}`);
console.log(`incremental_read_ratio=${(memory.incremental.read / memory.full.read).toFixed(5)}`);
console.log(`incremental_equals_full=${memory.agree}`);
console.log(`dynamo_incremental_ms_after_1000_changes=${dynamo.incremental.ms}`);
console.log(`dynamo_full_recompute_ms=${dynamo.full.ms}`);
console.log(`dynamo_incremental_items_read=${dynamo.incremental.read}`);
console.log(`dynamo_full_items_read=${dynamo.full.read}`);
console.log(`dashboard_queries_10k=${dynamo.dashboardQueries}`);
console.log(`dashboard_queries_1m=${memory.dashboardQueries}`);
console.log(`spike_false_alarms_per_1000_series=${spikes.perThousandSeries}`);
