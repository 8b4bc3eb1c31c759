/**
 * Burst benchmark: more submissions than the local stack serves, for a minute, with the whole stack killed (kill -9
 * of its process group, DynamoDB Local's JVM included) half-way and started again on the same data folder. Each
 * client is one citizen: one suggestion, one Idempotency-Key, its own address, and it retries — after Retry-After,
 * or with backoff when nothing answers — until it is answered, as the web form does.
 *
 * Then, a minute after the end (the workflow sweep runs every minute), it counts from the table and the workflow
 * engine what a citizen and an office would see:
 *   accepted          clients answered with their receipt
 *   stored            suggestions in the table
 *   receipts_missing  stored but never answered to its client (must be 0)
 *   duplicated        a client's suggestion stored more than once (must be 0)
 *   parked            suggestions whose workflow is parked after an error (must be 0)
 *   failed_executions executions that failed, timed out or were aborted (must be 0)
 *   stuck             open suggestions without a running workflow (must be 0)
 *   shed_503          answers telling a client to come back (503 or 429)
 *   server_errors     any other 5xx (must be 0)
 *   unanswered        clients that gave up before an answer (must be 0: each retries for up to 15 minutes)
 * The offered rate is 2.5x what this machine serves: before the burst a calibration submits for 15 s from 10
 * clients at once (as bench:intake's concurrency 10) on the same stack and measures the rate it sustains
 * (`capacity_rps`). Settings: BURST_RATIO (2.5), or BURST_RPS to fix the rate; BURST_SECONDS (60), BURST_KILL_AT (30).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListExecutionsCommand, SFNClient, type ExecutionListItem } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { freePort } from '../infra/local/ports';
import { ensureSynthesized } from '../infra/local/build-steps';
import { projectRoot } from '../infra/local/local-stack';

const ratio = Number(process.env.BURST_RATIO ?? 2.5);
const fixedRps = process.env.BURST_RPS ? Number(process.env.BURST_RPS) : undefined;
const seconds = Number(process.env.BURST_SECONDS ?? 60);
const killAt = Number(process.env.BURST_KILL_AT ?? 30);
/** How long after the load a client keeps trying before it gives up (and counts as unanswered). */
const clientGraceSeconds = 900;

interface StackInfo {
  url: string;
  dynamodb: string;
  sfn: string;
  tableName: string;
  stateMachineArn: string;
}

function startStack(dataDir: string, port: number): Promise<{ child: ChildProcess; info: StackInfo; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'bench', 'burst-stack.ts'), dataDir, String(port)], {
    cwd: projectRoot,
    detached: true, // a process group of its own: kill -9 takes the whole stack, JVM and all
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env },
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buffer += chunk;
      for (const line of buffer.split('\n').slice(0, -1)) {
        if (line.startsWith('{"ready"')) resolve({ child, info: JSON.parse(line) as StackInfo, ms: Date.now() - started });
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
    child.once('exit', (code) => reject(new Error(`the stack exited (${code}) before it was ready`)));
  });
}

function killGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGKILL');
  });
}

interface Answer {
  status: number;
  retryAfter?: number;
  trackingCode?: string;
}

