/**
 * An import's rows, read from its kept file. The worker runs many chunks of one file in a row: the last file read
 * is kept in memory (a few MB), so each chunk does not read and parse the whole file again.
 */
import type { BulkImport } from '../../domain/imports/bulk-import';
import { readTable, type Table } from '../../domain/imports/read-table';
import type { FileReader } from '../../ports';

let last: { key: string; table: Promise<Table> } | undefined;

export async function importTable(files: FileReader, record: Pick<BulkImport, 'fileKey'>): Promise<Table> {
  if (last?.key === record.fileKey) return last.table;
  const table = (async () => {
    const file = await files.read(record.fileKey);
    if (!file) throw new Error(`the import's file ${record.fileKey} is missing`);
    return (await readTable(file.body)).table;
  })();
  last = { key: record.fileKey, table };
  table.catch(() => {
    if (last?.key === record.fileKey) last = undefined;
  });
  return table;
}
