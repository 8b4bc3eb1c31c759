/**
 * Demo data for the hot topics and the barometer: a cluster of a dozen suggestions about street lights that do
 * not come on (路灯不亮) in one 街道 over the last two days — some typed in traditional characters or full-width,
 * as people do — so that on a first `npm start` the topics job (run by the scheduler once seeding is done) shows
 * 路灯 at the top of the week and flags it on the barometer, and the dispatchers get its notice in the outbox.
 * The rest of the seeded history (seed.ts) is the quiet background it rises above.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { dayNumber, DAY_MS, officeDayOf, officeOffsetMs } from '../../shared/domain/deadlines/office-time';
import { submitted, transition } from '../../shared/domain/suggestion/lifecycle';
import { screeningDueAt } from '../../shared/domain/suggestion/phase-deadlines';
import { hashPin } from '../../shared/domain/suggestion/pin-hash';
import { newTrackingCode } from '../../shared/domain/suggestion/tracking-code';
import type { Channel } from '../../shared/domain/suggestion/suggestion';
import { suggestionItem } from '../../shared/aws/dynamo-suggestion-store';
import { keys } from '../../shared/model/table';

/** Title, content, address: what citizens wrote. Traditional (路燈) and full-width (ＸＸ, ３) ones on purpose. */
const cluster: ReadonlyArray<readonly [string, string, string]> = [
  ['幸福街道路灯不亮', '幸福街道和平路一段的路灯连续几天晚上不亮，行人和电动车都看不清路，建议尽快维修。', '示范区幸福街道和平社区'],
  ['路燈不亮，夜間出行不安全', '幸福街道陽光社區門口的路燈壞了一個星期，晚上一片漆黑，老人出門很不方便。', '示範區幸福街道陽光社區'],
  ['小区门口路灯坏了', '幸福小区东门外两盏路灯坏了，晚上接孩子放学要摸黑走，希望修一下。', '示范区幸福街道幸福小区'],
  ['路灯晚上不亮', '和平路与建设路路口的路灯晚上不亮，车辆转弯看不清行人，存在安全隐患。', '示范区幸福街道和平社区'],
  ['ＸＸ路路灯不亮，请维修', '幸福街道ＸＸ路３号附近的路灯已经不亮半个月了，晚上走路很危险。', '示范区幸福街道阳光社区３栋'],
  ['夜间路灯不亮', '社区健身广场旁的路灯不亮，晚上锻炼的居民只能打手电筒，建议更换灯具。', '示范区幸福街道和平社区'],
  ['路燈壞了沒人修', '幸福街道建設路的路燈壞了好幾天了，晚上經過很害怕，請有關部門儘快處理。', '示範區幸福街道建設社區'],
  ['背街小巷路灯不亮', '幸福街道几条背街小巷的路灯不亮，夜里经常有人摔倒，建议排查线路。', '示范区幸福街道阳光社区'],
  ['路灯不亮影响出行', '阳光社区北侧道路的路灯晚上不亮，下夜班回家要走一段黑路，建议维修。', '示范区幸福街道阳光社区'],
  ['学校附近路灯不亮', '幸福街道实验小学附近的路灯不亮，冬天放学天黑得早，学生过马路有危险。', '示范区幸福街道幸福小区'],
  ['公园路灯不亮', '幸福公园环湖步道的路灯有一半不亮，晚上散步的人很多，希望尽快修好。', '示范区幸福街道和平社区'],
  ['路燈不亮已經一週', '和平社區３號樓前的路燈不亮已經一週，請盡快派人維修。', '示範區幸福街道和平社區'],
];

const channels: Channel[] = ['web', 'qr', 'hotline', 'miniapp'];

/**
 * Half the cluster yesterday, half today (before now), at spread-out times. Called from seed.ts with the seed's
 * options; writes the items the API writes, each in screening (its workflow started in demo time, as seed.ts does).
 */
export async function seedTopicsDemo(options: {
  tableName: string;
  dynamodb: DynamoDBDocumentClient;
  now: Date;
  orgId: string;
  pin: string;
  startWorkflow?: (suggestionId: string) => Promise<void>;
  workflows?: 'new' | 'open';
}): Promise<number> {
  const todayStart = (dayNumber(officeDayOf(options.now)) * DAY_MS) - officeOffsetMs;
  const sinceToday = options.now.getTime() - todayStart;
  const quarterHour = 15 * 60_000;
  const half = Math.ceil(cluster.length / 2);
  const random = (n: number) => new Uint8Array(randomBytes(n));
  const items: Record<string, unknown>[] = [];
  const ids: string[] = [];
  cluster.forEach(([title, content, address], i) => {
    const yesterday = i < half;
    // Today's at least a quarter of an hour ago, so they are settled history when the first job runs (just after
    // midnight some fall on yesterday instead: the spike is then yesterday's, still told).
    const step = Math.max(120_000, (sinceToday - quarterHour) / (cluster.length - half + 1));
    const at = yesterday ? new Date(todayStart - DAY_MS + ((i + 1) / (half + 1)) * DAY_MS) : new Date(options.now.getTime() - quarterHour - (i - half) * step);
    const first = submitted(
      {
        id: ulid(at.getTime()),
        orgId: options.orgId,
        trackingCode: newTrackingCode(random),
        pinHash: hashPin(options.pin),
        title,
        content,
        category: 'urban-management',
        channel: channels[i % channels.length]!,
        location: { address },
        dueAt: screeningDueAt(at).toISOString(),
        submittedAt: at.toISOString(),
      },
      { type: 'citizen', id: 'citizen' },
    );
    // In screening, as the workflow leaves a new suggestion a moment after it arrives (seed.ts does the same for
    // the suggestions it moves along): the dispatcher finds them in the queue.
    const screening = transition(first.suggestion, { action: 'beginScreening', actor: { type: 'system', id: 'workflow' }, at: new Date(at.getTime() + 30_000).toISOString(), changes: { phaseStartedAt: new Date(at.getTime() + 30_000).toISOString() } });
    const suggestion = screening.suggestion;
    items.push(suggestionItem(suggestion));
    items.push({ ...keys.trackingCode(suggestion.trackingCode), type: 'trackingCode', suggestionId: suggestion.id });
    for (const entry of [first.entry, screening.entry]) items.push({ ...keys.timelineEntry(suggestion.id, entry.at, entry.seq), type: 'timeline', suggestionId: suggestion.id, ...entry });
    ids.push(suggestion.id);
  });
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [options.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length) {
      const result = await options.dynamodb.send(new BatchWriteCommand({ RequestItems: request }));
      request = result.UnprocessedItems as typeof request;
    }
  }
  // As seed.ts: in demo time every open seeded suggestion runs its workflow; otherwise only new ones do.
  if (options.startWorkflow && options.workflows === 'open') for (const id of ids) await options.startWorkflow(id);
  return ids.length;
}
