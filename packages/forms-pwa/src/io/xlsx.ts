/**
 * XLSX downloads of the app's tables through `@tieuchi/sheets`, imported lazily (only when a file is made, so the
 * initial bundle does not grow). Numbers go in as numbers, percentages as fractions shown "0.0%", so Excel with
 * Vietnamese regional settings shows 82,8 % in its own column and can sum and sort it.
 */
import type { SheetSpec } from '@tieuchi/sheets';
import { exactToNumber, type Exact } from '../core.js';

export type { SheetSpec, Column, HeaderLine } from '@tieuchi/sheets';

/** A percentage (0..100, exact) as the fraction a `percent` column takes (82.8 → 0.828); undefined stays empty. */
export const percentCell = (x: Exact | undefined): number | undefined =>
  x === undefined ? undefined : exactToNumber(x) / 100;

/** An exact value as a number cell (never for a decision: the spreadsheet shows it, the app decided it). */
export const numberCell = (x: Exact | undefined): number | undefined =>
  x === undefined ? undefined : exactToNumber(x);

/** The workbook of `sheets` as bytes (loads the spreadsheet module on first use). */
export async function workbook(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const { writeWorkbook } = await import('@tieuchi/sheets');
  return writeWorkbook(sheets);
}

/** Makes the workbook of `sheets` and offers it as a download named `name` (.xlsx added when missing). */
export async function downloadXlsx(name: string, sheets: readonly SheetSpec[]): Promise<void> {
  const [{ XLSX_MIME }, bytes] = await Promise.all([import('@tieuchi/sheets'), workbook(sheets)]);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name.endsWith('.xlsx') ? name : `${name}.xlsx`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
