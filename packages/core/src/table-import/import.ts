/**
 * Criteria table import: the rows of an official annex (XLSX or CSV, read by the caller) in, a new version of a
 * criteria set or the problems out. Pure: no file, no DOM. Every row is checked and every problem is reported with
 * its row and column before anything is built, so a preview can show them all.
 */
import type { Msg } from '../catalogue.js';
import type { CriteriaSet } from '../generated/types.js';
import { parseLocaleNumber } from '../parse-number.js';
import { validateCriteriaSet } from '../validate.js';
import { criterionOfCode, parseElementCode, sectionOfCriterion } from './code.js';
import { columnLetter, type ColumnMap, type TableColumn } from './columns.js';
import { tableMsg } from './messages.js';

type Section = CriteriaSet['sections'][number];
type Criterion = Section['criteria'][number];
type Item = Criterion['items'][number];
type FactName = NonNullable<NonNullable<Item['provenance']['sources']>[number]['facts']>[number];

/** A cell as a spreadsheet or CSV reader gives it. */
export type TableCell = string | number | boolean | Date | null | undefined;

/** One problem: the sheet row (1-based, as the spreadsheet numbers it; 0 for the table as a whole), the column. */
export interface TableProblem {
  row: number;
  column?: TableColumn;
  /** The spreadsheet letter of the column, when there is one. */
  letter?: string;
  message: Msg;
}

/** One data row as understood, for the preview. */
export interface TableRow {
  row: number;
  code?: string;
  criterion?: string;
  section?: string;
  level?: number;
  text?: string;
  points?: number;
  weight?: number;
  knockout?: boolean;
  guidance?: string;
  criterionTitle?: string;
  sectionTitle?: string;
}

/** What the import needs besides the rows. */
export interface TableImportOptions {
  map: ColumnMap;
  /** Rows above the data (titles, a header block); default 1. Blank rows are skipped anywhere. */
  skipRows?: number;
  /** The official document the table comes from, e.g. `6858/QĐ-BYT`; it becomes the items' citation. */
  document: string;
  /** Public address of the document, when there is one (recorded as the source of the imported facts). */
  address?: string;
  /** The set this table is a new version of: id, titles, source, applicability, scoring and matching items kept. */
  base?: CriteriaSet;
  /** Version label of the result; required, and different from the base's. */
  version: string;
  /** For a set without a base: its id and title. */
  id?: string;
  title?: { vi: string; en?: string };
}

/** The outcome: the rows as understood, and a set, or the problems (never both). */
export type TableImportResult =
  | { ok: true; rows: TableRow[]; set: CriteriaSet; problems: [] }
  | { ok: false; rows: TableRow[]; problems: TableProblem[] };

const KNOCKOUT_YES = new Set(['x', 'có', 'co', 'yes', 'y', 'true', '1', 'điểm liệt', 'liệt']);
const KNOCKOUT_NO = new Set(['', 'không', 'khong', 'no', 'n', 'false', '0', '-']);

const asText = (c: TableCell): string =>
  c === null || c === undefined
    ? ''
    : c instanceof Date
      ? c.toISOString().slice(0, 10)
      : String(c).normalize('NFC').trim();

const safeId = (s: string): string => {
  const id = s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return id.slice(0, 128) || 'x';
};

