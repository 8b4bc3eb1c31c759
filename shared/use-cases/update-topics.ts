/**
 * Keeps the hot topics up to date and flags spikes (scheduled; the same run from nothing rebuilds them). A run
 * reads the suggestions changed since its watermark — its cost grows with the changes, not the table — and:
 *  1. for each, reads its keywords (normalised, segmented), category and places, saves those facts with their
 *     (series, day) buckets, and collects the buckets it counted in before and now;
 *  2. recomputes each touched bucket's count from its members and writes it under its key (never an increment);
 *  3. tests each touched day of each touched series against the series' own baseline (spike-detector.ts); a spike
 *     is kept for the barometer, one that no longer holds is removed;
 *  4. a new spike on a recent day is told to the dispatchers once (spike-notice.ts), and marked as told;
 * and moves the watermark last. A run that is retried, overlaps another or comes late recomputes the same buckets
 * from the same members: the counts are the same, and the notice's key makes a second notice a no-op.
 */
import { dayNumber, dayString, officeDayOf, type DayString } from '../domain/deadlines/office-time';
import { keywordsOf } from '../domain/text/keywords';
import { placesOf } from '../domain/text/places';
import { sampleSize, topicBucketKey, topicBucketsOf, topicFacts, type SeriesKey, type TopicBucket, type TopicFacts } from '../domain/topics/series';
import { spikeRule, testDay, type TopicSpike } from '../domain/topics/spike-detector';
import type { Clock, Directory, Log, NotificationQueue, Segmenter, TopicStore } from '../ports';
import type { Suggestion } from '../domain/suggestion/suggestion';
import { spikeNotices } from './spike-notice';

export interface UpdateTopicsDeps {
  topics: TopicStore;
  segmenter: Segmenter;
  directory: Pick<Directory, 'staff'>;
  notifications: NotificationQueue;
  clock: Clock;
  publicBaseUrl: string;
  log?: Pick<Log, 'info'>;
}

export interface TopicsRunReport {
  changed: number;
  bucketsRecomputed: number;
  spikesFound: number;
  spikesNotified: number;
}

const pageSize = 200;

/** A spike on a day older than this (office days before today) is kept, but nobody is paged for old news. */
export const notifyWithinDays = 1;

/** The facts of one suggestion as the topics count it. */
export function suggestionTopicFacts(s: Suggestion, segmenter: Segmenter): TopicFacts {
  return topicFacts(s, keywordsOf(s.title, s.content, (text) => segmenter.segment(text)), placesOf(s.location?.address));
}

const sameFacts = (a: TopicFacts | undefined, b: TopicFacts): boolean =>
  !!a && a.day === b.day && a.title === b.title && a.series.length === b.series.length && a.series.every((s, i) => s === b.series[i]);

/** How far back suggestions are counted: this week and last (14 days), a 28-day baseline before, and a margin. */
export const countedDays = 63;

export async function updateTopics(deps: UpdateTopicsDeps, orgId: string): Promise<TopicsRunReport> {
  let watermark = await deps.topics.watermark(orgId);
  const report: TopicsRunReport = { changed: 0, bucketsRecomputed: 0, spikesFound: 0, spikesNotified: 0 };
  for (;;) {
    const page = await deps.topics.changedSince(orgId, watermark, pageSize);
    const touched = new Map<string, TopicBucket>();
    // The newest changed suggestion of each bucket: the one a notice names.
    const latestIn = new Map<string, Suggestion>();
    for (const suggestion of page.items) {
      report.changed++;
      // Older than any week the page shows or any baseline reaches: a first run over years of data skips it.
      if (Date.parse(suggestion.submittedAt) < deps.clock.now().getTime() - countedDays * 86_400_000) continue;
      const previous = await deps.topics.facts(orgId, suggestion.id);
      const facts = suggestionTopicFacts(suggestion, deps.segmenter);
      for (const b of topicBucketsOf(facts)) {
        const seen = latestIn.get(topicBucketKey(b));
        if (!seen || seen.submittedAt < suggestion.submittedAt) latestIn.set(topicBucketKey(b), suggestion);
      }
      // Most changes (a signature, a reply) leave the words, category and place as they were: nothing to recount.
      if (sameFacts(previous, facts)) continue;
      await deps.topics.saveFacts(orgId, facts, previous);
      for (const b of [...(previous ? topicBucketsOf(previous) : []), ...topicBucketsOf(facts)]) touched.set(topicBucketKey(b), b);
    }
    for (const bucket of touched.values()) {
      const members = await deps.topics.members(orgId, bucket);
      const sample = [...members].sort((a, b) => (a.id < b.id ? 1 : -1)).slice(0, sampleSize);
      await deps.topics.saveCount(orgId, { ...bucket, count: members.length, sample });
      report.bucketsRecomputed++;
    }
    await findSpikes(deps, orgId, [...touched.values()], latestIn, report);
    // Only once the page's counts and spikes are written: a run that dies before reads the page again.
    if (page.watermark) {
      watermark = page.watermark;
      await deps.topics.saveWatermark(orgId, watermark);
    }
    if (page.items.length < pageSize) return report;
  }
}

async function findSpikes(deps: UpdateTopicsDeps, orgId: string, touched: TopicBucket[], latestIn: Map<string, Suggestion>, report: TopicsRunReport): Promise<void> {
  if (!touched.length) return;
  const daysBySeries = new Map<SeriesKey, Set<DayString>>();
  for (const b of touched) daysBySeries.set(b.series, (daysBySeries.get(b.series) ?? new Set()).add(b.day));
  const allDays = touched.map((b) => b.day).sort();
  const kept = new Map((await deps.topics.spikes(orgId, allDays[0]!, allDays.at(-1)!)).map((s) => [`${s.series}|${s.day}`, s]));
  const now = deps.clock.now();
  const today = dayNumber(officeDayOf(now));
  for (const [series, days] of daysBySeries) {
    const sorted = [...days].sort();
    const counts = await deps.topics.seriesCounts(orgId, series, dayString(dayNumber(sorted[0]!) - spikeRule.baselineDays), sorted.at(-1)!);
    for (const day of sorted) {
      const test = testDay(counts, day);
      const key = `${series}|${day}`;
      const existing = kept.get(key);
      if (!test.spike) {
        if (existing) await deps.topics.deleteSpike(orgId, day, series);
        continue;
      }
      report.spikesFound++;
      const { spike: _, ...figures } = test;
      const members = await deps.topics.members(orgId, { series, day });
      const spike: TopicSpike = {
        ...figures,
        series,
        detectedAt: existing?.detectedAt ?? now.toISOString(),
        ...(existing?.notifiedAt ? { notifiedAt: existing.notifiedAt } : {}),
        suggestions: members.slice(0, sampleSize),
      };
      const latest = latestIn.get(key);
      const recent = today - dayNumber(day) <= notifyWithinDays;
      if (!spike.notifiedAt && recent && latest) {
        // Queued before it is marked as told: a run that dies between the two queues it again, and the notice's
        // key makes the second a duplicate the notifier drops.
        await deps.notifications.enqueue(await spikeNotices(deps.directory, orgId, spike, latest, deps.publicBaseUrl));
        spike.notifiedAt = now.toISOString();
        report.spikesNotified++;
      }
      await deps.topics.saveSpike(orgId, spike);
    }
  }
}
