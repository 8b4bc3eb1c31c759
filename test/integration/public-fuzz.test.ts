/**
 * Fuzzing every public input through the local HTTP origin (the same handlers that deploy): intake, tracking, the
 * answer to an information request, the rating and the staff login. Whatever the body, headers and path, the
 * answer is a success or a JSON 4xx whose error names the problem — never a 5xx, never a stack trace — and a
 * refused request writes nothing: the table's items are counted before and after each one.
 *
 * Not counted: the rate-limit windows (RATE#…). Counting a request is what a rate limit does, and a refused lookup
 * must be counted, or guessing PINs would be free. Each request comes from its own loopback address (Linux answers
 * on all of 127.0.0.0/8), so the per-address limits do not turn the whole run into 429s.
 */
import { request as httpRequest } from 'node:http';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestStack, validSubmission, type TestStack } from './harness';

let t: TestStack;
const known: { code: string; pin: string }[] = [];

beforeAll(async () => {
  t = await startTestStack({ seed: false });
  for (let i = 0; i < 3; i++) {
    const r = await t.api('/api/suggestions', { method: 'POST', json: { ...validSubmission, title: `模糊测试 ${i}` } });
    known.push({ code: r.body.trackingCode, pin: r.body.pin });
  }
  // Their workflows first put them in screening; only then is the table quiet.
  for (const k of known) {
    await eventually(async () => ((await t.api(`/api/suggestions/${k.code}`, { headers: { 'x-tracking-pin': k.pin } })).body.status === 'screening' ? true : undefined));
  }
  await t.settle(1000);
});
afterAll(async () => t?.stop());

/** The keys of the items that are records (everything but the rate-limit windows). */
async function recordKeys(): Promise<Set<string>> {
  const out = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.stack.documents.send(
      new ScanCommand({
        TableName: t.stack.tableName,
        ProjectionExpression: 'pk, sk',
        FilterExpression: 'NOT begins_with(pk, :rate)',
        ExpressionAttributeValues: { ':rate': 'RATE#' },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    for (const item of page.Items ?? []) out.add(`${item.pk} ${item.sk}`);
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

interface Probe {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** Answers seen, by status, for the run's summary line. */
const statuses = new Map<number, number>();
let addressCounter = 0;
function nextAddress(): string {
  addressCounter++;
  return `127.${10 + ((addressCounter >> 16) % 200)}.${(addressCounter >> 8) & 255}.${(addressCounter & 255) || 1}`;
}

function send(probe: Probe): Promise<Answer> {
  const url = new URL(t.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: probe.path, method: probe.method, localAddress: nextAddress(), agent: false, headers: probe.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(probe.body);
  });
}

const stackTrace = /\n\s+at\s|\.(ts|mjs|js):\d+|node_modules|TypeError|ReferenceError|SyntaxError: /;

/** Checks one answer; a refusal must have changed nothing. Returns what is wrong, if anything. */
async function check(probe: Probe): Promise<string | undefined> {
  const before = await recordKeys();
  const answer = await send(probe);
  statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  const what = `${probe.method} ${probe.path} ${JSON.stringify(probe.headers).slice(0, 200)} ${probe.body?.toString('utf8').slice(0, 200) ?? ''} -> ${answer.status} ${answer.text.slice(0, 300)}`;
  if (answer.status >= 500) return `server error: ${what}`;
  if (stackTrace.test(answer.text)) return `stack trace: ${what}`;
  if (answer.status >= 400) {
    if (!/json/.test(answer.contentType)) return `not JSON: ${what}`;
    let body: { error?: { code?: unknown; message?: unknown; fields?: Record<string, unknown> } };
    try {
      body = JSON.parse(answer.text);
    } catch {
      return `unparseable JSON: ${what}`;
    }
    // API Gateway's JWT authorizer answers a staff route without a valid token itself, in its own documented shape.
    const authorizer = answer.status === 401 && probe.path.startsWith('/api/staff/') && (body as { message?: unknown }).message === 'Unauthorized';
    if (!authorizer && (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string' || !body.error?.message)) return `no error code and message: ${what}`;
    if (body.error?.code === 'validation_failed' && (!body.error.fields || !Object.keys(body.error.fields).length)) return `validation error naming no field: ${what}`;
    const written = [...(await recordKeys())].filter((k) => !before.has(k));
    if (written.length) return `refused, yet written ${written.join(', ')}: ${what}`;
  } else {
    // A success may set off background work (a workflow, a receipt): let it finish before the next count.
    await t.settle(500);
  }
  return undefined;
}

// --- Arbitraries ------------------------------------------------------------------------------------------
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,80}$/).map((v) => v.trim());
const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).filter((n) => !['content-length', 'host', 'connection', 'transfer-encoding', 'expect', 'upgrade', 'te', 'trailer', 'keep-alive'].includes(n));
const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/merge-patch+json', '', 'multipart/form-data; boundary=x', 'application/jsonx') },
);
/** Mostly the valid value, sometimes something else: deep paths get reached, and each field gets broken. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<U>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: other });
const acceptLanguage = fc.oneof(fc.constantFrom('zh-CN', 'en', 'en-GB,en;q=0.9', '*', 'fr', 'zh-TW;q=0.5,en;q=0.1', ''), headerValue);

/** Bodies: random JSON, strings, bytes, oversize, and near-valid submissions with one field broken. */
const nearValidSubmission = fc
  .record({
    title: mostly(fc.string({ minLength: 1, maxLength: 100 }).filter((v) => v.trim().length > 0), fc.oneof(fc.string({ maxLength: 120 }), fc.integer(), fc.constant(null))),
    content: mostly(fc.constant(validSubmission.content), fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.string()))),
    category: mostly(fc.constantFrom('traffic', 'environment'), fc.oneof(fc.constantFrom('nope', ''), fc.string())),
    channel: mostly(fc.constantFrom('web', 'qr', 'hotline'), fc.oneof(fc.constantFrom('WEB', ''), fc.string())),
    location: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.record({ address: fc.string({ maxLength: 250 }), lat: fc.double(), long: fc.oneof(fc.double(), fc.string()) }, { requiredKeys: [] }) }),
    contact: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.record({ phone: mostly(fc.constant('13812345678'), fc.oneof(fc.constantFrom('1381234567', '+8613812345678'), fc.string())), email: fc.oneof(fc.emailAddress(), fc.string()), consent: mostly(fc.constant(true), fc.oneof(fc.boolean(), fc.string())) }, { requiredKeys: [] }) },
    ),
    campaignId: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.string({ maxLength: 80 }) }),
    website: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.oneof(fc.constant(''), fc.string({ maxLength: 20 })) }),
  }, { requiredKeys: ['title', 'content', 'category', 'channel'] })
  .chain((base) => fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue(), { maxKeys: 2 }) }).map((extra) => ({ ...extra, ...base })));

