/**
 * An uploaded export as rows of text: CSV in UTF-8 (with or without a BOM) or GBK (what Excel on a Chinese
 * Windows saves), or an XLSX workbook's first sheet (read with exceljs' streaming reader).
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** UTF-8 when it has a BOM or decodes cleanly; otherwise GBK (GB18030, its superset, as TextDecoder knows it). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** An XLSX starts with a ZIP's local file header. */
export function sniffFormat(bytes: Uint8Array): 'csv' | 'xlsx' {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

export interface Table {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): Table {
  const records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  const [header = [], ...rows] = records;
  return { header: header.map((h) => h.trim()), rows };
}

/** A cell as text; a date cell (exceljs gives a Date, in UTC as Excel has no zone) as "YYYY-MM-DD HH:mm:ss". */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result);
    return '';
  }
  return String(value).trim();
}

export async function parseXlsx(bytes: Buffer): Promise<Table> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  const records: string[][] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row as unknown as { values: unknown[] }).values;
      // exceljs' values are 1-based (index 0 empty).
      records.push(values.slice(1).map(cellText));
    }
    break; // the first sheet only
  }
  const nonEmpty = records.filter((r) => r.some((c) => c !== ''));
  const [header = [], ...rows] = nonEmpty;
  return { header, rows };
}

export async function readTable(bytes: Buffer): Promise<{ format: 'csv' | 'xlsx'; table: Table }> {
  const format = sniffFormat(bytes);
  return { format, table: format === 'xlsx' ? await parseXlsx(bytes) : parseCsv(decodeText(bytes)) };
}
