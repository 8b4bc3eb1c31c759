/**
 * GET /api/staff/topics?week=YYYY-Www — the hot topics (热度表) of a week against the week before, and the spikes
 * (晴雨表) found on its days.
 * Primary course:
 *  1. only roles that look across the organisation may (supervisor, dispatcher, admin, viewer): the counts are the
 *     organisation's, and a handler, who may see only their own department's suggestions, gets 403 rather than
 *     counts that would tell them about the rest;
 *  2. validate the week (default: the current office week);
 *  3. read the 14 days' counts (one query a day, whatever the data size) and the week's spikes (one query);
 *  4. rank per kind (hot-topics.ts), and audit the view.
 */
import * as z from 'zod';
import { officeDayOf } from '../domain/deadlines/office-time';
import { auditRecord } from '../domain/staff/audit-record';
import { requireRole, type StaffPrincipal } from '../domain/staff/principal';
import type { StaffRole } from '../domain/staff/staff';
import { hotTopics, type HotTopics } from '../domain/topics/hot-topics';
import { parseSeriesKey, type TopicKind } from '../domain/topics/series';
import { spikeRule, type TopicSpike } from '../domain/topics/spike-detector';
import { daysOfWeek, isIsoWeek, isoWeekOf, previousWeek } from '../domain/topics/weeks';
import { parseOrThrow } from '../domain/validation';
import type { AuditLog, Clock, TopicStore } from '../ports';

export const topicsRoles: readonly StaffRole[] = ['supervisor', 'dispatcher', 'admin', 'viewer'];

export interface TopicsSpikeView extends TopicSpike {
  kind: TopicKind;
  value: string;
  /** count / baseline; null when the baseline is 0 (a topic not seen in the 28 days before). */
  ratio: number | null;
}

export interface TopicsResponse {
  week: string;
  previousWeek: string;
  days: string[];
  hot: HotTopics;
  spikes: TopicsSpikeView[];
  /** The rule spikes are judged by, so the page can say it in words. */
  rule: { baselineDays: number; pValue: number; minCount: number; minRatio: number };
}

const querySchema = z.strictObject({
  week: z.string().refine(isIsoWeek, { message: 'isoWeek' }).optional(),
});

export async function topicsReport(deps: { topics: TopicStore; audit: AuditLog; clock: Clock }, principal: StaffPrincipal, query: Record<string, string | undefined>): Promise<TopicsResponse> {
  requireRole(principal, topicsRoles);
  const now = deps.clock.now();
  const week = parseOrThrow(querySchema, query).week ?? isoWeekOf(officeDayOf(now));
  const before = previousWeek(week);
  const days = daysOfWeek(week);
  const [thisWeek, lastWeek, spikes] = await Promise.all([
    Promise.all(days.map((d) => deps.topics.dayCounts(principal.orgId, d))),
    Promise.all(daysOfWeek(before).map((d) => deps.topics.dayCounts(principal.orgId, d))),
    deps.topics.spikes(principal.orgId, days[0]!, days.at(-1)!),
  ]);
  await deps.audit.record(auditRecord(principal, now.toISOString(), 'viewTopics', undefined, `week=${week}`));
  return {
    week,
    previousWeek: before,
    days,
    hot: hotTopics(thisWeek.flat(), lastWeek.flat()),
    spikes: spikes
      .map((s) => ({ ...s, ...parseSeriesKey(s.series), ratio: s.baseline > 0 ? s.count / s.baseline : null }))
      .sort((a, b) => b.day.localeCompare(a.day) || a.pValue - b.pValue),
    rule: { baselineDays: spikeRule.baselineDays, pValue: spikeRule.pValue, minCount: spikeRule.minCount, minRatio: spikeRule.minRatio },
  };
}
