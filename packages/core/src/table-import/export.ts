/**
 * A criteria set as a table (one row per item), in the layout {@link TABLE_LAYOUT} names, so that a set can be
 * exported to a spreadsheet, corrected against the official annex, and imported back with {@link importTable}.
 */
import type { CriteriaSet } from '../generated/types.js';
import type { ColumnMap, TableColumn } from './columns.js';

type Item = CriteriaSet['sections'][number]['criteria'][number]['items'][number];

/** The columns of an exported table, in order. */
export const TABLE_LAYOUT: readonly TableColumn[] = [
  'section',
  'sectionTitle',
  'criterion',
  'criterionTitle',
  'code',
  'level',
  'text',
  'points',
  'weight',
  'knockout',
  'guidance',
];

/** The column map of an exported table (import it back with this map). */
export const TABLE_LAYOUT_MAP: ColumnMap = Object.fromEntries(TABLE_LAYOUT.map((c, i) => [c, i]));

/** The most an item can earn (the points column of the table). */
function pointsOf(it: Item): number | undefined {
  const r = it.response;
  if (r.kind === 'binary' || r.kind === 'graded') return r.points;
  if (r.kind === 'choice') return Math.max(...r.options.map((o) => o.points));
  if (r.kind === 'numeric') return Math.max(...r.bands.map((b) => b.points));
  return undefined;
}

/** One row per item, cells in {@link TABLE_LAYOUT} order: numbers as numbers, knockout as "x", Vietnamese text. */
export function tableOfSet(set: CriteriaSet): (string | number | null)[][] {
  const levels = set.scoring.model === 'levels';
  const rows: (string | number | null)[][] = [];
  for (const s of set.sections)
    for (const c of s.criteria)
      for (const it of c.items)
        rows.push([
          s.id,
          s.title.vi,
          c.code ?? c.id,
          c.title.vi,
          it.code ?? it.id,
          levels ? (it.level ?? null) : null,
          it.text.vi,
          levels ? null : (pointsOf(it) ?? null),
          c.weight ?? null,
          it.knockout ? 'x' : null,
          it.guidance?.vi ?? null,
        ]);
  return rows;
}
