/**
 * The topic store in memory: the same port as the DynamoDB one, for unit tests and the benchmark. Changes are
 * recorded as the table's changed-since index would show them.
 */
import { topicBucketKey, topicBucketsOf, type SeriesKey, type TopicBucket, type TopicCount, type TopicFacts } from '../domain/topics/series';
import type { TopicSpike } from '../domain/topics/spike-detector';
import type { Suggestion } from '../domain/suggestion/suggestion';
import type { TopicStore } from '../ports';

export class MemoryTopicStore implements TopicStore {
  private readonly changes: { seq: number; suggestion: Suggestion }[] = [];
  private seq = 0;
  private readonly factsById = new Map<string, TopicFacts>();
  private readonly membersByBucket = new Map<string, Map<string, string>>();
  private readonly countByBucket = new Map<string, TopicCount>();
  private readonly spikeByKey = new Map<string, TopicSpike>();
  private mark: string | undefined;

  /** Records a change of a suggestion. */
  record(suggestion: Suggestion): void {
    const existing = this.changes.findIndex((c) => c.suggestion.id === suggestion.id);
    if (existing >= 0) this.changes.splice(existing, 1);
    this.changes.push({ seq: ++this.seq, suggestion });
  }

  async changedSince(_orgId: string, since: string | undefined, limit: number) {
    const after = since === undefined ? 0 : Number(since);
    const items = this.changes.filter((c) => c.seq > after).slice(0, limit);
    const last = items.at(-1);
    return { items: items.map((c) => c.suggestion), ...(last ? { watermark: String(last.seq) } : {}) };
  }

  async facts(_orgId: string, id: string) {
    return this.factsById.get(id);
  }

  async saveFacts(_orgId: string, facts: TopicFacts, previous: TopicFacts | undefined) {
    for (const b of previous ? topicBucketsOf(previous) : []) this.membersByBucket.get(topicBucketKey(b))?.delete(facts.id);
    for (const b of topicBucketsOf(facts)) {
      const key = topicBucketKey(b);
      if (!this.membersByBucket.has(key)) this.membersByBucket.set(key, new Map());
      this.membersByBucket.get(key)!.set(facts.id, facts.title);
    }
    this.factsById.set(facts.id, facts);
  }

  async members(_orgId: string, bucket: TopicBucket) {
    return [...(this.membersByBucket.get(topicBucketKey(bucket)) ?? [])].map(([id, title]) => ({ id, title })).sort((a, b) => a.id.localeCompare(b.id));
  }

  async saveCount(_orgId: string, count: TopicCount) {
    const key = topicBucketKey(count);
    if (count.count === 0) this.countByBucket.delete(key);
    else this.countByBucket.set(key, structuredClone(count));
  }

  async seriesCounts(_orgId: string, series: SeriesKey, fromDay: string, toDay: string) {
    const out = new Map<string, number>();
    for (const c of this.countByBucket.values()) if (c.series === series && c.day >= fromDay && c.day <= toDay) out.set(c.day, c.count);
    return out;
  }

  async dayCounts(_orgId: string, day: string) {
    return [...this.countByBucket.values()].filter((c) => c.day === day).map((c) => structuredClone(c));
  }

  async spikes(_orgId: string, fromDay: string, toDay: string) {
    return [...this.spikeByKey.values()].filter((s) => s.day >= fromDay && s.day <= toDay).map((s) => structuredClone(s));
  }

  async saveSpike(_orgId: string, spike: TopicSpike) {
    this.spikeByKey.set(`${spike.day}#${spike.series}`, structuredClone(spike));
  }

  async deleteSpike(_orgId: string, day: string, series: SeriesKey) {
    this.spikeByKey.delete(`${day}#${series}`);
  }

  async watermark() {
    return this.mark;
  }

  async saveWatermark(_orgId: string, watermark: string) {
    this.mark = watermark;
  }

  /** Every kept count, by bucket key (for comparing runs). */
  snapshot(): Map<string, number> {
    return new Map([...this.countByBucket].map(([key, c]) => [key, c.count]));
  }
}
