/**
 * `tieuchi import-table` and `tieuchi export-table` (decision 0014): an official annex as a spreadsheet (XLSX, read
 * with @tieuchi/sheets, or CSV) becomes a new version of a criteria set; a set becomes such a table. The preview
 * lists every row and every problem (row, column, message) before anything is written.
 */
import { writeFileSync } from 'node:fs';
import {
  importTable,
  parseColumnMap,
  parseCsv,
  tableOfSet,
  toCsv,
  TABLE_LAYOUT,
  columnLetter,
  type TableCell,
  type TableColumn,
  type TableImportResult,
} from '@tieuchi/core';
import { readBytes, oneLine, terminalSafe, UserError, type Lang } from './io.js';
import { say } from './messages.js';
import { type Command, type CommandContext, loadSet } from './command.js';

const TITLES: Record<TableColumn, { vi: string; en: string }> = {
  section: { vi: 'Phần', en: 'Section' },
  sectionTitle: { vi: 'Tên phần', en: 'Section title' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  criterionTitle: { vi: 'Tên tiêu chí', en: 'Criterion title' },
  code: { vi: 'Mã', en: 'Code' },
  level: { vi: 'Mức', en: 'Level' },
  text: { vi: 'Nội dung', en: 'Text' },
  points: { vi: 'Điểm', en: 'Points' },
  weight: { vi: 'Hệ số', en: 'Weight' },
  knockout: { vi: 'Điểm liệt', en: 'Knockout' },
  guidance: { vi: 'Hướng dẫn', en: 'Guidance' },
};

/** The `--map` that reads back a table written by `export-table`. */
export const EXPORT_MAP = TABLE_LAYOUT.map((c, i) => `${c}=${columnLetter(i)}`).join(',');

/** The rows of a spreadsheet file: the named (or first) sheet of an XLSX workbook, or a CSV file. */
async function readRows(file: string, sheet: string | undefined, lang: Lang): Promise<TableCell[][]> {
  const bytes = readBytes(file, lang);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": an XLSX workbook is a zip
  if (!isZip) return parseCsv(new TextDecoder().decode(bytes));
  const { readWorkbook } = await import('@tieuchi/sheets');
  let sheets;
  try {
    sheets = await readWorkbook(bytes);
  } catch (e) {
    throw new UserError(`${oneLine(file)}: ${say(lang, 'table.bad-xlsx', { why: oneLine(String(e)) })}`);
  }
  const found = sheet ? sheets.find((s) => s.name === sheet) : sheets[0];
  if (!found)
    throw new UserError(
      `${oneLine(file)}: ${say(lang, 'table.no-sheet', { sheet: oneLine(sheet ?? ''), sheets: sheets.map((s) => oneLine(s.name)).join(', ') })}`,
    );
  return found.rows;
}

const cut = (s: string | undefined, n: number) => (!s ? '' : s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The preview: every row as understood, then every problem. */
function preview(r: TableImportResult, lang: Lang): string {
  const lines = r.rows.map(
    (x) =>
      `${say(lang, 'table.row', { row: x.row })}: ${[
        x.code ?? x.criterion ?? '',
        x.level !== undefined ? say(lang, 'table.level', { level: x.level }) : '',
        x.points !== undefined ? say(lang, 'table.points', { points: x.points }) : '',
        x.knockout ? say(lang, 'table.knockout') : '',
        cut(x.text, 70),
      ]
        .filter(Boolean)
        .map((v) => terminalSafe(String(v)))
        .join(' | ')}`,
  );
  if (!r.ok)
    for (const p of r.problems)
      lines.push(
        `✗ ${p.row ? say(lang, 'table.row', { row: p.row }) : say(lang, 'table.table')}${p.column ? `, ${say(lang, 'table.column', { letter: p.letter ?? '', title: TITLES[p.column][lang] })}` : ''}: ${terminalSafe(p.message[lang])}`,
      );
  return lines.join('\n') + '\n';
}

async function importCommand({ args, options, io, lang }: CommandContext): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1) throw new UserError(say(lang, 'import.one-file'));
  if (!options.map) throw new UserError(say(lang, 'import.no-map'));
  if (!options.document) throw new UserError(say(lang, 'import.no-document'));
  const m = parseColumnMap(options.map);
  if (!m.ok) throw new UserError(m.problems.map((p) => `--map: ${p[lang]}`).join('\n'));
  const skip = options.skip === undefined ? 1 : Number(options.skip);
  if (!Number.isInteger(skip) || skip < 0) throw new UserError(`--skip: ${say(lang, 'import.bad-skip')}`);
  const base = options.base ? loadSet(options.base, lang) : undefined;
  const rows = await readRows(file, options.sheet, lang);
  const r = importTable(rows, {
    map: m.map,
    skipRows: skip,
    document: options.document,
    ...(options.address ? { address: options.address } : {}),
    ...(base ? { base } : {}),
    version: options['new-version'] ?? '',
    ...(options.id ? { id: options.id } : {}),
    ...(options.title ? { title: { vi: options.title } } : {}),
  });
  io.stdout(preview(r, lang));
  if (!r.ok) {
    io.stderr(`${oneLine(file)}: ${say(lang, 'import.problems', { n: r.problems.length })}\n`);
    return 1;
  }
  if (!options.out) {
    io.stdout(say(lang, 'import.valid-not-saved') + '\n');
    return 0;
  }
  writeFileSync(options.out, JSON.stringify(r.set, null, 2) + '\n');
  io.stdout(`✓ ${oneLine(options.out)}: ${r.set.id}@${r.set.version}\n`);
  return 0;
}

async function exportCommand({ args, options, io, lang }: CommandContext): Promise<number> {
  const [file] = args;
  if (!file || args.length > 1) throw new UserError(say(lang, 'export.one-file'));
  const out = options.out;
  if (!out) throw new UserError(say(lang, 'export.no-out'));
  const set = loadSet(file, lang);
  const rows = tableOfSet(set);
  if (out.toLowerCase().endsWith('.csv')) {
    writeFileSync(
      out,
      toCsv(
        TABLE_LAYOUT.map((c) => TITLES[c][lang]),
        rows.map((r) => r.map((c) => c ?? undefined)),
      ),
    );
  } else {
    const { writeWorkbook } = await import('@tieuchi/sheets');
    const kinds: Partial<Record<TableColumn, 'number'>> = { level: 'number', points: 'number', weight: 'number' };
    const bytes = await writeWorkbook([
      {
        name: set.id,
        columns: TABLE_LAYOUT.map((c) => ({ title: TITLES[c][lang], ...(kinds[c] ? { kind: kinds[c] } : {}) })),
        rows,
      },
    ]);
    writeFileSync(out, bytes);
  }
  io.stdout(`✓ ${oneLine(out)}: ${say(lang, 'export.rows', { n: rows.length })}; --map ${EXPORT_MAP}\n`);
  return 0;
}

/** `tieuchi import-table`. */
export const importTableCommand: Command = {
  usage:
    'import-table <file.xlsx|csv> --map code=A,level=B,text=C,points=D,weight=E,knockout=F,guidance=G\n' +
    '      --document <số văn bản> [--address <url>] [--base <set.json>] --new-version <v> [--id <id>] [--title <t>]\n' +
    '      [--skip <title rows, default 1>] [--sheet <name>] [--out <set.json>]\n' +
    '                                                          an official table as a new set version (preview first)',
  run: importCommand,
};

/** `tieuchi export-table`. */
export const exportTableCommand: Command = {
  usage: 'export-table <set.json> --out <table.xlsx|csv>         a criteria set as a table (one row per item)',
  run: exportCommand,
};
