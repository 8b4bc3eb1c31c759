import { describe, expect, it } from 'vitest';
import { emptyFigures } from '../../../../shared/domain/campaign/figures';
import type { Question } from '../../../../shared/domain/questionnaire/questionnaire';
import { countRows, daySeries, matrixGrid, meanOf, percentOf, stationRows } from '../../../../web/src/campaigns/figures-view';

const text = (zh: string) => ({ 'zh-CN': zh });

describe("a campaign's figures as shown", () => {
  it('fills the days without figures with zeros, from the opening day', () => {
    const figures = { ...emptyFigures(), byDay: { '2026-12-03': { responses: 2, suggestions: 1 }, '2026-12-01': { responses: 1, suggestions: 0 } } };
    expect(daySeries(figures, { from: '2026-11-30' })).toEqual({
      days: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'],
      responses: [0, 1, 0, 2],
      suggestions: [0, 0, 0, 1],
    });
    expect(daySeries(emptyFigures())).toEqual({ days: [], responses: [], suggestions: [] });
  });

  it('shares counts out of the answered responses', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(0, 0)).toBeUndefined();
    const question: Question = { id: 'q', type: 'multiple', label: text('q'), required: false, options: [{ id: 'a', label: text('A') }, { id: 'b', label: text('B') }] };
    expect(countRows(question, { answered: 4, options: { a: 3, b: 2 } }).map((r) => [r.id, r.count, r.percent])).toEqual([
      ['a', 3, 75],
      ['b', 2, 50],
    ]);
    const rating: Question = { id: 'r', type: 'rating', label: text('r'), required: false, min: 1, max: 3 };
    expect(countRows(rating, { answered: 2, scale: { '3': 2 }, sum: 6 }).map((r) => r.count)).toEqual([0, 0, 2]);
    expect(meanOf({ answered: 3, sum: 10 })).toBe(3.3);
    expect(meanOf({ answered: 0, sum: 0 })).toBeUndefined();
  });

  it('grids a matrix by row', () => {
    const matrix: Extract<Question, { type: 'matrix' }> = { id: 'm', type: 'matrix', label: text('m'), required: false, rows: [{ id: 'bus', label: text('公交') }], columns: [{ id: 'good', label: text('好') }, { id: 'bad', label: text('差') }] };
    expect(matrixGrid(matrix, { answered: 4, cells: { bus: { good: 3, bad: 1 } } })[0]!.cells).toEqual([
      { id: 'good', count: 3, percent: 75 },
      { id: 'bad', count: 1, percent: 25 },
    ]);
  });

  it('lists stations with their names, busiest first, and the page without a station last', () => {
    const rows = stationRows(
      { byStation: { '': { responses: 9, suggestions: 0, scans: 0 }, mall: { responses: 1, suggestions: 1, scans: 5 }, hall: { responses: 3, suggestions: 0, scans: 4 } } },
      [{ id: 'mall', name: '商场' }, { id: 'hall', name: '社区中心' }, { id: 'park', name: '公园' }],
    );
    expect(rows.map((r) => [r.id, r.name])).toEqual([
      ['hall', '社区中心'],
      ['mall', '商场'],
      ['park', '公园'],
      ['', undefined],
    ]);
  });
});
