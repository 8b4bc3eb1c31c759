/**
 * The rate store in memory: the same port as the DynamoDB one, for the benchmark at a million suggestions and for
 * tests. It counts the items it reads and writes, as DynamoDB would bill them, and the reads it makes (queries and
 * gets), as a request to DynamoDB would count them.
 */
import type { AuditRecord } from '../domain/staff/audit-record';
import { bucketKey, bucketsOf, type Bucket } from '../domain/rates/buckets';
import type { RateFacts } from '../domain/rates/facts';
import type { SummaryKind } from '../domain/rates/periods';
import { defaultRankingSettings, type RankingSettings } from '../domain/rates/ranking';
import type { Tally } from '../domain/rates/tally';
import type { RateStore, RatesState, RateSummary, SuggestionHistory } from '../ports';

const isEmpty = (t: Tally) => Object.values(t).every((v) => v === 0);

export class MemoryRateStore implements RateStore {
  readonly counts = { read: 0, written: 0, requests: 0 };
  readonly audits: AuditRecord[] = [];
  private readonly histories = new Map<string, { seq: number; history: SuggestionHistory }>();
  private seq = 0;
  private readonly factsById = new Map<string, RateFacts>();
  private readonly membersByBucket = new Map<string, Set<string>>();
  /** The days each group has members on. */
  private readonly daysByGroup = new Map<string, Set<string>>();
  /** Tallies by group, then day: a group's range is one lookup, as it is one query in DynamoDB. */
  private readonly tallyByGroup = new Map<string, Map<string, Tally>>();
  private readonly summaryByKey = new Map<string, RateSummary>();
  private current: RatesState = {};

  /** Records a change of a suggestion (what the table's changed-since index would show). */
  record(history: SuggestionHistory): void {
    this.histories.delete(history.suggestion.id);
    this.histories.set(history.suggestion.id, { seq: ++this.seq, history });
  }

  async changedSince(_orgId: string, since: string | undefined, limit: number) {
    this.counts.requests++;
    const after = since === undefined ? 0 : Number(since);
    // The map keeps insertion order, and a re-recorded suggestion moves to the end: it is in change order.
    const items: { seq: number; history: SuggestionHistory }[] = [];
    for (const entry of this.histories.values()) {
      if (entry.seq <= after) continue;
      items.push(entry);
      if (items.length >= limit) break;
    }
    this.counts.read += items.length;
    const last = items.at(-1);
    return { items: items.map((h) => h.history), ...(last ? { watermark: String(last.seq) } : {}) };
  }

  async dueBetween(_orgId: string, after: string, until: string) {
    this.counts.requests++;
    const finished = new Set(['closed', 'rejected', 'merged', 'replied']);
    const out = [...this.histories.values()]
      .map((h) => h.history)
      .filter(({ suggestion: s }) => !finished.has(s.status) && s.dueAt > after && s.dueAt <= until);
    this.counts.read += out.length;
    return out;
  }

  async facts(_orgId: string, id: string) {
    this.counts.requests++;
    this.counts.read++;
    return this.factsById.get(id);
  }

  async saveFacts(_orgId: string, facts: RateFacts, previous: RateFacts | undefined) {
    for (const b of previous ? bucketsOf(previous) : []) this.membersByBucket.get(bucketKey(b))?.delete(facts.id);
    for (const b of bucketsOf(facts)) {
      const key = bucketKey(b);
      if (!this.membersByBucket.has(key)) this.membersByBucket.set(key, new Set());
      if (!this.daysByGroup.has(b.group)) this.daysByGroup.set(b.group, new Set());
      this.daysByGroup.get(b.group)!.add(b.day);
      this.membersByBucket.get(key)!.add(facts.id);
    }
    this.factsById.set(facts.id, facts);
    this.counts.written += 1 + bucketsOf(facts).length;
  }

  async members(_orgId: string, bucket: Bucket) {
    this.counts.requests++;
    const ids = [...(this.membersByBucket.get(bucketKey(bucket)) ?? [])];
    this.counts.read += ids.length;
    return ids.map((id) => this.factsById.get(id)!);
  }

  async membersIn(_orgId: string, group: string, fromDay: string, toDay: string) {
    this.counts.requests++;
    const ids = new Set<string>();
    for (const day of this.daysByGroup.get(group) ?? []) {
      if (day < fromDay || day > toDay) continue;
      const members = this.membersByBucket.get(bucketKey({ group: group as Bucket['group'], day })) ?? new Set<string>();
      for (const id of members) ids.add(id);
      this.counts.read += members.size;
    }
    return [...ids].map((id) => this.factsById.get(id)!);
  }

  async saveTally(_orgId: string, bucket: Bucket, tally: Tally) {
    this.counts.written++;
    if (!this.tallyByGroup.has(bucket.group)) this.tallyByGroup.set(bucket.group, new Map());
    const days = this.tallyByGroup.get(bucket.group)!;
    if (isEmpty(tally)) days.delete(bucket.day);
    else days.set(bucket.day, tally);
  }

  async tallies(_orgId: string, group: string, fromDay: string, toDay: string) {
    this.counts.requests++;
    const out = [...(this.tallyByGroup.get(group) ?? [])].filter(([day]) => day >= fromDay && day <= toDay);
    this.counts.read += out.length;
    return new Map(out.sort(([a], [b]) => a.localeCompare(b)));
  }

  async saveSummary(_orgId: string, kind: SummaryKind, period: string, group: string, tally: Tally) {
    this.counts.written++;
    const key = `${kind}|${period}`;
    const summary = this.summaryByKey.get(key) ?? { kind, period, groups: {} };
    if (isEmpty(tally)) delete summary.groups[group];
    else summary.groups[group] = tally;
    if (Object.keys(summary.groups).length) this.summaryByKey.set(key, summary);
    else this.summaryByKey.delete(key);
  }

  async summaries(_orgId: string, kind: SummaryKind, fromPeriod: string, toPeriod: string) {
    this.counts.requests++;
    const out = [...this.summaryByKey.values()]
      .filter((s) => s.kind === kind && s.period >= fromPeriod && s.period <= toPeriod)
      .sort((a, b) => a.period.localeCompare(b.period))
      .map((s) => structuredClone(s));
    this.counts.read += out.length;
    return out;
  }

  async state() {
    this.counts.requests++;
    this.counts.read++;
    return structuredClone(this.current);
  }

  async saveState(_orgId: string, patch: Partial<RatesState>) {
    this.counts.written++;
    this.current = { ...this.current, ...structuredClone(patch) };
  }

  async requestFull(_orgId: string, at: string, by: string, audit: AuditRecord) {
    this.counts.written += 2;
    this.current = { ...this.current, fullRequested: { at, by } };
    this.audits.push(audit);
  }

  /** Every kept tally, by bucket key (for comparing runs). */
  snapshot(): Map<string, Tally> {
    const out = new Map<string, Tally>();
    for (const [group, days] of this.tallyByGroup) for (const [day, tally] of days) out.set(bucketKey({ group: group as Bucket['group'], day }), tally);
    return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Every kept summary, by kind|period (for comparing runs). */
  summarySnapshot(): Map<string, RateSummary> {
    return new Map([...this.summaryByKey].map(([key, s]) => [key, structuredClone(s)]));
  }

  private ranking: RankingSettings = defaultRankingSettings;

  async rankingSettings() {
    this.counts.requests++;
    this.counts.read++;
    return { ...this.ranking };
  }

  async saveRankingSettings(_orgId: string, settings: RankingSettings, audit: AuditRecord) {
    this.counts.written += 2;
    this.ranking = { ...settings };
    this.audits.push(audit);
  }
}
