/**
 * Demo data for a first `npm start`: one organisation (a district suggestion office), the departments of the
 * practice examples, one staff user per role, and ~30 suggestions adapted from ../shared/data (copied into
 * seed-data/) spread over the lifecycle. Every suggestion is built through the domain's lifecycle, so its
 * timeline is what the real system would have written.
 */
import { readFileSync } from 'node:fs';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { randomBytes } from 'node:crypto';
import type { Category } from '../../shared/domain/intake/categories';
import { submitted, transition, type Action } from '../../shared/domain/suggestion/lifecycle';
import { hashPin } from '../../shared/domain/suggestion/pin-hash';
import { handlingDueAt, screeningDueAt, signDueAt } from '../../shared/domain/suggestion/phase-deadlines';
import type { Actor, Channel, Suggestion, Tier, TimelineEntry } from '../../shared/domain/suggestion/suggestion';
import { newTrackingCode } from '../../shared/domain/suggestion/tracking-code';
import type { StaffProfile, StaffRole } from '../../shared/http/api-types';
import { keys } from '../../shared/model/table';
import { staffProfileItems } from '../../shared/aws/dynamo-directory';
import { suggestionItem } from '../../shared/aws/dynamo-suggestion-store';
import { hashPassword } from '../../shared/aws/dev-password';
import { seedAdoptions } from './seed-adoptions';
import { historyItems } from './seed-history';
import { seedTopicsDemo } from './seed-topics';
import { seedCampaigns } from './seed-campaigns';
import { seedCampaignActivity } from './seed-campaign-activity';
// Issue 12: integrations and Open311
import { seedIntegrations } from './seed-integrations';
import { toSuggestion } from '../../shared/aws/dynamo-suggestion-store';

export const demoOrgId = 'demo';
export const demoPassword = 'jianyi-demo';
/** Every seeded suggestion shares this PIN so a person can try tracking them. */
export const demoPin = '246810';

interface Example {
  title: string;
  content: string;
  category: Category;
  department: string;
  tier: Tier;
  outcome?: string;
  adopted?: boolean;
  /** Seeded with a workflow error recorded, so page 流程异常 has something to resume. */
  parked?: boolean;
}
interface PracticeData {
  departments: { id: string; name: string; en: string }[];
  examples: Example[];
}

const practice = JSON.parse(readFileSync(new URL('./seed-data/practice-examples.json', import.meta.url), 'utf8')) as PracticeData;

const staff: (Omit<StaffProfile, 'orgId'> & { role: StaffRole })[] = [
  { username: 'admin', name: '管理员 王敏', role: 'admin', email: 'admin@demo.jianyi.local' },
  { username: 'dispatcher', name: '征集办 李静', role: 'dispatcher', email: 'dispatcher@demo.jianyi.local', phone: '13800000001' },
  { username: 'handler-transport', name: '交通运输局 赵强', role: 'handler', departmentId: 'transport', email: 'transport@demo.jianyi.local', phone: '13800000002' },
  { username: 'handler-urban', name: '城市管理局 孙丽', role: 'handler', departmentId: 'urban-mgmt', email: 'urban@demo.jianyi.local', phone: '13800000003' },
  { username: 'supervisor', name: '督查室 周涛', role: 'supervisor', email: 'supervisor@demo.jianyi.local', phone: '13800000004' },
  { username: 'organizer', name: '专题征集 吴芳', role: 'organizer', email: 'organizer@demo.jianyi.local' },
  { username: 'viewer', name: '观察员 郑洁', role: 'viewer' },
  // Issue 12: staff entry and callbacks — the hotline's operator (12345 接线员), who enters calls as suggestions.
  { username: 'operator', name: '热线接线员 陈晨', role: 'operator', email: 'operator@demo.jianyi.local' },
];

const extraExamples: Example[] = [
  { title: '地铁站增设无障碍电梯', content: '本区地铁站出入口只有楼梯，老人和推婴儿车的家长进出困难，建议增设无障碍电梯。', category: 'traffic', department: 'transport', tier: 'study' },
  { title: '公交站台加装遮阳棚', content: '人民路多个公交站台没有遮阳棚，夏天候车暴晒、雨天淋雨，建议加装。', category: 'traffic', department: 'transport', tier: 'deadline' },
  { title: '小区门口路面坑洼', content: '幸福小区门口路面多处坑洼，雨后积水，电动车经过容易滑倒，建议尽快修补。', category: 'urban-management', department: 'urban-mgmt', tier: 'immediate' },
  { title: '社区食堂延长供餐时间', content: '社区老年食堂只供应午餐，建议增加晚餐供应，方便独居老人。', category: 'elderly-and-children', department: 'civil-affairs', tier: 'deadline' },
  { title: '夜间施工噪音扰民', content: '滨河路工地经常夜间施工到凌晨，噪音很大，影响周边居民休息。', category: 'environment', department: 'ecology', tier: 'immediate' },
  { title: '学校周边增设护学岗', content: '实验小学放学时段车流混乱，建议增设护学岗和临时停车区。', category: 'education', department: 'traffic-police', tier: 'deadline' },
  { title: '河道护栏破损', content: '滨河步道约两百米护栏松动破损，夜间散步的老人和孩子有跌落危险，建议尽快修复。', category: 'urban-management', department: 'urban-mgmt', tier: 'immediate', parked: true },
];

