/**
 * Criteria table import (decision 0014): the rows of an official annex in, a new version of a set or every problem
 * (row, column, message) out; and the reverse, a set as a table. Pure: the caller reads the XLSX or CSV file.
 */
export {
  importTable,
  type TableCell,
  type TableImportOptions,
  type TableImportResult,
  type TableProblem,
  type TableRow,
} from './import.js';
export {
  parseColumnMap,
  columnIndex,
  columnLetter,
  TABLE_COLUMNS,
  type TableColumn,
  type ColumnMap,
} from './columns.js';
export { parseElementCode, type ElementCode } from './code.js';
export { parseCsv } from './csv-read.js';
export { tableOfSet, TABLE_LAYOUT, TABLE_LAYOUT_MAP } from './export.js';
export { tableMsg, type TableMessageCode } from './messages.js';
