/**
 * The close report as a workbook: the same report as the printable page (shared/domain/campaign/close-report.ts),
 * an overview sheet (title, state, window, totals, summary), one sheet of the figures by day, category, channel
 * and station, one of the questionnaire's counts, and one of the featured ideas. Shares are numbers formatted as
 * percentages. A report is small (tens of rows a table): built in memory and written in one go.
 */
import ExcelJS from 'exceljs';
import type { CloseReport, CloseReportLabels, ReportTable } from '../../domain/campaign/close-report';

const percent = '0.0%';

/** Writes the tables one under the other (heading, note, column row, rows, a blank line): the rows written. */
function writeTables(sheet: ExcelJS.Worksheet, tables: readonly ReportTable[]): number {
  let rows = 0;
  for (const table of tables) {
    sheet.addRow([table.heading]).font = { bold: true };
    if (table.note) sheet.addRow([table.note]);
    if (table.columns.length) sheet.addRow(table.columns).font = { bold: true };
    for (const cells of table.rows) {
      const row = sheet.addRow(cells);
      for (const column of table.shareColumns) row.getCell(column + 1).numFmt = percent;
      rows++;
    }
    sheet.addRow([]);
  }
  sheet.getColumn(1).width = 36;
  return rows;
}

export async function closeReportXlsx(report: CloseReport, labels: CloseReportLabels, generatedAt: string): Promise<{ body: Buffer; rows: number }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jianyi';
  workbook.created = new Date(generatedAt);
  workbook.modified = new Date(generatedAt);
  let rows = 0;

  const overview = workbook.addWorksheet(labels.overview);
  overview.addRow([`${report.title} · ${labels.report}`]).font = { bold: true, size: 14 };
  overview.addRow([labels.state, report.state]);
  overview.addRow([labels.window, report.window]);
  for (const total of report.totals) overview.addRow([total.label, total.value]);
  rows += report.totals.length;
  if (report.summary) {
    overview.addRow([]);
    overview.addRow([labels.summary]).font = { bold: true };
    overview.addRow([report.summary]).alignment = { wrapText: true, vertical: 'top' };
  }
  overview.addRow([]);
  overview.addRow([report.generated]);
  overview.getColumn(1).width = 24;
  overview.getColumn(2).width = 60;

  const figureTables = report.tables.filter((t) => !t.key.startsWith('q:'));
  const questionTables = report.tables.filter((t) => t.key.startsWith('q:'));
  rows += writeTables(workbook.addWorksheet(labels.figures), figureTables);
  if (questionTables.length) rows += writeTables(workbook.addWorksheet(labels.questions), questionTables);

  const featured = workbook.addWorksheet(labels.featured);
  featured.addRow([labels.idea, labels.outcome, labels.department, labels.adoptedOn, labels.credit, labels.updates]).font = { bold: true };
  for (const idea of report.featured) {
    featured.addRow([idea.title, idea.outcome, idea.department, idea.adoptedOn, idea.creditedTo, idea.updates.join('\n')]).alignment = { wrapText: true, vertical: 'top' };
    rows++;
  }
  [30, 50, 20, 12, 14, 50].forEach((width, i) => (featured.getColumn(i + 1).width = width));

  return { body: Buffer.from(await workbook.xlsx.writeBuffer()), rows };
}
