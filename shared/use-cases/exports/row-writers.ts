/**
 * Rows streamed into a file, one at a time, never all in memory: CSV through csv-stringify (UTF-8 with a BOM, so
 * Excel opens Chinese text correctly; CRLF, quoted where needed; formula-looking cells neutralised) and XLSX
 * through exceljs' streaming WorkbookWriter (rows committed as they come; no shared strings, no styles).
 * Each writer's `output` is the byte stream a FileWriter stores; `write` waits when the output is full.
 */
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { spreadsheetSafe } from '../../domain/exports/csv-injection';
import { exportContentTypes as contentTypes, type ExportFormat } from '../../domain/exports/export-record';

export interface RowWriter {
  readonly output: NodeJS.ReadableStream;
  readonly contentType: string;
  write(cells: readonly (string | number)[]): Promise<void>;
  /** Ends the file (the output ends after its last byte). */
  end(): Promise<void>;
  /** Gives up: the output ends with an error, so the store keeps nothing; a write waiting for room fails. */
  abort(error: Error): void;
}


const aborted = (stream: Writable) => stream.errored ?? new Error('the file was aborted');

/** Waits until the stream takes more, or fails if it is (or gets) destroyed: a dead store never hangs a run. */
function room(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.reject(aborted(stream));
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(aborted(stream));
    stream.on('drain', onDrain);
    stream.on('close', onClose);
  });
}

export function csvWriter(): RowWriter {
  const output = new PassThrough();
  const csv = stringify({ bom: true, record_delimiter: 'windows', cast: { string: (value) => spreadsheetSafe(value) } });
  // An aborted stream's error is the run's to report (from the write it fails), not an unhandled event.
  csv.on('error', () => undefined);
  output.on('error', () => undefined);
  csv.pipe(output);
  return {
    output,
    contentType: contentTypes.csv,
    async write(cells) {
      if (csv.destroyed) throw aborted(csv);
      if (!csv.write(cells)) await room(csv);
    },
    async end() {
      if (csv.destroyed) throw aborted(csv);
      csv.end();
      await finished(csv, { readable: false });
    },
    abort(error) {
      csv.unpipe(output);
      output.destroy(error);
      csv.destroy(error);
    },
  };
}

/**
 * exceljs' sheet stream hands its chunks to the zip without waiting (its StreamBuf ignores backpressure), so a fast
 * producer piles compressed-to-be XML up in the zip's input. The zip's input is a plain Writable: while it holds
 * more than this, the run waits for it to drain (measured: bench/export-memory.ts).
 */
const zipBacklogBytes = 4 * 1024 * 1024;

type ZipInput = Writable & { _writableState?: { length: number } };

/** The stream the zip reads the sheet from (archiver's, a readable-stream PassThrough: its own buffer count). */
function zipInput(sheet: ExcelJS.Worksheet): ZipInput | undefined {
  return (sheet as unknown as { stream?: { pipes?: ZipInput[] } }).stream?.pipes?.[0];
}

const backlogOf = (zip: ZipInput): number => zip.writableLength ?? zip._writableState?.length ?? 0;

export function xlsxWriter(sheetName: string): RowWriter {
  const output = new PassThrough();
  output.on('error', () => undefined);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  return {
    output,
    contentType: contentTypes.xlsx,
    async write(cells) {
      if (output.destroyed) throw aborted(output);
      sheet.addRow([...cells]).commit();
      // exceljs pushes into the zip and the output without asking; waiting here keeps what they buffer bounded.
      const zip = zipInput(sheet);
      if (zip && backlogOf(zip) > zipBacklogBytes) await room(zip);
      if (output.writableNeedDrain) await room(output);
    },
    async end() {
      if (output.destroyed) throw aborted(output);
      sheet.commit();
      await Promise.race([workbook.commit(), finished(output, { readable: false })]);
      if (output.destroyed && output.errored) throw output.errored;
    },
    abort(error) {
      output.destroy(error);
    },
  };
}

export function rowWriter(format: ExportFormat, sheetName: string): RowWriter {
  return format === 'csv' ? csvWriter() : xlsxWriter(sheetName);
}
