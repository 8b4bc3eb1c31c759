/**
 * Intake benchmark: submissions through the local HTTP API (API Gateway v2 events → the bundled handler →
 * DynamoDB Local, SQS, Step Functions) at concurrency 1, 10 and 50, beside raw DynamoDB PutItem against the same
 * DynamoDB Local in the same run, so the ratio says what the product adds over the database itself.
 * Every submission carries an Idempotency-Key and one in ten is retried at once with the same key, so the run
 * also proves nothing is lost and nothing is duplicated.
 * Output: a table of figures, then key=value lines.
 */
import { PutCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { ensureSynthesized } from '../infra/local/build-steps';
import { projectRoot, startLocalStack } from '../infra/local/local-stack';
import { runConcurrent, summary } from './stats';

/**
 * A crowd, not one client: submission i comes from loopback address 127.1.x.y (Linux answers on all of
 * 127.0.0.0/8), each with a keep-alive connection of its own, because intake limits each address (20 a minute).
 */
const agents = new Map<string, Agent>();
function citizen(i: number): Agent {
  const address = `127.1.${Math.floor((i % 4000) / 250)}.${(i % 250) + 1}`;
  let agent = agents.get(address);
  if (!agent) agents.set(address, (agent = new Agent({ keepAlive: true, localAddress: address })));
  return agent;
}

function post(base: string, agent: Agent, payload: string, key: string): Promise<{ status: number; json: { trackingCode?: string } }> {
  const url = new URL('/api/suggestions', base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'idempotency-key': key, 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : {} }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const levels = [1, 10, 50];
const perLevel = Number(process.env.BENCH_REQUESTS ?? 400);
const warmup = 50;

const body = (i: number) =>
  JSON.stringify({
    title: `公交站台加装遮阳棚 ${i}`,
    content: '人民路多个公交站台没有遮阳棚，夏天候车暴晒、雨天淋雨，建议加装遮阳棚并设置座椅。'.repeat(4),
    category: 'traffic',
    channel: 'web',
    // One phone per citizen: receipts are capped per number a day.
    ...(i % 2 === 0 ? { contact: { phone: `138${String(10_000_000 + i).slice(-8)}`, consent: true } } : {}),
  });

async function main(): Promise<void> {
  // BENCH_BACKGROUND=off isolates the API path: the workflow's tasks and the notification consumer do no work.
  // (On AWS they run in other Lambda containers; locally they share this process and its 2 cores.)
  const background = process.env.BENCH_BACKGROUND !== 'off';
  // As npm start does: a fresh clone has no cloud assembly yet.
  await ensureSynthesized(projectRoot, (m) => console.log(m));
  const stack = await startLocalStack({
    seed: false,
    schedules: false,
    log: () => undefined,
    ...(background
      ? {}
      : {
          pollers: false,
          stepFunctions: { taskHandlers: { Plan: (p: unknown) => ({ suggestionId: (p as { suggestionId: string }).suggestionId, phase: 'done', timeout: 1 }) } },
        }),
  });
  const accepted = new Map<string, string>(); // idempotency key → tracking code
  let disagreements = 0;

  async function submit(i: number, key: string): Promise<boolean> {
    const { status, json } = await post(stack.url, citizen(i), body(i), key);
    if (status !== 201 && status !== 200) return false;
    const previous = accepted.get(key);
    if (previous && previous !== json.trackingCode) disagreements++;
    accepted.set(key, json.trackingCode!);
    return true;
  }

  async function intake(concurrency: number, total: number) {
    return runConcurrent(total, concurrency, async (i) => {
      const key = randomUUID();
      if (i % 10 === 0) {
        // A retry racing the original: both must get the same receipt, and one suggestion must exist.
        const [a, b] = await Promise.all([submit(i, key), submit(i, key)]);
        return a && b;
      }
      return submit(i, key);
    });
  }

  const item = (i: number) => ({
    pk: `BENCH#${randomUUID()}`,
    sk: 'SUG',
    title: `公交站台加装遮阳棚 ${i}`,
    content: '人民路多个公交站台没有遮阳棚，夏天候车暴晒、雨天淋雨，建议加装遮阳棚并设置座椅。'.repeat(4),
    status: 'submitted',
    submittedAt: new Date().toISOString(),
  });
  const rawPut = (concurrency: number, total: number) =>
    runConcurrent(total, concurrency, async (i) => {
      await stack.documents.send(new PutCommand({ TableName: stack.tableName, Item: item(i) }));
      return true;
    });

  // The floor under intake: the one atomic write a submission needs (suggestion, tracking code, first timeline
  // entry, idempotency record: four conditional puts in one TransactWriteItems). DynamoDB Local runs transactions
  // one at a time, so under concurrency this alone is several times a plain put.
  const rawTransaction = (concurrency: number, total: number) =>
    runConcurrent(total, concurrency, async (i) => {
      await stack.documents.send(
        new TransactWriteCommand({
          TransactItems: [0, 1, 2, 3].map(() => ({ Put: { TableName: stack.tableName, Item: item(i), ConditionExpression: 'attribute_not_exists(pk)' } })),
        }),
      );
      return true;
    });

  await intake(10, warmup);
  await rawPut(10, warmup);
  await rawTransaction(10, warmup);

  const rows: Record<string, { intake: ReturnType<typeof summary>; put: ReturnType<typeof summary>; tx: ReturnType<typeof summary>; errors: number }> = {};
  for (const c of levels) {
    const put = summary(await rawPut(c, perLevel));
    const tx = summary(await rawTransaction(c, perLevel));
    const run = await intake(c, perLevel);
    rows[c] = { intake: summary(run), put, tx, errors: run.errors };
  }

  // Let queued effects finish, then compare what was accepted with what is stored.
  await new Promise((r) => setTimeout(r, 2000));
  const stored = new Map<string, number>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await stack.documents.send(
      new ScanCommand({ TableName: stack.tableName, FilterExpression: 'sk = :t', ExpressionAttributeValues: { ':t': 'TRACK' }, ExclusiveStartKey: start }),
    );
    for (const it of page.Items ?? []) stored.set(String(it.pk).slice('TRACK#'.length), 1);
    start = page.LastEvaluatedKey;
  } while (start);
  const acceptedCodes = new Set(accepted.values());
  const lost = [...acceptedCodes].filter((code) => !stored.has(code)).length;
  const duplicated = stored.size - acceptedCodes.size + disagreements;

  console.log('\nIntake through the local HTTP API vs raw DynamoDB PutItem (same DynamoDB Local, same run)');
  console.log(`requests per level: ${perLevel} (+${Math.round(perLevel / 10)} concurrent idempotent retries)\n`);
  console.log('concurrency | intake req/s | intake p50 ms | intake p99 ms | put req/s | put p50 ms | put p99 ms | p99 ratio | 4-put tx p99 ms | intake/tx p99 | errors');
  for (const c of levels) {
    const r = rows[c]!;
    console.log(
      [c, r.intake.rps.toFixed(0), r.intake.p50.toFixed(1), r.intake.p99.toFixed(1), r.put.rps.toFixed(0), r.put.p50.toFixed(1), r.put.p99.toFixed(1), (r.intake.p99 / r.put.p99).toFixed(2), r.tx.p99.toFixed(1), (r.intake.p99 / r.tx.p99).toFixed(2), r.errors]
        .map(String)
        .join(' | '),
    );
  }
  console.log(`\naccepted=${acceptedCodes.size} stored=${stored.size}\n`);
  for (const c of levels) {
    const r = rows[c]!;
    console.log(`intake_rps_c${c}=${r.intake.rps.toFixed(1)}`);
    console.log(`intake_p50_ms_c${c}=${r.intake.p50.toFixed(2)}`);
    console.log(`intake_p99_ms_c${c}=${r.intake.p99.toFixed(2)}`);
    console.log(`put_p99_ms_c${c}=${r.put.p99.toFixed(2)}`);
    console.log(`intake_p99_ratio_c${c}=${(r.intake.p99 / r.put.p99).toFixed(2)}`);
    console.log(`tx_p99_ms_c${c}=${r.tx.p99.toFixed(2)}`);
    console.log(`intake_p99_vs_tx_c${c}=${(r.intake.p99 / r.tx.p99).toFixed(2)}`);
  }
  console.log(`errors=${Object.values(rows).reduce((a, r) => a + r.errors, 0)}`);
  console.log(`lost=${lost}`);
  console.log(`duplicated=${duplicated}`);
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