function post(port: number, localAddress: string, key: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/suggestions',
        method: 'POST',
        localAddress,
        agent: false,
        timeout: 15_000,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': key },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          let json: { trackingCode?: string } = {};
          try {
            json = text ? JSON.parse(text) : {};
          } catch {
            /* not JSON: counted by status */
          }
          const retryAfter = Number(res.headers['retry-after']);
          resolve({ status: res.statusCode ?? 0, ...(Number.isFinite(retryAfter) ? { retryAfter } : {}), ...(json.trackingCode ? { trackingCode: json.trackingCode } : {}) });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const burstTitle = '突发提交';
let calibrated = 0;

const submission = (title: string, i: number) =>
  JSON.stringify({
    title,
    content: '活动现场扫码提交的建议：希望在广场增设饮水点和遮阳设施，方便排队的市民。',
    category: 'urban-management',
    channel: 'qr',
    ...(i % 3 === 0 ? { contact: { phone: `137${String(10_000_000 + i).slice(-8)}`, consent: true } } : {}),
  });

/**
 * What this machine serves: 10 clients submitting one after another for 15 s (the first 3 s not counted), with
 * everything a submission sets off (its workflow, the receipts) running beside them, as in the burst.
 */
async function calibrate(port: number): Promise<number> {
  const started = Date.now();
  const countFrom = started + 3000;
  const end = started + 15_000;
  let counted = 0;
  let n = 0;
  await Promise.all(
    Array.from({ length: 10 }, async (_, worker) => {
      while (Date.now() < end) {
        const i = 1_000_000 + n++;
        const answer = await post(port, `127.200.${worker}.${(n % 250) + 1}`, `calibration-${i}`, submission(`校准提交 ${i}`, i)).catch(() => undefined);
        if (answer?.status === 201 && Date.now() >= countFrom && Date.now() < end) counted++;
        if (answer?.status === 201) calibrated++;
      }
    }),
  );
  return counted / ((end - countFrom) / 1000);
}

async function main(): Promise<void> {
  // As npm start does: a fresh clone has no cloud assembly yet.
  await ensureSynthesized(projectRoot, (m) => console.log(m));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jianyi-burst-'));
  const port = await freePort();
  let stack = await startStack(dataDir, port);
  console.log(`stack ready in ${stack.ms} ms`);
  const capacity = await calibrate(port);
  const rps = fixedRps ?? Math.round(capacity * ratio);
  console.log(`capacity ${capacity.toFixed(1)} submissions/s (15 s at concurrency 10); offering ${rps}/s (${(rps / capacity).toFixed(1)}x) for ${seconds} s, kill -9 at ${killAt} s`);

  const counts = { shed: 0, serverErrors: 0, clientErrors: 0, networkFailures: 0, attempts: 0, disagreements: 0 };
  const answered = new Map<string, string>(); // key -> tracking code
  const titles = new Map<string, string>(); // title -> key
  let stackUp = true;
  let killedAt = 0;
  let firstAnswerAfterKill = 0;

  async function citizen(i: number, deadline: number): Promise<void> {
    const key = `burst-${i}-${Math.random().toString(36).slice(2, 10)}`;
    const title = `${burstTitle} ${i}`;
    titles.set(title, key);
    const body = submission(title, i);
    const address = `127.${3 + (i >> 16)}.${(i >> 8) & 255}.${(i & 255) || 1}`;
    for (let attempt = 1; Date.now() < deadline; attempt++) {
      counts.attempts++;
      let answer: Answer;
      try {
        answer = await post(port, address, key, body);
        if (killedAt && !firstAnswerAfterKill && !stackUp) firstAnswerAfterKill = Date.now();
      } catch {
        // Nothing answered (the stack is down, or the connection dropped): back off with jitter.
        counts.networkFailures++;
        await sleep(Math.min(5000, 500 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random() / 2));
        continue;
      }
      if (answer.status === 201 || answer.status === 200) {
        const previous = answered.get(key);
        if (previous && previous !== answer.trackingCode) counts.disagreements++;
        answered.set(key, answer.trackingCode!);
        return;
      }
      if (answer.status === 503 || answer.status === 429) {
        // As the web form does (web/src/submit-retry.ts): never sooner than asked, ever more slowly, spread out.
        counts.shed++;
        await sleep(Math.max(answer.retryAfter ?? 0, Math.min(30, 2 ** Math.min(attempt - 1, 5)) * (0.5 + Math.random() / 2)) * 1000);
        continue;
      }
      if (answer.status >= 500) {
        counts.serverErrors++;
        await sleep(1000);
        continue;
      }
      counts.clientErrors++;
      return;
    }
  }

  // --- The burst: `rps` new citizens a second; the stack killed at `killAt` and started again ----------------
  const started = Date.now();
  const loadEnd = started + seconds * 1000;
  const clientDeadline = loadEnd + clientGraceSeconds * 1000;
  const clients: Promise<void>[] = [];
  let restartMs = 0;
  const restart = (async () => {
    await sleep(killAt * 1000);
    await killGroup(stack.child);
    killedAt = Date.now();
    stackUp = false;
    console.log(`killed the stack (kill -9 of its process group) at ${((Date.now() - started) / 1000).toFixed(1)} s`);
    stack = await startStack(dataDir, port);
    stackUp = true;
    restartMs = stack.ms;
    console.log(`started again in ${stack.ms} ms, at ${((Date.now() - started) / 1000).toFixed(1)} s`);
  })();
  let i = 0;
  while (Date.now() < loadEnd) {
    const due = Math.floor(((Date.now() - started) / 1000) * rps);
    for (; i < due; i++) clients.push(citizen(i, clientDeadline));
    await sleep(20);
  }
  await restart;
  console.log(`${i} citizens started; waiting for every one to be answered`);
  await Promise.all(clients);
  const answeredAt = Date.now();
  console.log(`all answered ${((answeredAt - loadEnd) / 1000).toFixed(1)} s after the load ended (stack up: ${stackUp})`);

  // --- A minute after the end: what the table and the workflow engine say -----------------------------------
  await sleep(Math.max(0, 65_000 - (answeredAt - loadEnd)));
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.info.dynamodb, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new ScanCommand({ TableName: stack.info.tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const suggestions = items.filter((x) => x.type === 'suggestion');
  const idempotency = items.filter((x) => x.type === 'idempotency');

  const sfn = new SFNClient({ endpoint: stack.info.sfn, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const executions: ExecutionListItem[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn: stack.info.stateMachineArn, maxResults: 1000, nextToken }));
    executions.push(...(page.executions ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  const running = new Set(executions.filter((e) => e.status === 'RUNNING').map((e) => e.name!.replace(/-r\d+$/, '')));

  const byTitle = new Map<string, number>();
  for (const s of suggestions.filter((x) => String(x.title).startsWith(burstTitle))) byTitle.set(String(s.title), (byTitle.get(String(s.title)) ?? 0) + 1);
  const duplicated = [...byTitle.values()].reduce((n, c) => n + Math.max(0, c - 1), 0) + counts.disagreements;
  const storedKeys = idempotency.map((x) => String(x.pk).split('#').pop()!).filter((key) => key.startsWith('burst-'));
  const receiptsMissing = storedKeys.filter((key) => !answered.has(key)).length;
  const finished = new Set(['closed', 'rejected', 'merged']);
  const stuck = suggestions.filter((s) => !finished.has(String(s.status)) && !running.has(String(s.id))).length;
  const figures = {
    capacity_rps: Number(capacity.toFixed(1)),
    offered_rps: rps,
    offered_ratio: Number((rps / capacity).toFixed(2)),
    offered: i,
    accepted: answered.size,
    stored: suggestions.filter((x) => String(x.title).startsWith(burstTitle)).length,
    receipts_missing: receiptsMissing,
    duplicated,
    parked: suggestions.filter((s) => s.workflowError).length,
    failed_executions: executions.filter((e) => ['FAILED', 'TIMED_OUT', 'ABORTED'].includes(String(e.status))).length,
    stuck,
    shed_503: counts.shed,
    server_errors: counts.serverErrors,
    client_errors: counts.clientErrors,
    unanswered: i - answered.size - counts.clientErrors,
    network_failures: counts.networkFailures,
    attempts: counts.attempts,
    restart_ms: restartMs,
    // From the kill to the first answer of the new process (it serves while it resumes the open workflows).
    downtime_ms: firstAnswerAfterKill ? firstAnswerAfterKill - killedAt : restartMs,
    in_screening: suggestions.filter((s) => s.status === 'screening').length,
  };
  console.log('');
  console.log(`offered ${figures.offered} submissions (${rps}/s for ${seconds} s), ${figures.attempts} attempts, ${figures.network_failures} without an answer (the stack down), ${figures.shed_503} shed`);
  console.log(`stored ${figures.stored} (and ${calibrated} from the calibration), answered ${figures.accepted}, ${figures.in_screening} in screening a minute after the end`);
  console.log('');
  for (const [name, value] of Object.entries(figures)) console.log(`${name}=${value}`);

  await killGroup(stack.child);
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
