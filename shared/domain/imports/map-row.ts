/**
 * One source row as the intake would take it: the mapping picks the columns, the source category becomes ours
 * (or the default), the original time is parsed, and the submission is checked against the intake's own schema
 * so the preview refuses exactly what the import would. Problems are "字段：规则" in zh-CN, per field.
 */
import { ValidationError, type FieldProblems } from '../errors';
import { describeField, ruleText, type Locale } from '../i18n/messages';
import { submissionSchema, limits } from '../intake/submission';
import { parseOrThrow } from '../validation';
import type { ImportField, ImportMapping } from './bulk-import';
import { parseSourceTime } from './source-time';

export interface MappedRow {
  recordId: string;
  submittedAt?: Date;
  /** The intake body (channel import). */
  body: Record<string, unknown>;
}

export type RowMapping = { ok: true; row: MappedRow } | { ok: false; recordId?: string; problems: FieldProblems };

/** Column index of each mapped field in this header; a mapped column the header lacks is a mapping problem. */
export function columnIndexes(header: readonly string[], mapping: ImportMapping): { indexes: Partial<Record<ImportField, number>>; missing: ImportField[] } {
  const indexes: Partial<Record<ImportField, number>> = {};
  const missing: ImportField[] = [];
  for (const [field, column] of Object.entries(mapping.columns) as [ImportField, string | undefined][]) {
    if (!column) continue;
    const at = header.indexOf(column);
    if (at < 0) missing.push(field);
    else indexes[field] = at;
  }
  return { indexes, missing };
}

/** A mapping must name the record id and content columns (400 naming them otherwise). */
export function requireUsableMapping(header: readonly string[], mapping: ImportMapping): Partial<Record<ImportField, number>> {
  const { indexes, missing } = columnIndexes(header, mapping);
  const problems: FieldProblems = {};
  for (const field of ['recordId', 'content'] as const) if (!mapping.columns[field]) problems[`mapping.${field}`] = { rule: 'required' };
  for (const field of missing) problems[`mapping.${field}`] = { rule: 'importColumn', params: { column: mapping.columns[field] ?? '' } };
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return indexes;
}

export function mapRow(cells: readonly string[], indexes: Partial<Record<ImportField, number>>, mapping: ImportMapping): RowMapping {
  const cell = (field: ImportField) => {
    const at = indexes[field];
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
  const recordId = cell('recordId');
  const problems: FieldProblems = {};
  if (!recordId) problems.recordId = { rule: 'required' };
  else if (recordId.length > 128) problems.recordId = { rule: 'tooLong', params: { max: 128 } };

  const content = cell('content');
  // A source without titles: the content's first words stand in for one.
  const title = cell('title') || content.replace(/\s+/g, ' ').slice(0, 30);
  const sourceCategory = cell('category');
  const category = mapping.categories[sourceCategory] ?? mapping.defaultCategory;
  const phone = cell('contactPhone').replace(/[\s-]/g, '');
  const email = cell('contactEmail');
  const name = cell('contactName');
  const address = cell('address').slice(0, limits.addressMax);
  const body: Record<string, unknown> = {
    title,
    content,
    category,
    channel: 'import',
    ...(address ? { location: { address } } : {}),
    // The source system took the person's consent when it took the call; without a phone or email there is no one to reach.
    ...(phone || email ? { contact: { ...(name ? { name: name.slice(0, limits.nameMax) } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}), consent: true } } : {}),
  };

  let submittedAt: Date | undefined;
  const time = cell('submittedAt');
  if (time) {
    submittedAt = parseSourceTime(time);
    if (!submittedAt) problems.submittedAt = { rule: 'sourceTime', params: { text: time.slice(0, 40) } };
  }
  try {
    parseOrThrow(submissionSchema, body);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(problems, error.fields);
  }
  if (Object.keys(problems).length) return { ok: false, ...(recordId ? { recordId } : {}), problems };
  return { ok: true, row: { recordId, ...(submittedAt ? { submittedAt } : {}), body } };
}

/** "建议内容：必填；联系电话：…" — a row's problems as one line for the report. */
export function problemText(problems: FieldProblems, locale: Locale = 'zh-CN'): string {
  return Object.entries(problems)
    .map(([field, problem]) => `${describeField(locale, field)}${locale === 'zh-CN' ? '：' : ': '}${ruleText(locale, problem)}`)
    .join(locale === 'zh-CN' ? '；' : '; ');
}