/** Reads one table (rows of cells) into a criteria set, or says, row by row, what is wrong. */
export function importTable(table: readonly (readonly TableCell[])[], opts: TableImportOptions): TableImportResult {
  const problems: TableProblem[] = [];
  const rows: TableRow[] = [];
  const { map } = opts;
  const at = (cells: readonly TableCell[], col: TableColumn): TableCell =>
    map[col] === undefined ? undefined : cells[map[col]!];
  const problem = (row: number, column: TableColumn | undefined, message: Msg) =>
    problems.push({
      row,
      ...(column ? { column } : {}),
      ...(column && map[column] !== undefined ? { letter: columnLetter(map[column]!) } : {}),
      message,
    });

  const num = (row: number, col: TableColumn, c: TableCell): number | undefined => {
    if (typeof c === 'number') return c;
    const s = asText(c);
    if (s === '') return undefined;
    const p = parseLocaleNumber(s, 'vi');
    if (p.kind === 'number') return p.value;
    if (p.kind === 'ambiguous')
      problem(row, col, tableMsg('table.number.ambiguous', { value: s, a: p.readings[0], b: p.readings[1] }));
    else problem(row, col, tableMsg('table.number', { value: s }));
    return undefined;
  };
  const decimal = (row: number, col: TableColumn, c: TableCell): number | undefined => {
    const n = num(row, col, c);
    if (n === undefined) return undefined;
    if (!(n >= 0 && n <= 1_000_000))
      return void problem(row, col, tableMsg('table.number.range', { value: n, limit: '0–1000000' }));
    if (Math.round(n * 10_000) !== n * 10_000)
      return void problem(row, col, tableMsg('table.number.decimals', { value: n }));
    return n;
  };

  const skip = opts.skipRows ?? 1;
  const seenCode = new Map<string, number>();
  const weightOf = new Map<string, { value: number; row: number }>();
  for (let i = skip; i < table.length; i++) {
    const cells = table[i] ?? [];
    if (cells.every((c) => asText(c) === '')) continue;
    const rowNo = i + 1;
    const r: TableRow = { row: rowNo };
    const code = asText(at(cells, 'code'));
    if (code) r.code = code;
    const text = asText(at(cells, 'text'));
    if (text) r.text = text;
    else problem(rowNo, 'text', tableMsg('table.text.missing'));
    const element = code ? parseElementCode(code) : undefined;
    const criterion =
      asText(at(cells, 'criterion')) || element?.criterion || (code ? criterionOfCode(code) : undefined);
    if (criterion) r.criterion = criterion;
    else problem(rowNo, map.criterion !== undefined ? 'criterion' : 'code', tableMsg('table.criterion.missing'));
    const section = asText(at(cells, 'section')) || (criterion ? sectionOfCriterion(criterion) : undefined);
    if (section) r.section = section;
    for (const [col, key] of [
      ['criterionTitle', 'criterionTitle'],
      ['sectionTitle', 'sectionTitle'],
      ['guidance', 'guidance'],
    ] as const) {
      const v = asText(at(cells, col));
      if (v) r[key] = v;
    }
    const level = num(rowNo, 'level', at(cells, 'level'));
    if (level !== undefined) {
      if (!Number.isInteger(level) || level < 1 || level > 10)
        problem(rowNo, 'level', tableMsg('table.level.integer', { value: level }));
      else if (element && element.level !== level)
        problem(rowNo, 'level', tableMsg('table.level.conflict', { level, code }));
      else r.level = level;
    } else if (element) r.level = element.level;
    const points = decimal(rowNo, 'points', at(cells, 'points'));
    if (points !== undefined) r.points = points;
    const weight = decimal(rowNo, 'weight', at(cells, 'weight'));
    if (weight !== undefined) {
      if (weight === 0) problem(rowNo, 'weight', tableMsg('table.weight.zero'));
      else if (criterion) {
        const before = weightOf.get(criterion);
        if (before && before.value !== weight)
          problem(
            rowNo,
            'weight',
            tableMsg('table.weight.conflict', { value: weight, before: before.value, criterion }),
          );
        else {
          weightOf.set(criterion, { value: weight, row: rowNo });
          r.weight = weight;
        }
      }
    }
    const ko = at(cells, 'knockout');
    if (map.knockout !== undefined) {
      if (typeof ko === 'boolean') r.knockout = ko;
      else {
        const s = asText(ko).toLowerCase();
        if (KNOCKOUT_YES.has(s)) r.knockout = true;
        else if (KNOCKOUT_NO.has(s)) r.knockout = false;
        else problem(rowNo, 'knockout', tableMsg('table.knockout', { value: asText(ko) }));
      }
    }
    if (code) {
      const first = seenCode.get(code);
      if (first !== undefined) problem(rowNo, 'code', tableMsg('table.code.duplicate', { code, row: first }));
      else seenCode.set(code, rowNo);
    }
    rows.push(r);
  }
  if (!rows.length) problem(0, undefined, tableMsg('table.empty'));
  const levels = rows.some((r) => r.level !== undefined);
  for (const r of rows) {
    const has = (col: TableColumn) => problems.some((p) => p.row === r.row && p.column === col);
    if (levels && r.level === undefined && !has('level')) problem(r.row, 'level', tableMsg('table.level.missing'));
    if (levels && r.points !== undefined) problem(r.row, 'points', tableMsg('table.points.levels'));
    if (!levels && r.points === undefined && !has('points')) problem(r.row, 'points', tableMsg('table.points.missing'));
  }
  if (!opts.version) problem(0, undefined, tableMsg('table.version.missing'));
  else if (opts.base && opts.base.version === opts.version)
    problem(0, undefined, tableMsg('table.version.same', { version: opts.base.version }));
  if (problems.length) return { ok: false, rows, problems: sortProblems(problems) };

  const { set, rowOf } = build(rows, levels, opts);
  const v = validateCriteriaSet(set);
  if (!v.ok) {
    const rowOfPointer = (pointer: string): number => {
      const m = /^\/sections\/(\d+)\/criteria\/(\d+)\/items\/(\d+)/.exec(pointer);
      const it = m ? set.sections[Number(m[1])]?.criteria[Number(m[2])]?.items[Number(m[3])] : undefined;
      return (it && rowOf.get(it)) ?? 0;
    };
    return {
      ok: false,
      rows,
      problems: v.errors.map((e) => ({
        row: rowOfPointer(e.pointer),
        message: tableMsg('table.set', {
          detail: { vi: `${e.pointer}: ${e.message.vi}`, en: `${e.pointer}: ${e.message.en}` },
        }),
      })),
    };
  }
  return { ok: true, rows, set: v.value, problems: [] };
}

