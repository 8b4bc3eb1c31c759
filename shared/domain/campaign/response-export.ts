/**
 * A campaign's responses as rows of a spreadsheet: one column per question (a matrix: one per row), choices as their
 * labels in the reader's language (never option ids), several choices in one cell joined by "；", then the response
 * id, when it was received (office time) and the station's name. Decidim's exports (#15443, #8709, #6087) are the
 * bar: one column per answer option and raw ids made them unreadable.
 */
import type { Locale } from '../i18n/messages';
import { officeDateTime } from '../exports/export-row';
import { localText, type Question, type Questionnaire } from '../questionnaire/questionnaire';
import type { Station } from './campaign';
import type { CampaignResponse } from './response';

/** Joins several choices in one cell: the full-width semicolon reads as a list in Chinese and never occurs in ids. */
export const choiceSeparator = '；';

const fixedHeadings: Record<Locale, [string, string, string]> = {
  'zh-CN': ['答卷编号', '提交时间', '征集点'],
  en: ['Response id', 'Received (office time)', 'Station'],
};

/** One column: a question, or one row of a matrix question. */
interface Column {
  question: Question;
  rowId?: string;
  heading: string;
}

export interface ResponseSheet {
  headings: string[];
  row(response: CampaignResponse): (string | number)[];
}

function columnsOf(questionnaire: Questionnaire, locale: Locale): Column[] {
  return questionnaire.questions.flatMap((question): Column[] => {
    const label = localText(question.label, locale);
    if (question.type !== 'matrix') return [{ question, heading: label }];
    return question.rows.map((row) => ({ question, rowId: row.id, heading: `${label} — ${localText(row.label, locale)}` }));
  });
}

/** The label of an option id in this list, or the id itself if the list no longer has it. */
function labelOf(options: readonly { id: string; label: { 'zh-CN': string; en?: string } }[], id: string, locale: Locale): string {
  const option = options.find((o) => o.id === id);
  return option ? localText(option.label, locale) : id;
}

function cell(column: Column, response: CampaignResponse, locale: Locale): string | number {
  const answer = response.answers[column.question.id];
  if (answer === undefined) return '';
  const q = column.question;
  switch (q.type) {
    case 'single':
      return labelOf(q.options, answer as string, locale);
    case 'multiple':
      return (answer as string[]).map((id) => labelOf(q.options, id, locale)).join(choiceSeparator);
    case 'matrix': {
      const chosen = (answer as Record<string, string>)[column.rowId!];
      return chosen === undefined ? '' : labelOf(q.columns, chosen, locale);
    }
    case 'rating':
    case 'number':
      return answer as number;
    default:
      return answer as string;
  }
}

/** The headings and the row builder for one export (columns fixed once, from the questionnaire as it is now). */
export function responseSheet(questionnaire: Questionnaire, stations: readonly Station[], locale: Locale): ResponseSheet {
  const columns = columnsOf(questionnaire, locale);
  const stationNames = new Map(stations.map((s) => [s.id, s.name]));
  return {
    headings: [...fixedHeadings[locale], ...columns.map((c) => c.heading)],
    row: (response) => [
      response.id,
      officeDateTime(response.receivedAt),
      response.stationId ? (stationNames.get(response.stationId) ?? response.stationId) : '',
      ...columns.map((column) => cell(column, response, locale)),
    ],
  };
}

/** The download name: 答卷导出-<campaign>-20261201-0930.csv (office time of the request). */
export function responsesFileName(campaignId: string, requestedAt: string, format: string, locale: Locale): string {
  const office = new Date(new Date(requestedAt).getTime() + 8 * 3600_000).toISOString();
  const stamp = `${office.slice(0, 10).replaceAll('-', '')}-${office.slice(11, 16).replace(':', '')}`;
  return `${locale === 'en' ? 'responses' : '答卷导出'}-${campaignId}-${stamp}.${format}`;
}
