/**
 * Demo campaigns (专题征集, issue 11): one open now with a questionnaire of every question type and three stations
 * (its posters hang in a community centre, on a mall screen and in the library), one that ran two months ago and
 * has published results (the year of history files its ideas under it), one scheduled to open next week and a
 * draft being written. Written as the campaign store writes them; their histories say who moved them and when.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Campaign, CampaignStateChange } from '../../shared/domain/campaign/campaign';
import type { Questionnaire } from '../../shared/domain/questionnaire/questionnaire';
import { categories } from '../../shared/domain/intake/categories';
import { keys } from '../../shared/model/table';

const day = 86_400_000;
const organizer = '专题征集 吴芳';

/** 09:00 Beijing time on the office day `days` from now. */
function nineAm(now: Date, days: number): string {
  const beijing = new Date(now.getTime() + 8 * 3_600_000 + days * day);
  return new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate(), 1, 0, 0)).toISOString();
}

export const lifeCircleQuestionnaire: Questionnaire = {
  intro: { 'zh-CN': '约 3 分钟。问卷不记名，也不会生成查询码；有具体建议请在下方“提建议”。', en: 'About 3 minutes. Anonymous; no tracking code. For a specific idea, use “Make a suggestion” below.' },
  questions: [
    {
      id: 'walk-time',
      type: 'single',
      required: true,
      label: { 'zh-CN': '从您家步行到最近的菜市场或超市要多久？', en: 'How long is the walk from your home to the nearest market or supermarket?' },
      options: [
        { id: 'under-10', label: { 'zh-CN': '10 分钟以内', en: 'Under 10 minutes' } },
        { id: '10-15', label: { 'zh-CN': '10 到 15 分钟', en: '10 to 15 minutes' } },
        { id: 'over-15', label: { 'zh-CN': '15 分钟以上', en: 'Over 15 minutes' } },
      ],
    },
    {
      id: 'missing',
      type: 'multiple',
      required: true,
      min: 1,
      max: 3,
      label: { 'zh-CN': '您家附近最缺哪些设施？（最多选 3 项）', en: 'What is most missing near your home? (up to 3)' },
      options: [
        { id: 'canteen', label: { 'zh-CN': '社区食堂', en: 'Community canteen' } },
        { id: 'elderly-care', label: { 'zh-CN': '养老服务站', en: 'Elderly care station' } },
        { id: 'childcare', label: { 'zh-CN': '托育点', en: 'Childcare' } },
        { id: 'sports', label: { 'zh-CN': '健身场地', en: 'Sports ground' } },
        { id: 'clinic', label: { 'zh-CN': '社区卫生服务站', en: 'Community clinic' } },
        { id: 'parking', label: { 'zh-CN': '停车位', en: 'Parking' } },
      ],
    },
    {
      id: 'over-15-why',
      type: 'longText',
      required: false,
      maxLength: 1000,
      showIf: { questionId: 'walk-time', anyOf: ['over-15'] },
      label: { 'zh-CN': '路上最不方便的是什么？', en: 'What makes the walk hard?' },
    },
    {
      id: 'satisfaction',
      type: 'rating',
      required: true,
      min: 1,
      max: 5,
      minLabel: { 'zh-CN': '很不满意', en: 'Very dissatisfied' },
      maxLabel: { 'zh-CN': '很满意', en: 'Very satisfied' },
      label: { 'zh-CN': '您对家门口的生活服务总体满意吗？', en: 'Overall, how satisfied are you with services near your home?' },
    },
    {
      id: 'improve-first',
      type: 'shortText',
      required: false,
      maxLength: 100,
      showIf: { questionId: 'satisfaction', anyOf: ['1', '2', '3'] },
      label: { 'zh-CN': '最希望先改进哪一件事？', en: 'What should be improved first?' },
    },
    {
      id: 'household',
      type: 'number',
      required: false,
      integer: true,
      min: 1,
      max: 20,
      unit: { 'zh-CN': '人', en: 'people' },
      label: { 'zh-CN': '您家共住几口人？', en: 'How many people live in your household?' },
    },
    {
      id: 'services',
      type: 'matrix',
      required: true,
      label: { 'zh-CN': '请为以下服务打分', en: 'Rate these services' },
      rows: [
        { id: 'cleaning', label: { 'zh-CN': '环境卫生', en: 'Street cleaning' } },
        { id: 'transport', label: { 'zh-CN': '公交出行', en: 'Buses' } },
        { id: 'safety', label: { 'zh-CN': '治安巡逻', en: 'Safety patrols' } },
      ],
      columns: [
        { id: 'good', label: { 'zh-CN': '满意', en: 'Good' } },
        { id: 'fair', label: { 'zh-CN': '一般', en: 'Fair' } },
        { id: 'poor', label: { 'zh-CN': '不满意', en: 'Poor' } },
      ],
    },
  ],
};

export const goldenIdeasQuestionnaire: Questionnaire = {
  questions: [
    {
      id: 'heard-from',
      type: 'single',
      required: true,
      label: { 'zh-CN': '您从哪里知道这次征集？', en: 'Where did you hear about this campaign?' },
      options: [
        { id: 'poster', label: { 'zh-CN': '社区海报', en: 'A poster' } },
        { id: 'wechat', label: { 'zh-CN': '微信公众号', en: 'WeChat' } },
        { id: 'friends', label: { 'zh-CN': '亲友转告', en: 'Friends' } },
      ],
    },
    { id: 'worth-it', type: 'rating', required: true, min: 1, max: 5, label: { 'zh-CN': '您觉得这类征集有用吗？', en: 'Is this kind of campaign useful?' } },
  ],
};

