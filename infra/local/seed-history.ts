/**
 * A year of finished casework for the demo organisation, so the dashboard, the ranking, the hot topics and a
 * bulletin show real figures on a first `npm start`: ~560 suggestions drawn from the practice examples, each taken
 * through the domain's lifecycle (screening, assignment, signing — in time or late —, extensions, co-handling,
 * replies, ratings with both answers, unrated auto-closes, reopenings, rejections, merged duplicates, adoptions),
 * with departments that differ in speed and satisfaction and one that has too few suggestions to be ranked.
 * Deterministic (a seeded generator), and every one is finished, so no workflow runs for them.
 */
import type { Category } from '../../shared/domain/intake/categories';
import { submitted, transition, type Action } from '../../shared/domain/suggestion/lifecycle';
import { hashPin } from '../../shared/domain/suggestion/pin-hash';
import { handlingDueAt, screeningDueAt, signDueAt } from '../../shared/domain/suggestion/phase-deadlines';
import type { Actor, Channel, Rating, Resolution, Suggestion, Tier, TimelineEntry } from '../../shared/domain/suggestion/suggestion';
import { newTrackingCode } from '../../shared/domain/suggestion/tracking-code';
import { suggestionItem } from '../../shared/aws/dynamo-suggestion-store';
import { keys } from '../../shared/model/table';
import { ulid } from 'ulid';

export interface HistoryExample {
  title: string;
  content: string;
  category: Category;
  department: string;
  tier: Tier;
}

/** How a department works: the share signed in time, days to reply, and how its citizens rate it. */
interface Profile {
  signedInTime: number;
  replyDays: number;
  satisfied: number;
  solved: number;
}

const profiles: Profile[] = [
  { signedInTime: 0.97, replyDays: 6, satisfied: 0.93, solved: 0.88 },
  { signedInTime: 0.9, replyDays: 9, satisfied: 0.85, solved: 0.78 },
  { signedInTime: 0.8, replyDays: 12, satisfied: 0.74, solved: 0.65 },
  { signedInTime: 0.93, replyDays: 8, satisfied: 0.9, solved: 0.82 },
];

const places = ['人民路街道', '滨河街道', '幸福街道', '新城镇', '东湖社区', '实验小学周边', '光明小区', '南门街道'];
const channels: Channel[] = ['web', 'web', 'qr', 'hotline', 'hotline', 'miniapp', 'offline'];
const dayMs = 86_400_000;

/** A suggestion's title in the history: its content's first clause ("老旧小区没有电梯，…" → "老旧小区没有电梯"). */
export function historyTitle(example: Pick<HistoryExample, 'title' | 'content'>): string {
  const clause = example.content.split(/[，。；！？]/)[0]!.trim();
  return clause && !clause.includes(example.title) ? clause.slice(0, 40) : `${example.title}的建议`;
}

/** mulberry32: small, fast, and the same sequence every time. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** An instant in office hours (09:00-17:00 Beijing time) of the day `daysAgo` before `now`. */
function officeInstant(now: Date, daysAgo: number, random: () => number): Date {
  const day = new Date(now.getTime() - daysAgo * dayMs);
  const start = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1, 0); // 09:00 +08:00
  return new Date(start + Math.floor(random() * 8 * 3_600_000));
}