/** How far along the lifecycle each seeded suggestion is, cycling so every status appears. */
const plans: Action[][] = [
  ['beginScreening', 'assign', 'sign', 'reply', 'rate'],
  ['beginScreening', 'assign', 'sign', 'reply'],
  ['beginScreening', 'reject'],
  ['beginScreening', 'assign'],
  ['beginScreening', 'assign', 'sign', 'reply', 'rate'],
  ['beginScreening', 'assign', 'sign'],
];

const channelsCycle: Channel[] = ['web', 'qr', 'hotline', 'miniapp', 'offline', 'web'];

export interface SeedOptions {
  tableName: string;
  dynamodb: DynamoDBDocumentClient;
  now?: Date;
  /** Called for each seeded suggestion whose workflow should run (see `workflows`). */
  startWorkflow?: (suggestionId: string) => Promise<void>;
  /**
   * Which seeded suggestions get a workflow: 'new' (still before screening, like a fresh submission) or 'open'
   * (every one not closed, rejected or merged: the planner picks each up where it stands, so a demo shows
   * reminders, escalations and auto-closes on the seeded data too). @default 'new'
   */
  workflows?: 'new' | 'open';
  /** Issue 12: the secret integration keys are hashed under (the local PIN secret); without it no demo key. */
  integrationSecret?: string;
  /** Add a year of finished casework (seed-history.ts) for the rates to show. @default true */
  history?: boolean;
}

export interface SeedResult {
  logins: { username: string; password: string; role: string; departmentId?: string }[];
  suggestions: number;
  pin: string;
}

async function writeAll(db: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length) {
      const result = await db.send(new BatchWriteCommand({ RequestItems: request }));
      request = result.UnprocessedItems as typeof request;
    }
  }
}

function actorFor(action: Action, example: Example): Actor {
  switch (action) {
    case 'beginScreening':
      return { type: 'system', id: 'workflow' };
    case 'assign':
    case 'reject':
      return { type: 'staff', id: 'dispatcher', role: 'dispatcher', name: '征集办 李静' };
    case 'sign':
    case 'reply':
      return { type: 'staff', id: `handler-${example.department}`, role: 'handler' };
    default:
      return { type: 'citizen', id: 'citizen' };
  }
}

