/** 导入报告: one CSV line per row (row number, record id, outcome, tracking code, reason), UTF-8 with a BOM for Excel. */
import type { ImportRowResult } from './bulk-import';

function field(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  // A leading = + - @ would be a formula in Excel: quoted and prefixed so it stays text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportHeader(): string {
  return '\ufeffrow,recordId,outcome,trackingCode,reason\r\n';
}

export function reportLine(r: ImportRowResult): string {
  return [r.row, r.recordId, r.outcome, r.trackingCode, r.reason].map(field).join(',') + '\r\n';
}
