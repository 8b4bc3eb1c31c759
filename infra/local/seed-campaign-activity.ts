/**
 * What the demo campaigns took in (issue 11), written through the same paths the API uses so their figures are the
 * counters the product keeps, exact: responses to the open campaign's questionnaire over its nine days so far (by
 * station, a few from people who came back) and to the closed campaign's, through the response use case at the
 * time each was given; a handful of suggestions to the open campaign from its posters, created with their
 * counters in one transaction and their workflows started as any submission's; and the closed campaign's
 * suggestions (the year of history files them under it) added to its counters as their creation would have.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { scanContributions, shardOf, suggestionContributions } from '../../shared/domain/campaign/aggregate';
import type { Campaign } from '../../shared/domain/campaign/campaign';
import { contactParticipantKey } from '../../shared/domain/campaign/respondent';
import type { Answers } from '../../shared/domain/questionnaire/questionnaire';
import { officeDay } from '../../shared/domain/office-day';
import { submitted } from '../../shared/domain/suggestion/lifecycle';
import { hashPin } from '../../shared/domain/suggestion/pin-hash';
import type { Channel, Suggestion } from '../../shared/domain/suggestion/suggestion';
import { newTrackingCode } from '../../shared/domain/suggestion/tracking-code';
import { counterUpdates } from '../../shared/aws/campaign-counters';
import { DynamoPhoneCodeStore } from '../../shared/aws/dynamo-phone-code-store';
import { DynamoRateLimiter } from '../../shared/aws/dynamo-rate-limiter';
import { DynamoResponseStore } from '../../shared/aws/dynamo-response-store';
import { DynamoSuggestionStore } from '../../shared/aws/dynamo-suggestion-store';
import { submitResponse } from '../../shared/use-cases/campaigns/submit-response';
import { inParallel } from '../../shared/use-cases/in-parallel';

/** Requests in flight while seeding: a fresh start's seeding stays a few seconds. */
const inFlight = 8;

const day = 86_400_000;

/** A small deterministic generator, so every fresh demo shows the same figures. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const whyHard = ['过马路要绕到天桥，老人腿脚不便。', '人行道被电动车占满，推婴儿车过不去。', '晚上路灯太暗，不敢走。', '附近只有一家超市，价格偏高。', '要穿过一段没有人行道的路。'];
const improveFirst = ['社区食堂', '增加公厕', '修好人行道', '多开一条公交线', '增设养老服务站', '菜市场延长营业时间'];

/** One resident's answers to the open campaign's questionnaire (the visible questions only; some skipped). */
function lifeCircleAnswers(random: () => number): Answers {
  const walk = pick(random, ['under-10', '10-15', '10-15', 'over-15', 'over-15']);
  const missing = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, ['canteen', 'canteen', 'elderly-care', 'childcare', 'sports', 'clinic', 'parking'])))];
  const satisfaction = 1 + Math.floor(random() * 5);
  const answers: Answers = {
    'walk-time': walk,
    missing,
    satisfaction,
    services: { cleaning: pick(random, ['good', 'good', 'fair', 'poor']), transport: pick(random, ['good', 'fair', 'fair', 'poor']), safety: pick(random, ['good', 'good', 'fair']) },
  };
  if (walk === 'over-15' && random() < 0.7) answers['over-15-why'] = pick(random, whyHard);
  if (satisfaction <= 3 && random() < 0.8) answers['improve-first'] = pick(random, improveFirst);
  if (random() < 0.6) answers.household = 1 + Math.floor(random() * 5);
  return answers;
}

const lifeCircleIdeas: Array<{ title: string; content: string; category: Suggestion['category']; stationId?: string; channel: Channel }> = [
  { title: '东城社区开一个老年食堂', content: '小区老人多，子女白天上班，建议在东城社区服务中心开设老年食堂，提供平价午餐和送餐服务。', category: 'elderly-and-children', stationId: 'east-community', channel: 'qr' },
  { title: '菜市场到小区之间加一段人行道', content: '从幸福里小区到南街菜市场要走一段没有人行道的路，车很多，建议加装人行道和护栏。', category: 'traffic', stationId: 'mall-screen', channel: 'qr' },
  { title: '社区卫生服务站周末开诊', content: '社区卫生服务站周末不开门，孩子周末发烧只能去大医院排队，建议周末上午开诊。', category: 'health', channel: 'web' },
  { title: '图书馆旁边增设托育点', content: '双职工家庭接孩子难，建议在区图书馆附近的闲置用房设一个普惠托育点。', category: 'elderly-and-children', stationId: 'library', channel: 'qr' },
  { title: '万达广场公交站增加班次', content: '晚上八点以后到万达广场的公交要等半小时以上，建议加密晚间班次。', category: 'traffic', stationId: 'mall-screen', channel: 'qr' },
  { title: '小区里的闲置空地改成健身场地', content: '东城小区 3 号楼旁有块空地长期堆放杂物，建议清理后改成健身场地，加装几件健身器材。', category: 'urban-management', stationId: 'east-community', channel: 'qr' },
];

export interface CampaignActivityOptions {
  db: DynamoDBDocumentClient;
  tableName: string;
  orgId: string;
  now: Date;
  pin: string;
  campaigns: Campaign[];
  /** The seeded year of history (seed-history.ts items): the closed campaign's suggestions among them. */
  historySuggestions: Suggestion[];
  startWorkflow?: (suggestionId: string) => Promise<void>;
}

