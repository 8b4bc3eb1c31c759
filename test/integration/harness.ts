/**
 * Integration tests run the real handlers (the synthesized bundles) against DynamoDB Local, fauxqs and the local
 * Step Functions, through the same HTTP origin `npm start` serves — one stack per test file, in memory.
 * Every endpoint is checked to be on this machine before anything is sent.
 */
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../infra/local/local-stack';
import { assertLocalEndpoint } from '../../infra/local/ports';

export interface TestStack {
  stack: LocalStack;
  url: string;
  /** A token for a demo user; `claims` override what the token says (the API must not believe them). */
  token(username: string, options?: { expiresAt?: number; claims?: Record<string, unknown> }): Promise<string>;
  api(path: string, init?: RequestInit & { json?: unknown; token?: string; lang?: string }): Promise<{ status: number; headers: Headers; body: any }>;
  /** Every item in the table, for "nothing was written" checks. */
  snapshot(): Promise<string[]>;
  /** Waits until background work (seeded workflows, queued notifications) has stopped writing. */
  settle(quietMs?: number): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startTestStack(options: LocalStackOptions = {}): Promise<TestStack> {
  const endpoint = inject('dynamodbEndpoint');
  assertLocalEndpoint(endpoint);
  const stack = await startLocalStack({
    schedules: false,
    // The year of history is for the demo's dashboard; each test file's table is seeded without it (fast).
    seedHistory: false,
    log: () => undefined,
    database: { endpoint, tableName: `jianyi-test-${randomUUID().slice(0, 8)}` },
    ...options,
  });
  for (const endpoint of Object.values(stack.endpoints)) assertLocalEndpoint(endpoint);
  assertLocalEndpoint(stack.url);
  const idp = stack.identityProvider;
  if (!idp?.issueToken) throw new Error('the dev identity provider did not load');
  async function snapshot(): Promise<string[]> {
    const keys: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await stack.documents.send(new ScanCommand({ TableName: stack.tableName, ExclusiveStartKey: start, ConsistentRead: true }));
      for (const item of page.Items ?? []) keys.push(`${item.pk} ${item.sk} v${item.version ?? ''}`);
      start = page.LastEvaluatedKey;
    } while (start);
    return keys.sort();
  }
  return {
    stack,
    url: stack.url,
    token: (username, tokenOptions) => (idp.issueToken as (u: string, o?: { expiresAt?: number; claims?: Record<string, unknown> }) => Promise<string>)(username, tokenOptions),
    async api(path, init = {}) {
      const { json, token, lang, headers, ...rest } = init;
      const response = await fetch(`${stack.url}${path}`, {
        ...rest,
        headers: {
          ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          'accept-language': lang ?? 'zh-CN',
          ...(headers as Record<string, string> | undefined),
        },
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text so a failing assertion shows it */
      }
      return { status: response.status, headers: response.headers, body };
    },
    snapshot,
    async settle(quietMs = 1500) {
      let last = await snapshot();
      for (let round = 0; round < 40; round++) {
        await new Promise((r) => setTimeout(r, quietMs));
        const now = await snapshot();
        if (now.join('\n') === last.join('\n')) return now;
        last = now;
      }
      throw new Error('background writes did not settle');
    },
    stop: () => stack.stop(),
  };
}

/** Polls until `check` returns a value (not undefined) or the time runs out. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const validSubmission = {
  title: '公交站台加装遮阳棚',
  content: '人民路多个公交站台没有遮阳棚，夏天候车暴晒，建议加装。',
  category: 'traffic',
  channel: 'web',
};

/**
 * Submits a suggestion as a citizen and waits until the workflow has put it in screening, where the dispatcher
 * finds it in the queue. Returns its id, tracking code and PIN.
 */
export async function submitForScreening(
  t: TestStack,
  dispatcherToken: string,
  json: unknown = validSubmission,
  lang?: string,
): Promise<{ id: string; code: string; pin: string }> {
  const r = await t.api('/api/suggestions', { method: 'POST', json, ...(lang ? { lang } : {}) });
  if (r.status !== 201) throw new Error(`submission refused: ${r.status} ${JSON.stringify(r.body)}`);
  const item = await eventually(async () => {
    const q = await t.api('/api/staff/suggestions?status=screening&limit=100', { token: dispatcherToken });
    // On a loaded machine a cold function can time out once (a 500 with no items); the poll simply asks again.
    return q.status === 200 ? q.body.items.find((i: { trackingCode: string }) => i.trackingCode === r.body.trackingCode) : undefined;
  });
  return { id: item.id, code: r.body.trackingCode, pin: r.body.pin };
}

/**
 * A campaign taking submissions now (open for a year, every category), created and scheduled by the demo organizer
 * through the API: what a suggestion with this campaignId needs (submissions name only existing campaigns).
 */
export async function openCampaign(t: TestStack, id: string): Promise<void> {
  const organizer = await t.token('organizer');
  const created = await t.api('/api/staff/campaigns', {
    method: 'POST',
    token: organizer,
    json: {
      id,
      title: `测试专题 ${id}`,
      theme: '测试用的专题征集',
      categories: ['traffic', 'housing', 'urban-management', 'health', 'education', 'environment', 'economy', 'telecom', 'elderly-and-children', 'public-safety', 'other'],
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      targetDepartmentIds: [],
      responsePolicy: 'any',
      stations: [],
    },
  });
  if (created.status !== 201) throw new Error(`campaign not created: ${created.status} ${JSON.stringify(created.body)}`);
  const scheduled = await t.api(`/api/staff/campaigns/${id}/state`, { method: 'POST', token: organizer, json: { action: 'schedule', version: 1 } });
  if (scheduled.status !== 200) throw new Error(`campaign not scheduled: ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
}
