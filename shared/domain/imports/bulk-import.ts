/**
 * 批量导入 (issue 12, point 2): a file exported from another system (a 12345 hotline's CSV or XLSX) taken in as
 * suggestions, row by row, each through the one intake (submitSuggestion) keyed by the source's own record id.
 * An import is uploaded (its file kept, its header and first rows shown), mapped, previewed, started (its rows
 * worked in chunks on the file-jobs queue) and reported (each row imported, skipped or invalid, never dropped).
 */
import type { Category } from '../intake/categories';

/**
 * The upload is the request body: API Gateway takes 10 MB, but Lambda's synchronous payload is 6 MB and a binary
 * body reaches it base64-encoded (4/3 larger), so the file itself is at most 4 MB (a bigger file: 413, or split it).
 */
export const importLimits = {
  maxBytes: 4 * 1024 * 1024,
  /** Rows of one queued chunk: 500 intakes take well under a minute, far under Lambda's 15-minute cap. */
  chunkRows: 500,
  previewRows: 20,
  /** Rows kept with the upload for the mapping page (the header and these). */
  sampleRows: 5,
  maxRows: 200_000,
} as const;

export const importStates = ['uploaded', 'running', 'done'] as const;
export type ImportState = (typeof importStates)[number];

/** The fields a column can be mapped to; recordId and content are required. */
export const importFields = ['recordId', 'title', 'content', 'category', 'submittedAt', 'contactName', 'contactPhone', 'contactEmail', 'address'] as const;
export type ImportField = (typeof importFields)[number];

/** Which column (by its header text) feeds which field, and how source categories become ours. */
export interface ImportMapping {
  /** The mapping's name, as saved for the next file ("12345 热线"). */
  name: string;
  columns: Partial<Record<ImportField, string>>;
  /** Source category text → our category; any other value (or none) takes `defaultCategory`. */
  categories: Record<string, Category>;
  defaultCategory: Category;
  /** The header row it was made for: a file with the same header picks it. */
  header?: string[];
}

export type RowOutcome = 'imported' | 'skipped' | 'invalid';

/** What became of one row (its number counts data rows from 1, the header not counted). */
export interface ImportRowResult {
  row: number;
  recordId?: string;
  outcome: RowOutcome;
  trackingCode?: string;
  /** Why it is invalid: "字段：规则" per field, in zh-CN. */
  reason?: string;
}

export interface ImportCounts {
  imported: number;
  skipped: number;
  invalid: number;
}

export interface BulkImport {
  id: string;
  orgId: string;
  /** The source system's name ("12345"): the record ids are unique within it. */
  system: string;
  fileName: string;
  fileKey: string;
  format: 'csv' | 'xlsx';
  state: ImportState;
  header: string[];
  sample: string[][];
  rowCount: number;
  chunkCount: number;
  mapping?: ImportMapping;
  sendReceipt?: boolean;
  createdAt: string;
  createdBy: string;
  startedAt?: string;
  /** Who started it, with their role then: every row is taken in as them (the lifecycle checks the role). */
  startedBy?: { id: string; name: string; role: string };
  finishedAt?: string;
  /** Derived from the finished chunks' results (never added blindly): exact under redelivery. */
  counts: ImportCounts;
  chunksDone: number;
}

export function chunkCountOf(rowCount: number): number {
  return Math.ceil(rowCount / importLimits.chunkRows);
}

/** The rows (1-based, inclusive) of a chunk (0-based). */
export function chunkRange(chunk: number, rowCount: number): { from: number; to: number } {
  const from = chunk * importLimits.chunkRows + 1;
  return { from, to: Math.min(rowCount, from + importLimits.chunkRows - 1) };
}

export function sumCounts(parts: readonly ImportCounts[]): ImportCounts {
  return parts.reduce((a, b) => ({ imported: a.imported + b.imported, skipped: a.skipped + b.skipped, invalid: a.invalid + b.invalid }), { imported: 0, skipped: 0, invalid: 0 });
}

export function countsOf(results: readonly ImportRowResult[]): ImportCounts {
  const counts = { imported: 0, skipped: 0, invalid: 0 };
  for (const r of results) counts[r.outcome]++;
  return counts;
}
