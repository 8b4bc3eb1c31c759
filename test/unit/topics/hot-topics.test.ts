import { describe, expect, it } from 'vitest';
import { hotTopics } from '../../../shared/domain/topics/hot-topics';
import type { TopicCount } from '../../../shared/domain/topics/series';
import { daysOfWeek, isIsoWeek, isoWeekOf, previousWeek } from '../../../shared/domain/topics/weeks';

const c = (series: TopicCount['series'], day: string, count: number, ids: string[] = []): TopicCount => ({ series, day, count, sample: ids.map((id) => ({ id, title: `t${id}` })) });

describe('ISO weeks', () => {
  it('lists a week Monday first and steps back a week, across a year end', () => {
    expect(daysOfWeek('2026-W49')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(previousWeek('2026-W01')).toBe('2025-W52');
    expect(daysOfWeek('2026-W01')[0]).toBe('2025-12-29');
    expect(isoWeekOf('2026-12-01')).toBe('2026-W49');
  });

  it('knows which weeks exist', () => {
    expect(isIsoWeek('2026-W53')).toBe(true); // 2026 has 53 ISO weeks
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-49')).toBe(false);
  });
});

describe('hot topics', () => {
  const thisWeek = [
    c('keyword:路灯', '2026-11-30', 4, ['a', 'b']),
    c('keyword:路灯', '2026-12-01', 3, ['c']),
    c('keyword:电梯', '2026-12-01', 2),
    c('keyword:停车', '2026-12-02', 7),
    c('category:urban-management', '2026-12-01', 9),
    c('place:幸福街道', '2026-12-01', 6),
  ];
  const lastWeek = [c('keyword:路灯', '2026-11-24', 2), c('keyword:停车', '2026-11-25', 7), c('category:urban-management', '2026-11-24', 3)];

  it('sums the week per series and compares with the week before', () => {
    const hot = hotTopics(thisWeek, lastWeek);
    const lamp = hot.keyword.find((r) => r.value === '路灯')!;
    expect(lamp).toMatchObject({ count: 7, previous: 2, growth: 2.5, isNew: false });
    expect(lamp.suggestions.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(hot.keyword.find((r) => r.value === '停车')).toMatchObject({ count: 7, previous: 7, growth: 0 });
    expect(hot.category[0]).toMatchObject({ value: 'urban-management', count: 9, previous: 3, growth: 2 });
  });

  it('marks a topic absent the week before as new, with no growth figure', () => {
    const hot = hotTopics(thisWeek, lastWeek);
    expect(hot.keyword.find((r) => r.value === '电梯')).toMatchObject({ count: 2, previous: 0, growth: null, isNew: true });
    expect(hot.place[0]).toMatchObject({ value: '幸福街道', isNew: true, growth: null });
  });

  it('ranks by count (growth breaks ties), and keeps the top rows per kind', () => {
    const hot = hotTopics(thisWeek, lastWeek);
    expect(hot.keyword.map((r) => r.value)).toEqual(['路灯', '停车', '电梯']);
    expect(hotTopics(thisWeek, lastWeek, 1).keyword.map((r) => r.value)).toEqual(['路灯']);
  });

  it('leaves out topics with nothing this week', () => {
    expect(hotTopics([], lastWeek)).toEqual({ keyword: [], category: [], place: [] });
  });
});