function history(steps: Array<[CampaignStateChange['from'], CampaignStateChange['to'], string, string]>): CampaignStateChange[] {
  return steps.map(([from, to, at, by]) => ({ from, to, at, by }));
}

export function demoCampaigns(orgId: string, now: Date): Campaign[] {
  const base = { orgId, createdBy: organizer, targetDepartmentIds: [] as string[], responsePolicy: 'any' as const };
  const lifeOpens = nineAm(now, -9);
  const goldenOpens = nineAm(now, -90);
  const goldenCloses = nineAm(now, -60);
  const nextOpens = nineAm(now, 6);
  return [
    {
      ...base,
      id: 'life-circle-2026',
      title: '家门口的“15分钟生活圈”',
      titleEn: 'The 15-minute neighbourhood',
      theme: '步行 15 分钟，能不能买到菜、看上病、送孩子、照顾老人？请告诉我们您家门口还缺什么、哪里不方便。征集结果将用于明年社区服务设施的布点规划。',
      themeEn: 'Can you shop, see a doctor, drop off children and care for elders within a 15-minute walk? Tell us what is missing near your home; the results shape next year’s plan for community facilities.',
      categories: ['urban-management', 'elderly-and-children', 'health', 'traffic'],
      opensAt: lifeOpens,
      closesAt: nineAm(now, 19),
      targetDepartmentIds: ['urban-mgmt', 'transport'],
      questionnaire: lifeCircleQuestionnaire,
      stations: [
        { id: 'east-community', name: '东城社区服务中心' },
        { id: 'mall-screen', name: '万达广场大屏' },
        { id: 'library', name: '区图书馆一楼' },
      ],
      state: 'open',
      history: history([
        ['draft', 'scheduled', new Date(Date.parse(lifeOpens) - 3 * day).toISOString(), organizer],
        ['scheduled', 'open', lifeOpens, 'system'],
      ]),
      createdAt: new Date(Date.parse(lifeOpens) - 5 * day).toISOString(),
      updatedAt: lifeOpens,
      version: 3,
    },
    {
      ...base,
      id: 'golden-ideas-2026',
      title: '我有金点子我来提',
      titleEn: 'Golden ideas 2026',
      theme: '围绕城市治理和民生服务，向全区居民征集金点子。优秀建议将交有关部门研究采纳，并在案例库展示。',
      themeEn: 'Ideas for how the district is run and served, from everyone who lives here. The best go to the departments concerned and into the case library.',
      // Every category: the year of history files ideas of all kinds under it.
      categories: [...categories],
      opensAt: goldenOpens,
      closesAt: goldenCloses,
      questionnaire: goldenIdeasQuestionnaire,
      stations: [{ id: 'east-community', name: '东城社区服务中心' }],
      state: 'published',
      results: {
        summary:
          '本次征集历时 30 天，共收到金点子和问卷答卷，内容集中在交通出行、城市管理和一老一小。已有多条建议被有关部门采纳，转化运用情况见案例库。感谢每一位参与的居民！',
        summaryEn: 'Over 30 days residents sent ideas and answered the questionnaire, most about transport, urban management and care for the old and young. Several ideas were adopted; see the case library for what became of them. Thank you to everyone who took part!',
        publishedAt: new Date(Date.parse(goldenCloses) + 10 * day).toISOString(),
        publishedBy: organizer,
      },
      history: history([
        ['draft', 'scheduled', new Date(Date.parse(goldenOpens) - 2 * day).toISOString(), organizer],
        ['scheduled', 'open', goldenOpens, 'system'],
        ['open', 'closed', goldenCloses, 'system'],
        ['closed', 'published', new Date(Date.parse(goldenCloses) + 10 * day).toISOString(), organizer],
      ]),
      createdAt: new Date(Date.parse(goldenOpens) - 4 * day).toISOString(),
      updatedAt: new Date(Date.parse(goldenCloses) + 10 * day).toISOString(),
      version: 5,
    },
    {
      ...base,
      id: 'warm-winter-2027',
      title: '温暖过冬 · 供暖服务意见征集',
      theme: '今冬供暖季即将开始，请就供暖温度、报修响应和老旧小区改造提出意见建议。',
      categories: ['housing', 'urban-management'],
      opensAt: nextOpens,
      closesAt: nineAm(now, 34),
      stations: [],
      responsePolicy: 'phone',
      state: 'scheduled',
      history: history([['draft', 'scheduled', new Date(now.getTime() - day).toISOString(), organizer]]),
      createdAt: new Date(now.getTime() - 2 * day).toISOString(),
      updatedAt: new Date(now.getTime() - day).toISOString(),
      version: 2,
    },
    {
      ...base,
      id: 'river-walk-2027',
      title: '滨河步道改造方案（草稿）',
      theme: '滨河步道改造征集方案，正在与城市管理局商定。',
      categories: ['environment', 'urban-management'],
      opensAt: nineAm(now, 40),
      closesAt: nineAm(now, 68),
      stations: [],
      state: 'draft',
      history: [],
      createdAt: new Date(now.getTime() - day).toISOString(),
      updatedAt: new Date(now.getTime() - day).toISOString(),
      version: 1,
    },
  ];
}

/** Writes the demo campaigns as DynamoCampaignStore does (the record beside any time limits of the slug). */
export async function seedCampaigns(db: DynamoDBDocumentClient, tableName: string, orgId: string, now: Date): Promise<Campaign[]> {
  const campaigns = demoCampaigns(orgId, now);
  for (const campaign of campaigns) {
    await db.send(new PutCommand({ TableName: tableName, Item: { ...keys.campaign(orgId, campaign.id), type: 'campaign', campaignId: campaign.id, record: campaign, version: campaign.version } }));
  }
  return campaigns;
}
