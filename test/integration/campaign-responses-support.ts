/**
 * What the campaign response tests share: a campaign written straight into the table (as the campaign store writes
 * it), requests from many client addresses (the local origin sets the viewer's address from the socket, and
 * responses are limited per address), and the recount of a campaign's figures from its stored responses.
 */
import { request, Agent } from 'node:http';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCampaignStore } from '../../shared/aws/dynamo-campaign-store';
import { figuresFromCounters, responseContributions, sumCounters } from '../../shared/domain/campaign/aggregate';
import type { Campaign, ResponsePolicy } from '../../shared/domain/campaign/campaign';
import type { CampaignFigures } from '../../shared/domain/campaign/figures';
import type { CampaignResponse } from '../../shared/domain/campaign/response';
import { officeDay } from '../../shared/domain/office-day';
import type { Questionnaire } from '../../shared/domain/questionnaire/questionnaire';

export function campaignRecord(id: string, questionnaire: Questionnaire, options: { policy?: ResponsePolicy; state?: Campaign['state']; opensAt?: Date; closesAt?: Date } = {}): Campaign {
  const now = Date.now();
  return {
    orgId: 'demo',
    id,
    title: `问卷 ${id}`,
    theme: '公共交通满意度调查',
    categories: ['traffic'],
    opensAt: (options.opensAt ?? new Date(now - 3600_000)).toISOString(),
    closesAt: (options.closesAt ?? new Date(now + 86_400_000)).toISOString(),
    targetDepartmentIds: ['transport'],
    questionnaire,
    responsePolicy: options.policy ?? 'any',
    stations: [
      { id: 'mall', name: '万达广场' },
      { id: 'library', name: '市图书馆' },
    ],
    state: options.state ?? 'open',
    history: [],
    createdAt: new Date(now).toISOString(),
    createdBy: 'organizer',
    updatedAt: new Date(now).toISOString(),
    version: 1,
  };
}

export async function createCampaign(db: DynamoDBDocumentClient, tableName: string, campaign: Campaign): Promise<void> {
  await new DynamoCampaignStore(db, tableName).create(campaign, { orgId: 'demo', at: campaign.createdAt, actor: { id: 'organizer', role: 'organizer' }, action: 'createCampaign', target: campaign.id });
}

const agents = new Map<string, Agent>();
/** A keep-alive connection from loopback address 127.2.x.y (Linux answers on all of 127.0.0.0/8). */
function agentFor(client: number): Agent {
  const address = `127.2.${Math.floor(client / 250) % 250}.${(client % 250) + 1}`;
  let agent = agents.get(address);
  if (!agent) agents.set(address, (agent = new Agent({ keepAlive: true, localAddress: address })));
  return agent;
}

export function closeAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** POSTs JSON from client `client`'s own address; answers status and parsed body. */
export function postFrom(base: string, client: number, path: string, json: unknown, lang = 'zh-CN'): Promise<{ status: number; body: any }> {
  const url = new URL(path, base);
  const payload = JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: agentFor(client),
        headers: { 'content-type': 'application/json', 'accept-language': lang, 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            /* keep the text */
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** As the page does: a 503 (shed under load) or a dropped connection is tried again with the same body. */
export async function postWithRetry(base: string, client: number, path: string, json: unknown): Promise<{ status: number; body: any; tries: number }> {
  for (let tries = 1; ; tries++) {
    const r = await postFrom(base, client, path, json).catch(() => ({ status: 0, body: undefined }));
    if ((r.status !== 503 && r.status !== 0) || tries >= 20) return { ...r, tries };
    await new Promise((resolve) => setTimeout(resolve, 50 * tries));
  }
}

/** Every stored response of the campaign (a consistent scan of the table: the truth the counters must match). */
export async function storedResponses(db: DynamoDBDocumentClient, tableName: string, campaignId: string): Promise<CampaignResponse[]> {
  const out: CampaignResponse[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#type = :type AND #response.campaignId = :c',
        ExpressionAttributeNames: { '#type': 'type', '#response': 'response' },
        ExpressionAttributeValues: { ':type': 'campaignResponse', ':c': campaignId },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    out.push(...((page.Items ?? []).map((item) => item.response) as CampaignResponse[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** The figures the stored responses imply (participants given apart: they are people, not responses). */
export function recount(questionnaire: Questionnaire, responses: readonly CampaignResponse[], participants: number): CampaignFigures {
  const counters = sumCounters(
    responses.map((r) => responseContributions(questionnaire, r.answers, { day: officeDay(r.receivedAt), ...(r.stationId ? { stationId: r.stationId } : {}) })),
  );
  return figuresFromCounters({ ...counters, ...(participants ? { p: participants } : {}) });
}
