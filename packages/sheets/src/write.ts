import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/universal';
import { sheetName } from './names.js';

/**
 * How a column's values are written. `number` and `percent` cells are real numbers (a spreadsheet sums and sorts
 * them; Excel shows the decimal separator of the reader's regional settings); `percent` takes a fraction (0.828 →
 * 82.8 %); `date` takes a `YYYY-MM-DD` day (written as a date cell shown dd/mm/yyyy); `text` is never interpreted
 * (a note starting with "=" stays text, never a formula).
 */
export type ColumnKind = 'text' | 'number' | 'percent' | 'date';

/** One column: its title (already in the reader's language), kind, decimals shown, width in characters. */
export interface Column {
  title: string;
  kind?: ColumnKind;
  /** Digits shown after the separator for `number` and `percent` (the stored value keeps every digit). */
  decimals?: number;
  width?: number;
}

/** A line of the header block above the table, e.g. `{ label: 'Bộ tiêu chí', value: '1300/QĐ-BYT' }`. */
export interface HeaderLine {
  label: string;
  value: string | number;
}

/** A cell value as given: empty cells are `null` or `undefined`. */
export type CellInput = string | number | boolean | null | undefined;

/** One sheet of a workbook: a header block, then a title row, then the rows. */
export interface SheetSpec {
  name: string;
  header?: readonly HeaderLine[];
  columns: readonly Column[];
  rows: readonly (readonly CellInput[])[];
}

/** Excel's limit for the text of one cell. */
const MAX_TEXT = 32_767;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function numberFormat(kind: ColumnKind, decimals: number | undefined): string | undefined {
  const d = decimals ?? (kind === 'percent' ? 1 : undefined);
  if (d === undefined) return undefined;
  const digits = d > 0 ? `.${'0'.repeat(d)}` : '';
  return kind === 'percent' ? `0${digits}%` : `0${digits}`;
}

function text(value: string): Cell {
  const v = value.normalize('NFC');
  return { type: String, value: v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT - 1)}…` : v };
}

function cell(value: CellInput, column: Column): Cell {
  if (value === null || value === undefined || value === '') return null;
  const kind = column.kind ?? 'text';
  if (kind === 'text' || typeof value === 'boolean') return text(String(value));
  if (kind === 'date') {
    const m = typeof value === 'string' ? DAY.exec(value) : null;
    if (!m) return text(String(value));
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return { type: Date, value: date, format: 'dd/mm/yyyy' };
  }
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return text(String(value));
  const format = numberFormat(kind, column.decimals);
  return format ? { type: Number, value: n, format } : { type: Number, value: n };
}

function sheetData(spec: SheetSpec): Row[] {
  const rows: Row[] = [];
  for (const line of spec.header ?? []) {
    rows.push([
      { ...(text(line.label) as object), fontWeight: 'bold' } as Cell,
      typeof line.value === 'number' ? { type: Number, value: line.value } : text(line.value),
    ]);
  }
  if (spec.header?.length) rows.push([]);
  rows.push(spec.columns.map((c) => ({ ...(text(c.title) as object), fontWeight: 'bold' }) as Cell));
  for (const r of spec.rows) rows.push(spec.columns.map((c, i) => cell(r[i], c)));
  return rows;
}

/**
 * An XLSX workbook of the given sheets, as bytes. Text is NFC-normalised and kept as text; numbers, percentages
 * and days become real number and date cells.
 */
export async function writeWorkbook(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  if (!sheets.length) throw new Error('writeWorkbook: at least one sheet is needed');
  const taken = new Set<string>();
  const out: Sheet<Blob>[] = sheets.map((s) => {
    const name = sheetName(s.name, taken);
    taken.add(name);
    return { data: sheetData(s), sheet: name, columns: s.columns.map((c) => ({ width: c.width ?? 14 })) };
  });
  const blob = await writeXlsxFile(out).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
