/**
 * A campaign's figures as the pages show them: a day-by-day series without gaps, each question's counts with
 * their share of the responses that answered it, and a rating's mean. Shared by the organizer's live results and
 * the public page after publication (which shows choices only, never text answers).
 */
import type { CampaignFigures, QuestionFigures } from '../../../shared/domain/campaign/figures';
import type { LocalText, Question } from '../../../shared/domain/questionnaire/questionnaire';
import { daysBetween } from './beijing-time';

export interface DaySeries {
  days: string[];
  responses: number[];
  suggestions: number[];
}

/** Every day from the first with figures (or the opening day, if earlier) to the last, zeros where nothing came. */
export function daySeries(figures: Pick<CampaignFigures, 'byDay'>, window?: { from?: string; to?: string }): DaySeries {
  const known = Object.keys(figures.byDay).sort();
  const first = [known[0], window?.from].filter(Boolean).sort()[0];
  const last = [known.at(-1), window?.to].filter(Boolean).sort().at(-1);
  const days = first && last ? daysBetween(first, last) : [];
  return {
    days,
    responses: days.map((d) => figures.byDay[d]?.responses ?? 0),
    suggestions: days.map((d) => figures.byDay[d]?.suggestions ?? 0),
  };
}

/** A share as a percentage with one decimal ('42.9'), or undefined when there is nothing to share out. */
export function percentOf(count: number, total: number): number | undefined {
  if (!total) return undefined;
  return Math.round((count / total) * 1000) / 10;
}

export interface CountRow {
  id: string;
  label: LocalText | undefined;
  count: number;
  /** Of the responses that answered the question (a multiple choice's shares can add up past 100). */
  percent: number | undefined;
}

/** The rows of a choice or rating question's counts, in the questionnaire's order. */
export function countRows(question: Question, figures: QuestionFigures | undefined): CountRow[] {
  const answered = figures?.answered ?? 0;
  if (question.type === 'single' || question.type === 'multiple') {
    return question.options.map((o) => {
      const count = figures?.options?.[o.id] ?? 0;
      return { id: o.id, label: o.label, count, percent: percentOf(count, answered) };
    });
  }
  if (question.type === 'rating') {
    return Array.from({ length: question.max - question.min + 1 }, (_, i) => {
      const value = String(question.min + i);
      const count = figures?.scale?.[value] ?? 0;
      return { id: value, label: { 'zh-CN': value }, count, percent: percentOf(count, answered) };
    });
  }
  return [];
}

/** A rating's or number's mean answer, to one decimal; undefined before anyone answered. */
export function meanOf(figures: QuestionFigures | undefined): number | undefined {
  if (!figures?.answered || figures.sum === undefined) return undefined;
  return Math.round((figures.sum / figures.answered) * 10) / 10;
}

/** A matrix's grid: per row, each column's count and share of that row's answers. */
export function matrixGrid(question: Extract<Question, { type: 'matrix' }>, figures: QuestionFigures | undefined): { row: Question['label']; id: string; cells: { id: string; count: number; percent: number | undefined }[] }[] {
  return question.rows.map((row) => {
    const counts = figures?.cells?.[row.id] ?? {};
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    return {
      id: row.id,
      row: row.label,
      cells: question.columns.map((c) => ({ id: c.id, count: counts[c.id] ?? 0, percent: percentOf(counts[c.id] ?? 0, total) })),
    };
  });
}

/** Stations by what they brought in, most first; the row without a station (`''`) last. */
export function stationRows(figures: Pick<CampaignFigures, 'byStation'>, names: { id: string; name: string }[]): { id: string; name: string | undefined; responses: number; suggestions: number; scans: number }[] {
  const ids = new Set([...names.map((s) => s.id), ...Object.keys(figures.byStation)]);
  return [...ids]
    .map((id) => ({ id, name: names.find((s) => s.id === id)?.name, ...(figures.byStation[id] ?? { responses: 0, suggestions: 0, scans: 0 }) }))
    .sort((a, b) => (a.id === '' ? 1 : 0) - (b.id === '' ? 1 : 0) || b.responses + b.suggestions - (a.responses + a.suggestions) || a.id.localeCompare(b.id));
}