const sortProblems = (p: TableProblem[]) => [...p].sort((a, b) => a.row - b.row);

/** Matches an imported row to an item of the base set: by official code, else by id. */
function baseItems(base: CriteriaSet | undefined): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const s of base?.sections ?? [])
    for (const c of s.criteria)
      for (const it of c.items) {
        if (it.code && !out.has(it.code)) out.set(it.code, it);
        if (!out.has(it.id)) out.set(it.id, it);
      }
  return out;
}

function maxOf(it: Item): number {
  const r = it.response;
  if (r.kind === 'binary' || r.kind === 'graded') return r.points ?? 0;
  if (r.kind === 'choice') return Math.max(...r.options.map((o) => o.points));
  if (r.kind === 'numeric') return Math.max(...r.bands.map((b) => b.points));
  return Number.NaN;
}

function build(
  rows: TableRow[],
  levels: boolean,
  opts: TableImportOptions,
): { set: CriteriaSet; rowOf: Map<Item, number> } {
  const base = opts.base;
  const fromBase = baseItems(base);
  const baseCriteria = new Map<string, Criterion>();
  const baseSections = new Map<string, Section>();
  for (const s of base?.sections ?? []) {
    baseSections.set(s.id, s);
    for (const c of s.criteria) {
      baseCriteria.set(c.code ?? c.id, c);
      baseCriteria.set(c.id, c);
    }
  }
  const facts: FactName[] = ['wording'];
  if (opts.map.points !== undefined) facts.push('points');
  if (opts.map.level !== undefined || opts.map.code !== undefined) facts.push('level');
  if (opts.map.knockout !== undefined) facts.push('knockout');
  const sections = new Map<string, Section>();
  const criteria = new Map<string, Criterion>();
  const usedItemIds = new Set<string>();
  const rowOf = new Map<Item, number>();
  for (const r of rows) {
    const secKey = r.section ?? baseSectionOf(base, r.criterion!) ?? 's1';
    let sec = sections.get(secKey);
    if (!sec) {
      const b = baseSections.get(secKey);
      sec = {
        ...(b ?? {}),
        id: b?.id ?? safeId(secKey),
        title: r.sectionTitle ? { vi: r.sectionTitle } : (b?.title ?? { vi: `Phần ${secKey}` }),
        criteria: [],
      };
      if (r.sectionTitle && b?.title.vi === r.sectionTitle) sec.title = b.title;
      sections.set(secKey, sec);
    }
    let crit = criteria.get(r.criterion!);
    if (!crit) {
      const b = baseCriteria.get(r.criterion!);
      crit = { ...(b ?? {}), id: b?.id ?? safeId(r.criterion!), title: b?.title ?? { vi: r.criterion! }, items: [] };
      if (!b && r.criterion !== undefined) crit.code = r.criterion;
      if (r.criterionTitle && r.criterionTitle !== b?.title.vi) crit.title = { vi: r.criterionTitle };
      if (opts.map.weight !== undefined) delete crit.weight;
      criteria.set(r.criterion!, crit);
      sec.criteria.push(crit);
    }
    if (r.weight !== undefined) crit.weight = r.weight;
    const b = r.code ? fromBase.get(r.code) : undefined;
    let id = b?.id ?? safeId(r.code ?? `${crit.id}-${crit.items.length + 1}`);
    while (usedItemIds.has(id)) id = `${id}-${crit.items.length + 1}`;
    usedItemIds.add(id);
    const item: Item = {
      ...(b ?? {}),
      id,
      text: b && b.text.vi === r.text ? b.text : { vi: r.text! },
      response:
        b && !levels && maxOf(b) === r.points
          ? b.response
          : levels
            ? { kind: 'binary' }
            : { kind: 'binary', points: r.points! },
      provenance: {
        wording: 'official',
        ...(facts.includes('points') && !levels ? { points: 'official' as const } : {}),
        ...(levels ? { level: 'official' as const } : {}),
        ...(facts.includes('knockout') ? { knockout: 'official' as const } : {}),
        note: `${tableMsg('table.note', { document: opts.document, row: r.row }).vi} ${tableMsg('table.note', { document: opts.document, row: r.row }).en}`,
        ...(opts.address ? { sources: [{ address: opts.address, facts }] } : {}),
      },
    };
    if (r.code && !(b && !b.code && b.id === r.code)) item.code = r.code;
    if (levels) item.level = r.level!;
    else delete item.level;
    if (opts.map.knockout !== undefined) {
      if (r.knockout) item.knockout = true;
      else delete item.knockout;
    }
    if (opts.map.guidance !== undefined) {
      if (r.guidance) item.guidance = b?.guidance?.vi === r.guidance ? b.guidance : { vi: r.guidance };
      else delete item.guidance;
    }
    item.citation = { document: opts.document, ...(r.code ? { article: r.code } : {}) };
    crit.items.push(item);
    rowOf.set(item, r.row);
  }
  const maxLevel = Math.max(...rows.map((r) => r.level ?? 0));
  const scoring: CriteriaSet['scoring'] =
    base && (base.scoring.model === 'levels') === levels
      ? base.scoring
      : levels
        ? { model: 'levels', aggregation: 'sum', levels: maxLevel }
        : { model: 'points', aggregation: 'sum' };
  const set: CriteriaSet = {
    schemaVersion: 1,
    kind: 'criteria-set',
    id: base?.id ?? safeId(opts.id ?? 'imported-set'),
    version: opts.version,
    title: base?.title ?? opts.title ?? { vi: opts.document },
    ...(base?.shortTitle ? { shortTitle: base.shortTitle } : {}),
    ...(base?.description ? { description: base.description } : {}),
    source: base?.source ?? { documents: [{ number: opts.document, role: 'basis' }] },
    applicability: base?.applicability ?? {
      facilityKinds: ['hospital', 'health-centre', 'commune-station', 'clinic', 'other'],
    },
    wording: 'official',
    ...(base?.license ? { license: base.license } : {}),
    scoring,
    sections: [...sections.values()],
  };
  return { set, rowOf };
}

function baseSectionOf(base: CriteriaSet | undefined, criterion: string): string | undefined {
  for (const s of base?.sections ?? [])
    if (s.criteria.some((c) => c.code === criterion || c.id === criterion)) return s.id;
  return undefined;
}
