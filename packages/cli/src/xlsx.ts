/**
 * `--xlsx <file>`: the table of a command as a spreadsheet made by `@tieuchi/sheets` (loaded only when asked for),
 * numbers as numbers, with a header block naming the set, the round and the date it was made (Vietnam time).
 */
import { writeFileSync } from 'node:fs';
import { HUNDRED, div, exactToNumber, namesOf, vietnamToday, type Exact, type Scored } from '@tieuchi/core';
import type { SheetSpec, HeaderLine } from '@tieuchi/sheets';
import type { CommandContext } from './command.js';
import { UserError, type Lang, oneLine } from './io.js';
import { say, textIn } from './messages.js';

/** A percentage (exact, 0–100) as the fraction a `percent` column takes (82.8 % → 0.828); empty when absent. */
export const fraction = (x: Exact | undefined): number | undefined => (x ? exactToNumber(div(x, HUNDRED)) : undefined);
/** An exact value as a number cell; empty when absent. */
export const cellNumber = (x: Exact | undefined): number | undefined => (x ? exactToNumber(x) : undefined);

/** The header block: the set (its short title and version), the rounds, the date the file is made. */
export function header(scored: readonly Scored[], lang: Lang, rounds?: string): HeaderLine[] {
  const sets = [...new Map(scored.map((s) => [`${s.set.id}@${s.set.version}`, s.set])).values()];
  const title = (t: { vi: string; en?: string }) => textIn(t, lang);
  const lines: HeaderLine[] = [
    {
      label: say(lang, 'xlsx.set'),
      value: sets.map((s) => `${title(s.shortTitle ?? s.title)} (${s.id}, ${s.version})`).join('; '),
    },
  ];
  const r =
    rounds ??
    [...new Set(scored.map((s) => s.assessment.round?.label ?? s.assessment.round?.id).filter(Boolean))].join(', ');
  if (r) lines.push({ label: say(lang, 'xlsx.round'), value: r });
  lines.push({ label: say(lang, 'xlsx.date'), value: vietnamToday().split('-').reverse().join('/') });
  return lines;
}

/** A criterion's name for a row: "Tiêu chí 9 (Truyền thông …)". */
export const criterionName = (s: Scored, id: string, lang: Lang): string => namesOf(s.set).criterion(id)[lang];

/** Writes `sheets` to `--xlsx`'s file and says so. */
export async function writeXlsx(ctx: CommandContext, sheets: SheetSpec[]): Promise<number> {
  const path = ctx.options.xlsx!;
  const { writeWorkbook } = await import('@tieuchi/sheets');
  const bytes = await writeWorkbook(sheets);
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UserError(`${oneLine(path)}: ${say(ctx.lang, 'write.failed', { code })}`);
  }
  ctx.io.stdout(say(ctx.lang, 'xlsx.written', { file: oneLine(path) }) + '\n');
  return 0;
}

const DECISION = {
  pass: 'summary.pass',
  fail: 'summary.fail',
  incomplete: 'summary.incomplete',
  none: 'summary.none',
} as const;

/** `score --xlsx`: one row per criterion (points and maximum as numbers, percent), then the reasons in words. */
export function scoreSheets(s: Scored, lang: Lang): SheetSpec[] {
  const { set, result: r } = s;
  const names = namesOf(set);
  const rows = r.sections.flatMap((sec) =>
    sec.criteria.map((c) => [
      names.criterion(c.id)[lang],
      c.score.applicable ? cellNumber(c.score.points) : undefined,
      c.score.applicable ? cellNumber(c.score.max) : undefined,
      fraction(c.score.percent),
      c.level,
    ]),
  );
  const text = (x: { vi: string; en?: string }) => textIn(x, lang);
  return [
    {
      name: say(lang, 'summary.criteria'),
      header: [
        ...header([s], lang),
        { label: say(lang, 'xlsx.facility'), value: s.assessment.facility.name },
        { label: say(lang, 'summary.decision'), value: say(lang, DECISION[r.decision]) },
      ],
      columns: [
        { title: say(lang, 'summary.criteria'), width: 56 },
        { title: say(lang, 'xlsx.points'), kind: 'number', decimals: 2 },
        { title: say(lang, 'xlsx.max'), kind: 'number', decimals: 2 },
        { title: say(lang, 'xlsx.percent'), kind: 'percent' },
        { title: say(lang, 'summary.level', { level: '' }).trim(), kind: 'number' },
      ],
      rows: [
        [
          say(lang, 'summary.total'),
          cellNumber(r.total.points),
          cellNumber(r.total.max),
          fraction(r.total.percent),
          r.meanLevel ? exactToNumber(r.meanLevel) : undefined,
        ],
        ...rows,
      ],
    },
    {
      name: say(lang, 'summary.reasons'),
      columns: [{ title: say(lang, 'summary.reasons'), width: 100 }],
      rows: [...r.reasons.map((x) => [text(x)]), ...r.rules.map((x) => [text(x.message)])],
    },
  ];
}
