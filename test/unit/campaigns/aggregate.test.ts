/** What a response, a suggestion and a scan add to a campaign's counters, and how the summed shards read as figures. */
import { describe, expect, it } from 'vitest';
import {
  counterGroups,
  counterShards,
  figuresFromCounters,
  responseContributions,
  scanContributions,
  shardOf,
  sumCounters,
  suggestionContributions,
} from '../../../shared/domain/campaign/aggregate';
import { checkAnswers } from '../../../shared/domain/questionnaire/answers';
import { busAnswers, everyTypeQuestionnaire as q } from './questionnaire-fixture';

describe('responseContributions', () => {
  it('counts the response by day and station, and each answered question by type', () => {
    const answers = checkAnswers(q, busAnswers);
    expect(responseContributions(q, answers, { day: '2026-12-01', stationId: 'mall' })).toEqual({
      r: 1,
      'd#2026-12-01#r': 1,
      'st#mall#r': 1,
      'q#mode#n': 1,
      'q#mode#o#bus': 1,
      'q#bus_issues#n': 1,
      'q#bus_issues#o#late': 1,
      'q#bus_issues#o#crowded': 1,
      'q#stop#n': 1,
      'q#idea#n': 1,
      'q#score#n': 1,
      'q#score#v#4': 1,
      'q#score#sum': 4,
      'q#minutes#n': 1,
      'q#minutes#sum': 35,
      'q#services#n': 1,
      'q#services#c#info#good': 1,
      'q#services#c#seats#bad': 1,
    });
  });

  it('a response without a station counts under the empty station; unanswered questions add nothing', () => {
    const answers = checkAnswers(q, { mode: 'metro', score: 2, services: { info: 'ok', seats: 'ok' } });
    const c = responseContributions(q, answers, { day: '2026-12-02' });
    expect(c['st##r']).toBe(1);
    expect(Object.keys(c).filter((k) => k.startsWith('q#bus_issues') || k.startsWith('q#stop') || k.startsWith('q#minutes'))).toEqual([]);
  });
});

describe('suggestion and scan contributions', () => {
  it('a suggestion counts by day, station, channel and category', () => {
    expect(suggestionContributions({ day: '2026-12-01', stationId: 'mall', channel: 'qr', category: 'traffic' })).toEqual({
      s: 1,
      'd#2026-12-01#s': 1,
      'st#mall#s': 1,
      'ch#qr': 1,
      'cat#traffic': 1,
    });
  });
  it('a scan counts by station', () => {
    expect(scanContributions('mall')).toEqual({ scan: 1, 'st#mall#scan': 1 });
    expect(scanContributions(undefined)).toEqual({ scan: 1, 'st##scan': 1 });
  });
});

describe('figuresFromCounters', () => {
  it('reads the summed shards back as figures', () => {
    const a = responseContributions(q, checkAnswers(q, busAnswers), { day: '2026-12-01', stationId: 'mall' });
    const b = responseContributions(q, checkAnswers(q, { mode: 'metro', score: 2, minutes: 10, services: { info: 'ok', seats: 'bad' } }), { day: '2026-12-02' });
    const s = suggestionContributions({ day: '2026-12-01', stationId: 'mall', channel: 'qr', category: 'traffic' });
    const figures = figuresFromCounters(sumCounters([a, b, s, scanContributions('mall'), { p: 2 }, { pk: 'x' as unknown as number }]));
    expect(figures.responses).toBe(2);
    expect(figures.suggestions).toBe(1);
    expect(figures.participants).toBe(2);
    expect(figures.scans).toBe(1);
    expect(figures.byDay).toEqual({ '2026-12-01': { responses: 1, suggestions: 1 }, '2026-12-02': { responses: 1, suggestions: 0 } });
    expect(figures.byStation).toEqual({ mall: { responses: 1, suggestions: 1, scans: 1 }, '': { responses: 1, suggestions: 0, scans: 0 } });
    expect(figures.byChannel).toEqual({ qr: 1 });
    expect(figures.byCategory).toEqual({ traffic: 1 });
    expect(figures.questions.mode).toEqual({ answered: 2, options: { bus: 1, metro: 1 } });
    expect(figures.questions.bus_issues).toEqual({ answered: 1, options: { late: 1, crowded: 1 } });
    expect(figures.questions.score).toEqual({ answered: 2, scale: { '4': 1, '2': 1 }, sum: 6 });
    expect(figures.questions.minutes).toEqual({ answered: 2, sum: 45 });
    expect(figures.questions.stop).toEqual({ answered: 1 });
    expect(figures.questions.services).toEqual({ answered: 2, cells: { info: { good: 1, ok: 1 }, seats: { bad: 2 } } });
  });

  it('ignores names it does not know', () => {
    expect(figuresFromCounters({ 'x#y': 3, 'd#2026-12-01#zz': 1, 'q#a#o': 1 })).toMatchObject({ responses: 0, byDay: {}, questions: { a: { answered: 0 } } });
  });
});

describe('shards', () => {
  it('shardOf is deterministic and spreads ids over every shard', () => {
    expect(shardOf('01JABCDEFGHJKMNPQRSTVWXYZ0')).toBe(shardOf('01JABCDEFGHJKMNPQRSTVWXYZ0'));
    const counts = new Array<number>(counterShards).fill(0);
    for (let i = 0; i < 32_000; i++) counts[shardOf(`response-${i}`)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
    expect(shardOf('x', 8)).toBeLessThan(8);
  });

  it('a long contribution splits into groups that sum to it', () => {
    const big = Object.fromEntries(Array.from({ length: 701 }, (_, i) => [`q#q${i}#n`, 1]));
    const groups = counterGroups(big, 300);
    expect(groups.map((g) => Object.keys(g).length)).toEqual([300, 300, 101]);
    expect(sumCounters(groups)).toEqual(big);
  });
});
