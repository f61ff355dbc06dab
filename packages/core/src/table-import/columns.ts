/**
 * The columns a criteria table may have, and the `--map code=A,level=B,text=C` syntax that says where each one is.
 */
import type { Msg } from '../catalogue.js';
import { tableMsg } from './messages.js';

/** Columns the import understands. `weight` is the criterion's hệ số; `criterion`/`section` name the groups. */
export const TABLE_COLUMNS = [
  'code',
  'level',
  'text',
  'points',
  'weight',
  'knockout',
  'guidance',
  'criterion',
  'criterionTitle',
  'section',
  'sectionTitle',
] as const;

/** One column of a criteria table. */
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** Where each column is: a 0-based index into the row. */
export type ColumnMap = Partial<Record<TableColumn, number>>;

/** A spreadsheet column letter (`A`, `AB`) or a 1-based number (`3`) as a 0-based index; undefined if neither. */
export function columnIndex(ref: string): number | undefined {
  const s = ref.trim().toUpperCase();
  if (/^[1-9]\d{0,3}$/.test(s)) return Number(s) - 1;
  if (!/^[A-Z]{1,3}$/.test(s)) return undefined;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The letter of a 0-based column index (0 → `A`, 27 → `AB`), as a spreadsheet shows it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Reads `code=A,level=B,text=C` (letters or 1-based numbers); problems in both languages when it cannot. */
export function parseColumnMap(spec: string): { ok: true; map: ColumnMap } | { ok: false; problems: Msg[] } {
  const map: ColumnMap = {};
  const problems: Msg[] = [];
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z]+)\s*=\s*(\S+)$/.exec(part);
    if (!m) {
      problems.push(tableMsg('table.map.syntax', { part }));
      continue;
    }
    const name = m[1]!;
    const col = (TABLE_COLUMNS as readonly string[]).find((c) => c.toLowerCase() === name.toLowerCase());
    if (!col) {
      problems.push(tableMsg('table.map.unknown', { name, allowed: TABLE_COLUMNS.join(', ') }));
      continue;
    }
    const index = columnIndex(m[2]!);
    if (index === undefined) problems.push(tableMsg('table.map.column', { column: m[2]! }));
    else map[col as TableColumn] = index;
  }
  if (!problems.length && (map.text === undefined || (map.code === undefined && map.criterion === undefined)))
    problems.push(tableMsg('table.map.required'));
  return problems.length ? { ok: false, problems } : { ok: true, map };
}
