/**
 * The hot topics (热度表) of a week: per kind, the keywords, categories and places with the most suggestions this
 * week, beside their count the week before and the growth. A suggestion counts on its submission day only, so a
 * week's count is the sum of its days' and counts each suggestion once. A topic absent the week before is marked
 * new instead of given an infinite growth; a week is ranked by its count, never by growth alone (from 1 to 3 is
 * +200% and means nothing).
 */
import { parseSeriesKey, sampleSize, topicKinds, type SeriesKey, type TopicCount, type TopicKind } from './series';

export interface HotTopic {
  kind: TopicKind;
  value: string;
  series: SeriesKey;
  count: number;
  previous: number;
  /** (count − previous) / previous; null when new (nothing the week before). */
  growth: number | null;
  isNew: boolean;
  /** The suggestions behind the count (the first few of each day). */
  suggestions: { id: string; title: string }[];
}

export type HotTopics = Record<TopicKind, HotTopic[]>;

/** Rows kept per kind. */
export const hotTopicRows = 10;

function weekTotals(counts: readonly TopicCount[]): Map<SeriesKey, { count: number; suggestions: { id: string; title: string }[] }> {
  const totals = new Map<SeriesKey, { count: number; suggestions: { id: string; title: string }[] }>();
  for (const c of counts) {
    const total = totals.get(c.series) ?? { count: 0, suggestions: [] };
    total.count += c.count;
    for (const s of c.sample) if (total.suggestions.length < sampleSize) total.suggestions.push(s);
    totals.set(c.series, total);
  }
  return totals;
}

export function hotTopics(thisWeek: readonly TopicCount[], previousWeek: readonly TopicCount[], rows = hotTopicRows): HotTopics {
  const now = weekTotals(thisWeek);
  const before = weekTotals(previousWeek);
  const out = Object.fromEntries(topicKinds.map((k) => [k, [] as HotTopic[]])) as HotTopics;
  for (const [series, { count, suggestions }] of now) {
    if (count <= 0) continue;
    const { kind, value } = parseSeriesKey(series);
    const previous = before.get(series)?.count ?? 0;
    out[kind].push({ kind, value, series, count, previous, growth: previous ? (count - previous) / previous : null, isNew: previous === 0, suggestions });
  }
  for (const kind of topicKinds) {
    out[kind].sort((a, b) => b.count - a.count || (b.growth ?? Infinity) - (a.growth ?? Infinity) || a.value.localeCompare(b.value, 'zh-CN'));
    out[kind] = out[kind].slice(0, rows);
  }
  return out;
}
