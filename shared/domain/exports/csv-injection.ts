/**
 * Citizens write the titles that land in an export, and a spreadsheet runs a cell that begins with = + - @ (or a
 * tab or carriage return before one) as a formula — CSV injection (OWASP). Such a cell is written with a leading
 * apostrophe, which Excel and WPS show as text. XLSX cells are typed strings already and need nothing.
 */
export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
