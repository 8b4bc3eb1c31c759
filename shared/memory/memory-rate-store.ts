/**
 * The rate store in memory: the same port as the DynamoDB one, for the benchmark at a million suggestions and for
 * tests. It counts the items it reads and writes, as DynamoDB would bill them, and the requests it serves (a query
 * or a get is one), as the DynamoDB client would send them.
 */
import type { AuditRecord } from '../domain/staff/audit-record';
import { bucketKey, bucketsOf, type Bucket } from '../domain/rates/buckets';
import { applyDelta, isEmptyTally, type ChangeDeltas } from '../domain/rates/contributions';
import type { RateFacts } from '../domain/rates/facts';
import type { SummaryKind } from '../domain/rates/periods';
import { defaultRankingSettings, type RankingSettings } from '../domain/rates/ranking';
import type { Tally } from '../domain/rates/tally';
import { StaleFactsError, type KeptFacts, type RateStore, type RatesState, type RateSummary, type SuggestionHistory } from '../ports';

export class MemoryRateStore implements RateStore {
  readonly counts = { read: 0, written: 0, requests: 0 };
  readonly audits: AuditRecord[] = [];
  private readonly histories = new Map<string, { seq: number; history: SuggestionHistory }>();
  private seq = 0;
  private readonly factsById = new Map<string, KeptFacts>();
  /** Members by group, then day: a group's range is one lookup, as it is one query in DynamoDB. */
  private readonly membersByGroup = new Map<string, Map<string, Set<string>>>();
  private readonly tallyByGroup = new Map<string, Map<string, Tally>>();
  private readonly summaryByKey = new Map<string, RateSummary>();
  private current: RatesState = {};
  private ranking: RankingSettings = defaultRankingSettings;

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
    if (after < this.seq) {
      for (const entry of this.histories.values()) {
        if (entry.seq <= after) continue;
        items.push(entry);
        if (items.length >= limit) break;
      }
    }
    // The suggestion and its timeline entries, as the index and the timeline query return them.
    this.counts.read += items.reduce((n, h) => n + 1 + h.history.timeline.length, 0);
    this.counts.requests += items.length;
    const last = items.at(-1);
    return { items: items.map((h) => h.history), ...(last ? { watermark: String(last.seq) } : {}) };
  }

  async dueBetween(_orgId: string, after: string, until: string) {
    this.counts.requests++;
    const finished = new Set(['closed', 'rejected', 'merged', 'replied']);
    const out: SuggestionHistory[] = [];
    for (const { history } of this.histories.values()) {
      const s = history.suggestion;
      if (!finished.has(s.status) && s.dueAt > after && s.dueAt <= until) out.push(history);
    }
    this.counts.read += out.reduce((n, h) => n + 1 + h.timeline.length, 0);
    return out;
  }

  async facts(_orgId: string, id: string) {
    this.counts.requests++;
    this.counts.read++;
    const kept = this.factsById.get(id);
    return kept && { facts: kept.facts, rev: kept.rev };
  }

  private moveMembers(facts: RateFacts, previous: RateFacts | undefined): void {
    for (const b of previous ? bucketsOf(previous) : []) this.membersByGroup.get(b.group)?.get(b.day)?.delete(facts.id);
    for (const b of bucketsOf(facts)) {
      if (!this.membersByGroup.has(b.group)) this.membersByGroup.set(b.group, new Map());
      const days = this.membersByGroup.get(b.group)!;
      if (!days.has(b.day)) days.set(b.day, new Set());
      days.get(b.day)!.add(facts.id);
    }
    this.counts.written += bucketsOf(facts).length + (previous ? bucketsOf(previous).length : 0);
  }

  async applyChange(_orgId: string, next: RateFacts, previous: KeptFacts | undefined, deltas: ChangeDeltas) {
    this.moveMembers(next, previous?.facts);
    if ((this.factsById.get(next.id)?.rev ?? 0) !== (previous?.rev ?? 0)) throw new StaleFactsError(next.id);
    this.factsById.set(next.id, { facts: next, rev: (previous?.rev ?? 0) + 1 });
    for (const { bucket, delta } of deltas.buckets) {
      const days = this.tallyByGroup.get(bucket.group) ?? new Map<string, Tally>();
      this.tallyByGroup.set(bucket.group, days);
      days.set(bucket.day, applyDelta(days.get(bucket.day), delta));
    }
    for (const { kind, period, group, delta } of deltas.summaries) {
      const key = `${kind}|${period}`;
      const summary = this.summaryByKey.get(key) ?? { kind, period, groups: {} };
      summary.groups[group] = applyDelta(summary.groups[group], delta);
      this.summaryByKey.set(key, summary);
    }
    this.counts.written += 1 + deltas.buckets.length + new Set(deltas.summaries.map((s) => `${s.kind}|${s.period}`)).size;
  }

  async resetFacts(_orgId: string, next: RateFacts, previous: KeptFacts | undefined) {
    this.moveMembers(next, previous?.facts);
    this.factsById.set(next.id, { facts: next, rev: (this.factsById.get(next.id)?.rev ?? 0) + 1 });
    this.counts.written++;
  }

  async putTallies(orgId: string, tallies: ReadonlyArray<{ bucket: Bucket; tally: Tally }>) {
    for (const { bucket, tally } of tallies) this.putTally(orgId, bucket, tally);
  }

  private putTally(_orgId: string, bucket: Bucket, tally: Tally) {
    this.counts.written++;
    const days = this.tallyByGroup.get(bucket.group) ?? new Map<string, Tally>();
    this.tallyByGroup.set(bucket.group, days);
    if (isEmptyTally(tally)) days.delete(bucket.day);
    else days.set(bucket.day, { ...tally });
  }

  async putSummary(_orgId: string, kind: SummaryKind, period: string, groups: Record<string, Tally>) {
    this.counts.written++;
    const kept = Object.fromEntries(Object.entries(groups).filter(([, t]) => !isEmptyTally(t)).map(([g, t]) => [g, { ...t }]));
    if (Object.keys(kept).length) this.summaryByKey.set(`${kind}|${period}`, { kind, period, groups: kept });
    else this.summaryByKey.delete(`${kind}|${period}`);
  }

  async membersIn(_orgId: string, group: string, fromDay: string, toDay: string) {
    this.counts.requests++;
    const ids = new Set<string>();
    for (const [day, members] of this.membersByGroup.get(group) ?? []) {
      if (day < fromDay || day > toDay) continue;
      for (const id of members) ids.add(id);
      this.counts.read += members.size;
    }
    return [...ids].map((id) => this.factsById.get(id)!.facts);
  }

  async tallies(_orgId: string, group: string, fromDay: string, toDay: string) {
    this.counts.requests++;
    const out = [...(this.tallyByGroup.get(group) ?? [])].filter(([day, t]) => day >= fromDay && day <= toDay && !isEmptyTally(t));
    this.counts.read += out.length;
    return new Map(out.sort(([a], [b]) => a.localeCompare(b)));
  }

  async summaries(_orgId: string, kind: SummaryKind, fromPeriod: string, toPeriod: string) {
    this.counts.requests++;
    const out = [...this.summaryByKey.values()]
      .filter((s) => s.kind === kind && s.period >= fromPeriod && s.period <= toPeriod)
      .map((s) => ({ ...s, groups: Object.fromEntries(Object.entries(s.groups).filter(([, t]) => !isEmptyTally(t))) }))
      .filter((s) => Object.keys(s.groups).length > 0)
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

  async saveState(_orgId: string, patch: { [K in keyof RatesState]?: RatesState[K] | undefined }) {
    this.counts.written++;
    const next = { ...this.current, ...structuredClone(patch) } as Record<string, unknown>;
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
    this.current = next as RatesState;
  }

  async requestFull(_orgId: string, at: string, by: string, audit: AuditRecord) {
    this.counts.written += 2;
    this.current = { ...this.current, fullRequested: { at, by } };
    this.audits.push(audit);
  }

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

  /** Every kept (non-empty) tally, by bucket key (for comparing runs). */
  snapshot(): Map<string, Tally> {
    const out = new Map<string, Tally>();
    for (const [group, days] of this.tallyByGroup) for (const [day, tally] of days) if (!isEmptyTally(tally)) out.set(bucketKey({ group: group as Bucket['group'], day }), tally);
    return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Every kept summary without its empty groups, by kind|period (for comparing runs). */
  summarySnapshot(): Map<string, RateSummary> {
    const out = new Map<string, RateSummary>();
    for (const [key, s] of this.summaryByKey) {
      const groups = Object.fromEntries(Object.entries(s.groups).filter(([, t]) => !isEmptyTally(t)));
      if (Object.keys(groups).length) out.set(key, { ...s, groups: structuredClone(groups) });
    }
    return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
  }
}