export function historyItems(options: { orgId: string; now: Date; pin: string; examples: readonly HistoryExample[]; departments: readonly string[]; count?: number }): Record<string, unknown>[] {
  const random = generator(20261201);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const items: Record<string, unknown>[] = [];
  const count = options.count ?? 560;
  // The last department of the directory gets almost nothing: the ranking must not crown it.
  const rare = options.departments.at(-1);
  const masters: string[] = [];
  for (let i = 0; i < count; i++) {
    // Denser toward the present; the newest finished ones are ten days old.
    const daysAgo = 10 + Math.floor(Math.pow(random(), 1.4) * 385);
    let at = officeInstant(options.now, daysAgo, random);
    const example = pick(options.examples);
    const department = example.department === rare && random() > 0.1 ? pick(options.departments.slice(0, -1)) : example.department;
    const profile = profiles[options.departments.indexOf(department) % profiles.length]!;
    const place = pick(places);
    const campaign = daysAgo > 60 && daysAgo < 90 && random() < 0.4 ? 'golden-ideas-2026' : undefined;
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
    let { suggestion, entry } = submitted(
      {
        id: ulid(at.getTime()),
        orgId: options.orgId,
        trackingCode: newTrackingCode(bytes),
        pinHash: hashPin(options.pin),
        // Worded apart from the practice examples (their first clause), so a seeded example's title stays unique.
        title: historyTitle(example),
        content: `${place}：${example.content}`,
        category: example.category,
        channel: pick(channels),
        location: { address: `示范区${place}` },
        ...(campaign ? { campaignId: campaign } : {}),
        dueAt: screeningDueAt(at).toISOString(),
        submittedAt: at.toISOString(),
      },
      { type: 'citizen', id: 'citizen' },
    );
    const timeline: TimelineEntry[] = [entry];
    const dispatcher: Actor = { type: 'staff', id: 'dispatcher', role: 'dispatcher', name: '征集办 李静' };
    const handler: Actor = { type: 'staff', id: `handler-${department}`, role: 'handler', departmentId: department };
    const step = (action: Action, hours: number, changes: Partial<Suggestion> = {}, actor: Actor = handler, note?: string) => {
      at = new Date(at.getTime() + hours * 3_600_000);
      ({ suggestion, entry } = transition(suggestion, { action, actor, at: at.toISOString(), changes: { phaseStartedAt: at.toISOString(), ...changes }, ...(note ? { note } : {}) }));
      timeline.push(entry);
    };
    step('beginScreening', 0.2, {}, { type: 'system', id: 'workflow' });
    const fate = random();
    if (fate < 0.05) {
      step('reject', 20, {}, dispatcher, '不属于本平台受理范围，已告知咨询渠道');
    } else if (fate < 0.1 && masters.length) {
      step('merge', 20, { mergedInto: pick(masters) }, dispatcher, '与已受理的建议重复，已合并');
    } else {
      const cohandler = random() < 0.15 ? pick(options.departments.filter((d) => d !== department)) : undefined;
      step('assign', 4 + random() * 20, { tier: example.tier, leadDepartmentId: department, ...(cohandler ? { cohandlerDepartmentIds: [cohandler] } : {}), dueAt: signDueAt(at).toISOString() }, dispatcher);
      masters.push(suggestion.id);
      const late = random() > profile.signedInTime;
      step('sign', late ? 40 + random() * 40 : 1 + random() * 6, {});
      let due = handlingDueAt(at, example.tier);
      suggestion = { ...suggestion, dueAt: due.toISOString() };
      if (cohandler) step('cohandlerOpinion', 30, {}, { type: 'staff', id: `handler-${cohandler}`, role: 'handler', departmentId: cohandler }, '协办意见：同意主办单位方案，配合实施。');
      const extended = random() < 0.1;
      if (extended) {
        step('requestExtension', 24, { pendingExtension: { workingDays: 10, reason: '需协调多个部门现场踏勘', requestedAt: at.toISOString(), requestedBy: handler.id } });
        due = new Date(due.getTime() + 14 * dayMs);
        step('approveExtension', 4, { pendingExtension: undefined, extensionsApproved: 1, dueAt: due.toISOString() }, dispatcher);
      }
      const replyHours = Math.max(2, profile.replyDays * 24 * (0.4 + random() * 1.3));
      const adopted = random() < 0.14;
      step('reply', replyHours, { reply: { text: '已研究，相关措施正在落实，感谢您的建议。', at: new Date(at.getTime() + replyHours * 3_600_000).toISOString(), departmentId: department, dueAt: due.toISOString(), ...(adopted ? { adopted: true } : {}) }, dueAt: new Date(at.getTime() + replyHours * 3_600_000 + 7 * dayMs).toISOString() });
      const answer = random();
      if (answer < 0.06) {
        step('reopen', 48, { reopenCount: 1 }, { type: 'citizen', id: 'citizen' }, '问题仍未解决');
        step('sign', 3, {});
        step('reply', 72, { reply: { text: '已再次现场处理并整改完毕。', at: new Date(at.getTime() + 72 * 3_600_000).toISOString(), departmentId: department, dueAt: due.toISOString() } });
      }
      if (answer > 0.72) {
        step('autoClose', 7 * 24, {}, { type: 'system', id: 'workflow' });
      } else {
        const rating: Rating = random() < profile.satisfied ? (random() < 0.75 ? 'satisfied' : 'basic') : 'dissatisfied';
        const r = random();
        const resolution: Resolution = rating === 'dissatisfied' ? (r < 0.7 ? 'no' : 'partly') : r < profile.solved ? 'yes' : 'partly';
        const after = 24 + random() * 72;
        step('rate', after, { rating: { rating, resolution, at: new Date(at.getTime() + after * 3_600_000).toISOString() } }, { type: 'citizen', id: 'citizen' }, rating);
      }
    }
    items.push(suggestionItem(suggestion));
    items.push({ ...keys.trackingCode(suggestion.trackingCode), type: 'trackingCode', suggestionId: suggestion.id });
    for (const e of timeline) items.push({ ...keys.timelineEntry(suggestion.id, e.at, e.seq), type: 'timeline', suggestionId: suggestion.id, ...e });
  }
  return items;
}