const jsonBody = fc.oneof(
  { weight: 8, arbitrary: nearValidSubmission.map((v) => Buffer.from(JSON.stringify(v))) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.constantFrom(Buffer.from('{"title":"'.padEnd(80_000, 'x')), Buffer.from('['.repeat(5000)), Buffer.from(''), Buffer.from('{"__proto__":{"admin":true}}')) },
  { weight: 1, arbitrary: fc.record({ rating: fc.oneof(fc.constantFrom('satisfied', 'basic', 'dissatisfied'), fc.string()), resolved: fc.oneof(fc.constantFrom('yes', 'partly', 'no'), fc.string()), comment: fc.string({ maxLength: 600 }), answer: fc.string({ maxLength: 3000 }) }, { requiredKeys: [] }).map((v) => Buffer.from(JSON.stringify(v))) },
);

const extraHeaders = fc.dictionary(headerName, headerValue, { maxKeys: 3 });

/** A tracking code segment: real, near-real, or junk, URL-encoded as a client would send it. */
const codeSegment = fc.oneof(
  fc.constantFrom(...['', '..', '%2e%2e', '%00', 'ABCDEFGH', 'abcd-efgh', '12345678', encodeURIComponent('🙂🙂'), '%E4%B8%AD'.repeat(3), 'A'.repeat(300)]),
  fc.integer({ min: 0, max: 2 }).map((i) => (known[i] ? known[i]!.code : 'ABCDEFGH')),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);
const pinHeader = fc.oneof(fc.constant(undefined), fc.constantFrom('246810', '000000', '12345', '1234567', 'abcdef', ''), fc.integer({ min: 0, max: 2 }).map((i) => known[i]?.pin), headerValue);

