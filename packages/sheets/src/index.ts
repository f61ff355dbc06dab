/**
 * @tieuchi/sheets — the one spreadsheet module of Tiêu Chí: XLSX out of every view and command that exports a
 * table (numbers as numbers, a header block naming the set, round and date), and XLSX tables in (the criteria table
 * import). Built on write-excel-file and read-excel-file (their `universal` builds run in Node and the browser
 * alike); never the npm `xlsx` package. Import it lazily in the app: it is only needed when a file is made or read.
 */
export {
  writeWorkbook,
  type Column,
  type ColumnKind,
  type HeaderLine,
  type SheetSpec,
  type CellInput,
} from './write.js';
export { readWorkbook, type ReadSheet, type ReadCell } from './read.js';
export { XLSX_MIME, sheetName } from './names.js';