export async function seedDemoData(options: SeedOptions): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const items: Record<string, unknown>[] = [
    { ...keys.organisation(demoOrgId), type: 'organisation', id: demoOrgId, name: '示范区人民建议征集办公室', en: 'Demo District Suggestion Office' },
    ...practice.departments.map((d) => ({ ...keys.department(demoOrgId, d.id), type: 'department', ...d })),
  ];
  for (const s of staff) {
    items.push(...staffProfileItems({ ...s, orgId: demoOrgId }));
    items.push({ ...keys.devLogin(s.username), type: 'devLogin', orgId: demoOrgId, passwordHash: hashPassword(demoPassword) });
  }

  const examples = [...practice.examples, ...extraExamples];
  const toStart: string[] = [];
  const random = (n: number) => new Uint8Array(randomBytes(n));
  examples.forEach((example, index) => {
    const ageDays = examples.length - index + 2;
    let at = new Date(now.getTime() - ageDays * 86_400_000 - (index % 7) * 3_600_000);
    const plan: Action[] = example.parked ? ['beginScreening'] : index >= practice.examples.length ? [] : (plans[index % plans.length] ?? []);
    const withContact = index % 3 !== 2;
    let { suggestion, entry } = submitted(
      {
        id: ulid(at.getTime()),
        orgId: demoOrgId,
        trackingCode: newTrackingCode(random),
        pinHash: hashPin(demoPin),
        title: example.title,
        content: example.content,
        category: example.category,
        channel: channelsCycle[index % channelsCycle.length]!,
        ...(withContact ? { contact: { name: `市民${index + 1}`, phone: `139${String(10000000 + index * 7919).slice(0, 8)}`, consent: true } } : {}),
        dueAt: screeningDueAt(at).toISOString(),
        submittedAt: at.toISOString(),
      },
      { type: 'citizen', id: 'citizen' },
    );
    const timeline: TimelineEntry[] = [entry];
    for (const action of plan) {
      at = new Date(at.getTime() + (action === 'reply' ? 4 : 1) * 86_400_000 * 0.9);
      // Each phase starts when its action happened, as the API records it (the planner measures reminders from it).
      const changes: Partial<Suggestion> =
        action === 'rate'
          ? { rating: { rating: index % 4 === 0 ? 'basic' : 'satisfied', resolution: index % 4 === 0 ? 'partly' : 'yes', at: at.toISOString() } }
          : action === 'reject'
            ? {}
            : { phaseStartedAt: at.toISOString() };
      if (action === 'assign') {
        Object.assign(changes, { tier: example.tier, leadDepartmentId: example.department, dueAt: signDueAt(at).toISOString() });
      }
      if (action === 'sign') changes.dueAt = handlingDueAt(at, example.tier).toISOString();
      if (action === 'reply') {
        changes.reply = { text: example.outcome ?? '已研究，将结合实际统筹推进。', at: at.toISOString(), departmentId: example.department, dueAt: suggestion.dueAt };
        changes.dueAt = new Date(at.getTime() + 7 * 86_400_000).toISOString();
      }
      const note = action === 'reject' ? '不属于本平台受理范围，已告知咨询渠道' : action === 'rate' ? 'satisfied' : undefined;
      ({ suggestion, entry } = transition(suggestion, { action, actor: actorFor(action, example), at: at.toISOString(), changes, ...(note ? { note } : {}) }));
      timeline.push(entry);
    }
    if (example.parked) {
      // As the workflow's RecordFailure leaves it after an error retries could not clear: its workflow parks.
      suggestion = { ...suggestion, workflowError: { at: at.toISOString(), error: 'Demo.DownstreamUnavailable', cause: '演示：一次重试无法恢复的错误，修复后由管理员恢复' } };
    }
    items.push(suggestionItem(suggestion));
    items.push({ ...keys.trackingCode(suggestion.trackingCode), type: 'trackingCode', suggestionId: suggestion.id });
    for (const e of timeline) items.push({ ...keys.timelineEntry(suggestion.id, e.at, e.seq), type: 'timeline', suggestionId: suggestion.id, ...e });
    const open = !['closed', 'rejected', 'merged'].includes(suggestion.status);
    if (suggestion.status === 'submitted' || example.parked || (options.workflows === 'open' && open)) toStart.push(suggestion.id);
  });

  const history = options.history !== false ? historyItems({ orgId: demoOrgId, now, pin: demoPin, examples, departments: practice.departments.map((d) => d.id) }) : [];
  items.push(...history);
  await writeAll(options.dynamodb, options.tableName, items);
  await seedAdoptions(options.dynamodb, options.tableName, demoOrgId, now); // adoption records (issue 10, point 4)
  const campaigns = await seedCampaigns(options.dynamodb, options.tableName, demoOrgId, now); // campaigns (issue 11)
  let campaignSuggestions = 0;
  if (options.history !== false) {
    // What the campaigns took in: responses, poster suggestions (the tests' tables go without, as without history).
    campaignSuggestions = await seedCampaignActivity({
      db: options.dynamodb,
      tableName: options.tableName,
      orgId: demoOrgId,
      now,
      pin: demoPin,
      campaigns,
      historySuggestions: history.filter((item) => item.type === 'suggestion').map(toSuggestion),
      ...(options.startWorkflow ? { startWorkflow: options.startWorkflow } : {}),
    });
  }
  if (options.startWorkflow) for (const id of toStart) await options.startWorkflow(id);
  const topicsCluster = await seedTopicsDemo({ ...options, now, orgId: demoOrgId, pin: demoPin }); // hot topics: a 路灯 spike
  // Issue 12: integrations and Open311 — the demo mini-program's known key (local only: needs the PIN secret).
  if (options.integrationSecret) await seedIntegrations(options.dynamodb, options.tableName, demoOrgId, now, options.integrationSecret);
  return {
    logins: staff.map((s) => ({ username: s.username, password: demoPassword, role: s.role, ...(s.departmentId ? { departmentId: s.departmentId } : {}) })),
    suggestions: examples.length + topicsCluster + campaignSuggestions,
    pin: demoPin,
  };
}
