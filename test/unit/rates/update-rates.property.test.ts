/**
 * The rates job on the in-memory rate store: run after every round of changes (some rounds retried, runs late),
 * it keeps the same figures as a full recompute from nothing — on random histories of submissions, assignments,
 * send-backs, information requests, extensions, replies, ratings, reopenings, merges and rejections — and it
 * reads only what changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { submitted, transition, type Action } from '../../../shared/domain/suggestion/lifecycle';
import type { Actor, Suggestion, TimelineEntry } from '../../../shared/domain/suggestion/suggestion';
import { MemoryRateStore } from '../../../shared/memory/memory-rate-store';
import { updateRates, type UpdateRatesDeps } from '../../../shared/use-cases/update-rates';

const staff = (role: string): Actor => ({ type: 'staff', id: role, role, ...(role === 'handler' ? { departmentId: 'transport' } : {}) });
const citizen: Actor = { type: 'citizen', id: 'citizen' };
const system: Actor = { type: 'system', id: 'workflow' };

/** What may come next from each status, with who does it and what it changes. */
const next: Record<string, [Action, Actor, (at: string, s: Suggestion) => Partial<Suggestion>][]> = {
  submitted: [['beginScreening', system, () => ({})]],
  screening: [
    ['assign', staff('dispatcher'), () => ({ leadDepartmentId: 'transport', cohandlerDepartmentIds: ['urban'], tier: 'deadline' })],
    ['assign', staff('dispatcher'), () => ({ leadDepartmentId: 'health', tier: 'study' })],
    ['reject', staff('dispatcher'), () => ({})],
    ['merge', staff('dispatcher'), () => ({ mergedInto: 'x' })],
  ],
  assigned: [['sign', staff('handler'), () => ({})], ['sendBack', staff('handler'), () => ({ leadDepartmentId: undefined })]],
  signed: [
    ['reply', staff('handler'), (at, s) => ({ reply: { text: 'r', at, departmentId: 'transport', dueAt: s.dueAt, adopted: at.endsWith('5Z') } })],
    ['requestInfo', staff('handler'), () => ({})],
    ['requestExtension', staff('handler'), () => ({})],
  ],
  infoRequested: [['answerInfo', citizen, () => ({})]],
  replied: [
    ['rate', citizen, (at) => ({ rating: { rating: 'satisfied', resolution: 'yes', at } })],
    ['rate', citizen, (at) => ({ rating: { rating: 'basic', resolution: 'partly', at } })],
    ['reopen', citizen, (at) => ({ rating: { rating: 'dissatisfied', resolution: 'no', at }, reopenCount: 1 })],
    ['autoClose', system, () => ({})],
  ],
  reopened: [['sign', staff('handler'), () => ({})]],
};

interface Story {
  s: Suggestion;
  timeline: TimelineEntry[];
}

function begin(id: string, day: number, channel: Suggestion['channel']): Story {
  const at = new Date(Date.UTC(2026, 10, day, 2)).toISOString();
  const { suggestion, entry } = submitted({ id, orgId: 'demo', trackingCode: id, pinHash: 'x', title: 't', content: 'c', category: day % 2 ? 'traffic' : 'housing', channel, dueAt: at, submittedAt: at }, citizen);
  return { s: suggestion, timeline: [entry] };
}

/** One step of a story, chosen by `choice` among what its status allows (none once it is finished). */
function step(story: Story, choice: number, at: string): Story {
  const options = next[story.s.status] ?? [];
  if (!options.length) return story;
  const [action, actor, changes] = options[choice % options.length]!;
  const { suggestion, entry } = transition(story.s, { action, actor, at, changes: { dueAt: new Date(Date.parse(at) + 5 * 86_400_000).toISOString(), ...changes(at, story.s) } });
  return { s: suggestion, timeline: [...story.timeline, entry] };
}

const deps = (rates: MemoryRateStore, now: Date): UpdateRatesDeps => ({
  rates,
  supervision: { calendarOverrides: async () => [], timeLimits: async () => ({}) },
  clock: { now: () => now },
});

describe('the rates job', () => {
  it('run after every round (some twice) keeps the figures a full recompute gives, and reads only the changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(29), fc.constantFrom('web', 'hotline', 'qr')), { minLength: 1, maxLength: 12 }),
        fc.array(fc.array(fc.tuple(fc.nat(11), fc.nat(7)), { maxLength: 8 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        async (births, rounds, retried) => {
          const now = new Date(Date.UTC(2026, 11, 31));
          const stories = births.map(([day, channel], i) => begin(`s${i}`, day + 1, channel as Suggestion['channel']));
          const store = new MemoryRateStore();
          stories.forEach((story) => store.record({ suggestion: story.s, timeline: story.timeline }));
          await updateRates(deps(store, now), 'demo');
          let clock = Date.UTC(2026, 11, 1);
          for (const [r, round] of rounds.entries()) {
            for (const [which, choice] of round) {
              const i = which % stories.length;
              clock += 3_600_000;
              stories[i] = step(stories[i]!, choice, new Date(clock).toISOString());
              store.record({ suggestion: stories[i]!.s, timeline: stories[i]!.timeline });
            }
            const before = store.counts.read;
            const report = await updateRates(deps(store, now), 'demo');
            // Reads grow with the changes only: each changed suggestion (with its timeline) and its kept facts.
            expect(report.changed).toBe(new Set(round.map(([w]) => w % stories.length)).size);
            const timelines = stories.reduce((n, s) => Math.max(n, s.timeline.length), 0);
            expect(store.counts.read - before).toBeLessThanOrEqual(report.changed * (2 + timelines) + 1);
            if (retried[r]) await updateRates(deps(store, now), 'demo');
            // A run with nothing changed reads where the job stands, and nothing else.
            const idle = store.counts.read;
            expect((await updateRates(deps(store, now), 'demo')).changed).toBe(0);
            expect(store.counts.read - idle).toBeLessThanOrEqual(1);
          }
          const fresh = new MemoryRateStore();
          stories.forEach((story) => fresh.record({ suggestion: story.s, timeline: story.timeline }));
          await updateRates(deps(fresh, now), 'demo', { full: true });
          expect(store.snapshot()).toEqual(fresh.snapshot());
          expect(store.summarySnapshot()).toEqual(fresh.summarySnapshot());
          // The full recompute on the kept store gives the same again.
          await updateRates(deps(store, now), 'demo', { full: true });
          expect(store.snapshot()).toEqual(fresh.snapshot());
          expect(store.summarySnapshot()).toEqual(fresh.summarySnapshot());
        },
      ),
      { numRuns: 60 },
    );
  });
});