function probeOf(method: string, path: string, body: Buffer | undefined, headers: Record<string, string | undefined>): Probe {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) clean[k] = v;
  if (body) clean['content-length'] = String(body.length);
  return { method, path, headers: clean, ...(body ? { body } : {}) };
}

async function fuzz(arbitrary: fc.Arbitrary<Probe>, numRuns: number): Promise<void> {
  const problems: string[] = [];
  statuses.clear();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (probe) => {
      const problem = await check(probe);
      if (problem) problems.push(problem);
      return problem === undefined;
    }),
    { numRuns, endOnFailure: true },
  ).catch((error: unknown) => {
    throw new Error(`${problems[0] ?? ''}\n${String(error).slice(0, 2000)}`);
  });
  expect(problems).toEqual([]);
  console.log(`fuzz: ${numRuns} runs, answers by status ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
}

describe('fuzzing the public inputs', () => {
  const runs = 150;

  it('intake: POST /api/suggestions with any body and headers', async () => {
    await fuzz(
      fc.record({ body: fc.option(jsonBody, { nil: undefined }), type: contentType, lang: acceptLanguage, key: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/) }, { weight: 1, arbitrary: headerValue }), extra: extraHeaders, method: fc.oneof({ weight: 6, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'GET') }) }).map((p) =>
        probeOf(p.method, '/api/suggestions', p.body, { ...p.extra, 'content-type': p.type || undefined, 'accept-language': p.lang, 'idempotency-key': p.key }),
      ),
      runs,
    );
  }, 150_000);

  it('tracking: GET /api/suggestions/{code} with any code, PIN and headers', async () => {
    await fuzz(
      fc.record({ code: codeSegment, pin: pinHeader, lang: acceptLanguage, extra: extraHeaders, query: fc.option(fc.string({ maxLength: 30 }).map(encodeURIComponent), { nil: undefined }) }).map((p) =>
        probeOf('GET', `/api/suggestions/${p.code}${p.query !== undefined ? `?${p.query}` : ''}`, undefined, { ...p.extra, 'x-tracking-pin': p.pin, 'accept-language': p.lang }),
      ),
      runs,
    );
  }, 150_000);

  it('the citizen\'s answer and rating: POST /api/suggestions/{code}/info-answer and /rating', async () => {
    await fuzz(
      fc.record({ code: codeSegment, pin: pinHeader, action: fc.constantFrom('info-answer', 'rating', 'rating/', 'RATING'), body: fc.option(jsonBody, { nil: undefined }), type: contentType, lang: acceptLanguage, extra: extraHeaders }).map((p) =>
        probeOf('POST', `/api/suggestions/${p.code}/${p.action}`, p.body, { ...p.extra, 'x-tracking-pin': p.pin, 'content-type': p.type || undefined, 'accept-language': p.lang }),
      ),
      runs,
    );
  }, 150_000);

  it('staff login: POST /idp/login (and its password steps) with any body', async () => {
    const loginBody = fc.oneof(
      fc.record({ username: fc.oneof(fc.constantFrom('admin', 'dispatcher', 'nobody', ''), fc.string({ maxLength: 80 })), password: fc.oneof(fc.constant('jianyi-demo'), fc.string({ maxLength: 80 })) }, { requiredKeys: [] }).map((v) => Buffer.from(JSON.stringify(v))),
      jsonBody,
    );
    await fuzz(
      fc.record({ path: fc.constantFrom('/idp/login', '/idp/new-password', '/idp/change-password', '/idp/login/', '/idp/%2e%2e/login'), method: fc.constantFrom('POST', 'POST', 'GET', 'PUT'), body: fc.option(loginBody, { nil: undefined }), type: contentType, lang: acceptLanguage }).map((p) =>
        probeOf(p.method, p.path, p.body, { 'content-type': p.type || undefined, 'accept-language': p.lang }),
      ),
      runs,
    );
  }, 150_000);

  it('any other path under /api answers a JSON 404 or 405, never a 5xx', async () => {
    await fuzz(
      fc.record({ segments: fc.array(fc.oneof(fc.string({ maxLength: 12 }).map(encodeURIComponent), fc.constantFrom('staff', 'suggestions', '..', '%2F', 'health')), { maxLength: 4 }), method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH') }).map((p) =>
        probeOf(p.method, `/api/${p.segments.join('/')}`, undefined, {}),
      ),
      runs,
    );
  }, 150_000);
});