/** Returns how many suggestions it added (the open campaign's). */
export async function seedCampaignActivity(options: CampaignActivityOptions): Promise<number> {
  const { db, tableName, orgId, now } = options;
  const responses = new DynamoResponseStore(db, tableName);
  // A demo-only secret: it keys the seeded respondents' and participants' hashes, which nothing later compares.
  const secret = async () => 'demo-seed-respondents';
  // The campaign as it stood when each response came: the closed one was open then.
  const asItWas = new Map(options.campaigns.map((c) => [c.id, { ...c, state: c.state === 'published' || c.state === 'closed' ? ('open' as const) : c.state }]));
  const deps = {
    campaigns: { get: async (_orgId: string, id: string) => asItWas.get(id) },
    responses,
    phoneCodes: new DynamoPhoneCodeStore(db, tableName),
    rateLimiter: new DynamoRateLimiter(db, tableName),
    clock: { now: () => now },
    secret,
  };
  const random = generator(20261201);
  for (const campaign of options.campaigns) {
    if (!campaign.questionnaire || (campaign.state !== 'open' && campaign.state !== 'published')) continue;
    const count = campaign.state === 'open' ? 90 : 120;
    const from = Date.parse(campaign.opensAt);
    const until = Math.min(Date.parse(campaign.closesAt), now.getTime() - 3_600_000);
    const stations = ['', ...campaign.stations.map((s) => s.id)];
    // The posters' QR codes were scanned more often than people answered (each scan once per visit).
    const scans = Array.from({ length: Math.round(count * 1.3) }, (_, i) => ({ i, stationId: pick(random, campaign.stations.map((s) => s.id)) }));
    await inParallel(scans, inFlight, async ({ i, stationId }) => {
      if (stationId) await responses.recordScan(orgId, campaign.id, `demo-visit-${campaign.id}-${i}`, scanContributions(stationId));
    });
    // Drawn first (the same figures every time), then sent a few at a time, each at the moment it was given.
    const given = Array.from({ length: count }, (_, i) => {
      // More on the first days (the announcement), fewer later.
      const at = new Date(from + random() ** 1.6 * (until - from));
      const answers =
        campaign.state === 'open'
          ? lifeCircleAnswers(random)
          : { 'heard-from': pick(random, ['poster', 'wechat', 'wechat', 'friends']), 'worth-it': 3 + Math.floor(random() * 3) };
      const stationId = pick(random, stations);
      // Now and then the same person answers again (the campaigns' policy allows it): one participant.
      const person = Math.floor(i * (random() < 0.1 ? 0.5 : 1));
      return { at, answers, stationId, person };
    });
    await inParallel(given, inFlight, async ({ at, answers, stationId, person }) => {
      await submitResponse(
        { ...deps, clock: { now: () => at } },
        {
          orgId,
          campaignId: campaign.id,
          locale: 'zh-CN',
          body: { responseId: ulid(at.getTime()), answers, ...(stationId ? { stationId } : {}), browserId: `demo-resident-${String(person).padStart(6, '0')}` },
        },
      );
    });
  }

  // The open campaign's suggestions, each created with its counters in the create transaction.
  const lifeCircle = options.campaigns.find((c) => c.id === 'life-circle-2026');
  if (lifeCircle) {
    const store = new DynamoSuggestionStore(db, tableName);
    for (const [index, idea] of lifeCircleIdeas.entries()) {
      const submittedAt = new Date(now.getTime() - (lifeCircleIdeas.length - index) * 0.3 * day);
      const { suggestion, entry } = submitted(
        {
          id: ulid(submittedAt.getTime()),
          orgId,
          trackingCode: newTrackingCode((n) => new Uint8Array(randomBytes(n))),
          pinHash: hashPin(options.pin),
          title: idea.title,
          content: idea.content,
          category: idea.category,
          channel: idea.channel,
          campaignId: lifeCircle.id,
          ...(idea.stationId ? { stationId: idea.stationId } : {}),
          contact: { name: `居民${index + 1}`, phone: `137${String(20000000 + index * 4111).slice(0, 8)}`, consent: true },
          dueAt: new Date(submittedAt.getTime() + day).toISOString(),
          submittedAt: submittedAt.toISOString(),
        },
        { type: 'citizen', id: 'citizen' },
      );
      const counters = suggestionContributions({ day: officeDay(suggestion.submittedAt), channel: suggestion.channel, category: suggestion.category, ...(suggestion.stationId ? { stationId: suggestion.stationId } : {}) });
      await store.create(suggestion, entry, undefined, { campaignId: lifeCircle.id, shardKey: suggestion.id, counters });
      const participant = contactParticipantKey(await secret(), orgId, lifeCircle.id, suggestion.contact);
      if (participant) await responses.countParticipant(orgId, lifeCircle.id, participant);
      await options.startWorkflow?.(suggestion.id);
    }
  }

  // The closed campaign's suggestions from the history: what each one's creation added to the counters.
  await inParallel(options.historySuggestions, inFlight, async (s) => {
    if (!s.campaignId) return;
    const counters = suggestionContributions({ day: officeDay(s.submittedAt), channel: s.channel, category: s.category, ...(s.stationId ? { stationId: s.stationId } : {}) });
    await db.send(new TransactWriteCommand({ TransactItems: counterUpdates(tableName, orgId, s.campaignId, shardOf(s.id), counters) }));
    const participant = contactParticipantKey(await secret(), orgId, s.campaignId, s.contact);
    if (participant) await responses.countParticipant(orgId, s.campaignId, participant);
  });
  return lifeCircle ? lifeCircleIdeas.length : 0;
}
