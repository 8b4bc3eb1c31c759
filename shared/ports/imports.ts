/** 批量导入 (issue 12): where imports, their per-row results and the saved mappings are kept. */
import type { AuditRecord } from '../domain/staff/audit-record';
import type { BulkImport, ImportCounts, ImportMapping, ImportRowResult } from '../domain/imports/bulk-import';

export interface ImportStore {
  /** The new import and its audit record in one transaction. */
  create(record: BulkImport, audit: AuditRecord): Promise<void>;
  get(orgId: string, id: string): Promise<BulkImport | undefined>;
  /** Newest first. */
  list(orgId: string, limit: number): Promise<BulkImport[]>;
  /** Sets it running with its mapping (only from `uploaded`: false when it was started already), audited. */
  start(record: BulkImport, audit: AuditRecord): Promise<boolean>;
  /** An audit record alone (a resume, a report download). */
  audit(audit: AuditRecord): Promise<void>;
  /** The results already recorded for rows from..to (a redelivered chunk does not do them again). */
  rowResults(orgId: string, id: string, from: number, to: number): Promise<ImportRowResult[]>;
  /** Records a row's result once: the first write stands (a redelivery's answer for the same row is ignored). */
  recordRow(orgId: string, id: string, result: ImportRowResult): Promise<void>;
  /** The chunk's counts (derived from its rows) put, then the import's counts derived again from all chunks'. */
  finishChunk(orgId: string, id: string, chunk: number, counts: ImportCounts, at: string): Promise<BulkImport | undefined>;
  /** The chunks that have finished. */
  finishedChunks(orgId: string, id: string): Promise<number[]>;
  /** Every row's result in row order, a page at a time (the report streams them). */
  rowPages(orgId: string, id: string): AsyncIterable<ImportRowResult[]>;
  mappings(orgId: string): Promise<ImportMapping[]>;
  saveMapping(orgId: string, mapping: ImportMapping, audit: AuditRecord): Promise<void>;
}
