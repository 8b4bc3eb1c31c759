/**
 * What the hot topics count: per organisation and office day of submission, the suggestions of each keyword,
 * category and place. A series is one of those (keyword 路灯, category urban-management, place 幸福街道), named by
 * a key that follows from the data alone, so that a day's count can be recomputed from its suggestions under the
 * same key however often a run does it.
 */
import { officeDayOf, type DayString } from '../deadlines/office-time';

export const topicKinds = ['keyword', 'category', 'place'] as const;
export type TopicKind = (typeof topicKinds)[number];

/** `keyword:路灯`, `category:traffic`, `place:幸福街道`. */
export type SeriesKey = `${TopicKind}:${string}`;

export const seriesKey = (kind: TopicKind, value: string): SeriesKey => `${kind}:${value}`;

export function parseSeriesKey(key: string): { kind: TopicKind; value: string } {
  const at = key.indexOf(':');
  const kind = key.slice(0, at) as TopicKind;
  if (at < 0 || !topicKinds.includes(kind)) throw new RangeError(`not a series key: ${key}`);
  return { kind, value: key.slice(at + 1) };
}

/** What the hot topics need of one suggestion (read from it by the topics job). */
export interface TopicFacts {
  id: string;
  /** The office day it was submitted: the day it counts on. */
  day: DayString;
  /** The series it counts in, each once. */
  series: SeriesKey[];
  /** Shown with the count, so a row can list the suggestions behind it without reading each. */
  title: string;
}

export function topicFacts(
  s: { id: string; title: string; category: string; submittedAt: string; status: string },
  keywords: readonly string[],
  places: readonly string[],
): TopicFacts {
  // A rejected suggestion (spam, out of scope) is no signal of what people are raising.
  const counted = s.status !== 'rejected';
  const series = counted
    ? [...new Set<SeriesKey>([...keywords.map((k) => seriesKey('keyword', k)), seriesKey('category', s.category), ...places.map((p) => seriesKey('place', p))])]
    : [];
  return { id: s.id, day: officeDayOf(new Date(s.submittedAt)), series, title: s.title.slice(0, 80) };
}

/** One (series, day) bucket: what a change to a suggestion makes stale. */
export interface TopicBucket {
  series: SeriesKey;
  day: DayString;
}

export const topicBucketKey = (b: TopicBucket): string => `${b.series}|${b.day}`;

export function topicBucketsOf(f: TopicFacts): TopicBucket[] {
  return f.series.map((series) => ({ series, day: f.day }));
}

/** A bucket's count, and the suggestions in it (the first few, for the list behind a row). */
export interface TopicCount {
  series: SeriesKey;
  day: DayString;
  count: number;
  sample: { id: string; title: string }[];
}

/** How many of a bucket's suggestions its count keeps by name. */
export const sampleSize = 50;
