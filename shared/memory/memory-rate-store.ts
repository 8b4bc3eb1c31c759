/**
 * The rate store in memory: the same port as the DynamoDB one, for the benchmark at a million suggestions and for
 * tests. It counts the items it reads and writes, as DynamoDB would bill them.
 */
import { bucketKey, bucketsOf, type Bucket } from '../domain/rates/buckets';
import type { RateFacts } from '../domain/rates/facts';
import type { Tally } from '../domain/rates/tally';
import type { RateStore, SuggestionHistory } from '../ports';

export class MemoryRateStore implements RateStore {
  readonly counts = { read: 0, written: 0 };
  private readonly histories: { at: string; seq: number; history: SuggestionHistory }[] = [];
  private seq = 0;
  private readonly factsById = new Map<string, RateFacts>();
  private readonly membersByBucket = new Map<string, Set<string>>();
  private readonly tallyByBucket = new Map<string, { bucket: Bucket; tally: Tally }>();
  private mark: string | undefined;

  /** Records a change of a suggestion (what the table's changed-since index would show). */
  record(history: SuggestionHistory): void {
    const existing = this.histories.findIndex((h) => h.history.suggestion.id === history.suggestion.id);
    if (existing >= 0) this.histories.splice(existing, 1);
    this.histories.push({ at: history.suggestion.updatedAt, seq: ++this.seq, history });
  }

  async changedSince(_orgId: string, since: string | undefined, limit: number) {
    const after = since === undefined ? 0 : Number(since);
    const items = this.histories.filter((h) => h.seq > after).sort((a, b) => a.seq - b.seq).slice(0, limit);
    this.counts.read += items.length;
    const last = items.at(-1);
    return { items: items.map((h) => h.history), ...(last ? { watermark: String(last.seq) } : {}) };
  }

  async facts(_orgId: string, id: string) {
    this.counts.read++;
    return this.factsById.get(id);
  }

  async saveFacts(_orgId: string, facts: RateFacts, previous: RateFacts | undefined) {
    for (const b of previous ? bucketsOf(previous) : []) this.membersByBucket.get(bucketKey(b))?.delete(facts.id);
    for (const b of bucketsOf(facts)) {
      const key = bucketKey(b);
      if (!this.membersByBucket.has(key)) this.membersByBucket.set(key, new Set());
      this.membersByBucket.get(key)!.add(facts.id);
    }
    this.factsById.set(facts.id, facts);
    this.counts.written += 1 + bucketsOf(facts).length;
  }

  async members(_orgId: string, bucket: Bucket) {
    const ids = [...(this.membersByBucket.get(bucketKey(bucket)) ?? [])];
    this.counts.read += ids.length;
    return ids.map((id) => this.factsById.get(id)!);
  }

  async saveTally(_orgId: string, bucket: Bucket, tally: Tally) {
    this.counts.written++;
    if (Object.values(tally).every((v) => v === 0)) this.tallyByBucket.delete(bucketKey(bucket));
    else this.tallyByBucket.set(bucketKey(bucket), { bucket, tally });
  }

  async tallies(_orgId: string, group: string, fromDay: string, toDay: string) {
    const out = new Map<string, Tally>();
    for (const { bucket, tally } of this.tallyByBucket.values()) {
      if (bucket.group === group && bucket.day >= fromDay && bucket.day <= toDay) out.set(bucket.day, tally);
    }
    this.counts.read += out.size;
    return out;
  }

  async watermark() {
    return this.mark;
  }

  async saveWatermark(_orgId: string, watermark: string) {
    this.mark = watermark;
  }

  async clear() {
    this.factsById.clear();
    this.membersByBucket.clear();
    this.tallyByBucket.clear();
    this.mark = undefined;
  }

  /** Every kept tally, by bucket key (for comparing runs). */
  snapshot(): Map<string, Tally> {
    return new Map([...this.tallyByBucket].map(([key, { tally }]) => [key, tally]));
  }
}
