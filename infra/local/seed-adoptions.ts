/**
 * Demo adoption records (采纳 / 转化运用, issue 10 point 4): the seeded suggestions that were answered (replied or
 * closed) and whose practice example records the idea as adopted get an adoption record with what became of it;
 * the first few get progress updates, and one is marked for the case library. Built through the lifecycle like
 * every seeded step, so the timelines are what the API would have written. Runs after the suggestions are written.
 */
import { readFileSync } from 'node:fs';
import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { suggestionItem, toSuggestion } from '../../shared/aws/dynamo-suggestion-store';
import { officeDay } from '../../shared/domain/office-day';
import { addAdoptionUpdate, recordAdoption } from '../../shared/domain/suggestion/adoption';
import { transition } from '../../shared/domain/suggestion/lifecycle';
import type { Actor, Suggestion } from '../../shared/domain/suggestion/suggestion';
import { keys, queuePartitions } from '../../shared/model/table';

interface PracticeData {
  departments: { id: string; name: string; en: string }[];
  examples: { title: string; department: string; outcome?: string; adopted?: boolean }[];
}

const practice = JSON.parse(readFileSync(new URL('./seed-data/practice-examples.json', import.meta.url), 'utf8')) as PracticeData;

const office: Actor = { type: 'staff', id: 'dispatcher', role: 'dispatcher', name: '征集办 李静' };

/** Later news on some of the adopted ideas, as their departments would post it. */
const progress: Record<string, string[]> = {
  设立环卫工人休息驿站: ['首批 20 座驿站已投入使用，配备饮水机、微波炉和充电设施。', '其余 30 座驿站全部建成，并向外卖骑手、快递员等户外劳动者开放。'],
  社区小路安装路灯: ['25 盏路灯已全部通电，纳入日常巡查维护。'],
  加强山区古树名木保护: ['树长制试点扩大到 3 个乡镇，完成 12 株濒危古树的救护复壮。'],
};
const featuredTitle = '设立环卫工人休息驿站';

const day = 86_400_000;

/** The adoption (and its updates) of one answered suggestion whose example was adopted, each through the lifecycle. */
function adopted(s: Suggestion, example: PracticeData['examples'][number], now: Date): { suggestion: Suggestion; entries: ReturnType<typeof transition>['entry'][] } {
  const department = practice.departments.find((d) => d.id === example.department)!;
  const handler: Actor = { type: 'staff', id: `handler-${department.id}`, role: 'handler', departmentId: department.id };
  const latest = now.getTime() - 3_600_000;
  const at = (offset: number) => new Date(Math.min(new Date(s.updatedAt).getTime() + offset, latest)).toISOString();
  const entries = [];
  const adoptAt = at(day);
  const outcome = example.outcome ?? '建议已被采纳。';
  let { suggestion, entry } = transition(s, {
    action: 'adopt',
    actor: office,
    at: adoptAt,
    note: outcome,
    changes: {
      adoption: recordAdoption(
        { outcome, adoptedOn: officeDay(adoptAt), departmentId: department.id, departmentName: department.name, departmentNameEn: department.en },
        adoptAt,
        office.name!,
      ),
    },
  });
  entries.push(entry);
  (progress[example.title] ?? []).forEach((text, index) => {
    const updateAt = at(day * (3 + index * 3));
    ({ suggestion, entry } = transition(suggestion, {
      action: 'adoptionProgress',
      actor: handler,
      at: updateAt,
      note: text,
      changes: { adoption: addAdoptionUpdate(suggestion.adoption!, { text, date: officeDay(updateAt), at: updateAt, by: department.name }) },
    }));
    entries.push(entry);
  });
  if (example.title === featuredTitle) {
    const markedAt = new Date(latest).toISOString();
    ({ suggestion, entry } = transition(suggestion, { action: 'featureIdea', actor: office, at: markedAt, changes: { featured: { at: markedAt, by: office.name! } } }));
    entries.push(entry);
  }
  return { suggestion, entries };
}

export async function seedAdoptions(db: DynamoDBDocumentClient, tableName: string, orgId: string, now: Date): Promise<number> {
  const answered: Suggestion[] = [];
  for (const status of ['replied', 'closed']) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'byStatusDue',
          KeyConditionExpression: 'statusQueuePk = :p',
          ExpressionAttributeValues: { ':p': queuePartitions.status(orgId, status) },
          ExclusiveStartKey: start,
        }),
      );
      answered.push(...(page.Items ?? []).map(toSuggestion));
      start = page.LastEvaluatedKey;
    } while (start);
  }
  const items: Record<string, unknown>[] = [];
  for (const s of answered) {
    const example = practice.examples.find((e) => e.title === s.title && e.adopted);
    if (!example) continue;
    const { suggestion, entries } = adopted(s, example, now);
    items.push(suggestionItem(suggestion));
    for (const e of entries) items.push({ ...keys.timelineEntry(s.id, e.at, e.seq), type: 'timeline', suggestionId: s.id, ...e });
  }
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
    while (request && Object.keys(request).length) {
      const result = await db.send(new BatchWriteCommand({ RequestItems: request }));
      request = result.UnprocessedItems as typeof request;
    }
  }
  return answered.filter((s) => practice.examples.some((e) => e.title === s.title && e.adopted)).length;
}
