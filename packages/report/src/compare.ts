/**
 * Comparison with a previous assessment of the same facility: each criterion's score then and now, and the
 * change (points, or levels in the levels model). Exact arithmetic, rounded once for display.
 */
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import {
  formatLevel,
  formatPoints,
  sub,
  cmp,
  ZERO,
  type Exact,
  type ScoreResult,
  type ScoreResultScore,
} from '@tieuchi/core';
import { COLOR, TABLE_LAYOUT, criterionCode, type Ctx } from './context.js';
import type { PreviousAssessment } from './types.js';
import { date, num, scoreText } from './text.js';

function signed(x: Exact, lang: Ctx['lang']): string {
  const s = formatPoints(cmp(x, ZERO) < 0 ? sub(ZERO, x) : x);
  return cmp(x, ZERO) > 0 ? `+${num(s, lang)}` : cmp(x, ZERO) < 0 ? `−${num(s, lang)}` : '0';
}

const show = (s: ScoreResultScore | undefined, na: string, lang: Ctx['lang']): string =>
  !s?.applicable ? na : scoreText(s, lang);

function criteria(r: ScoreResult): Map<string, { score: ScoreResultScore; level?: number }> {
  return new Map(
    r.sections.flatMap((s) =>
      s.criteria.map((c) => [c.id, { score: c.score, ...(c.level !== undefined ? { level: c.level } : {}) }] as const),
    ),
  );
}

/** The comparison section (starts on a new page). */
export function comparison(ctx: Ctx, previous: PreviousAssessment): Content[] {
  const { say, lang, result } = ctx;
  const levels = ctx.set.scoring.model === 'levels';
  const before = criteria(previous.result);
  const now = criteria(result);
  const delta = (
    a: { score: ScoreResultScore; level?: number } | undefined,
    b: { score: ScoreResultScore; level?: number } | undefined,
  ): { text: string; color?: string } => {
    if (!a?.score.applicable || !b?.score.applicable) return { text: '' };
    const d = levels ? { num: (b.level ?? 0) - (a.level ?? 0), den: 1 } : sub(b.score.points, a.score.points);
    const c = cmp(d, ZERO);
    return { text: signed(d, lang), ...(c !== 0 ? { color: c > 0 ? COLOR.pass : COLOR.fail } : {}) };
  };
  const cell = (x: { score: ScoreResultScore; level?: number } | undefined): string =>
    levels
      ? x?.score.applicable
        ? `${say('word.level')} ${x.level ?? '-'}`
        : say('word.not-applicable')
      : show(x?.score, say('word.not-applicable'), lang);
  const prevDate = date(previous.assessment.assessedOn, lang);
  const curDate = date(ctx.assessment.assessedOn, lang);
  const body: TableCell[][] = [
    [
      { text: '', style: 'th' },
      { text: '', style: 'th' },
      { text: `${say('compare.previous')}${prevDate ? ` (${prevDate})` : ''}`, style: 'th', alignment: 'right' },
      { text: `${say('compare.current')}${curDate ? ` (${curDate})` : ''}`, style: 'th', alignment: 'right' },
      { text: say('compare.delta'), style: 'th', alignment: 'right' },
    ],
  ];
  for (const s of ctx.set.sections) {
    for (const c of s.criteria) {
      const a = before.get(c.id);
      const b = now.get(c.id);
      body.push([
        { text: criterionCode(c), bold: true, noWrap: true },
        ctx.t(c.title),
        { text: cell(a), alignment: 'right' },
        { text: cell(b), alignment: 'right' },
        { ...delta(a, b), alignment: 'right', bold: true },
      ]);
    }
  }
  const tot = (r: ScoreResult) => ({ score: r.total });
  body.push([
    { text: say('summary.total'), bold: true, colSpan: 2 },
    '',
    {
      text: levels
        ? previous.result.meanLevel
          ? num(formatLevel(previous.result.meanLevel), lang)
          : ''
        : show(previous.result.total, say('word.not-applicable'), lang),
      alignment: 'right',
      bold: true,
    },
    {
      text: levels
        ? result.meanLevel
          ? num(formatLevel(result.meanLevel), lang)
          : ''
        : show(result.total, say('word.not-applicable'), lang),
      alignment: 'right',
      bold: true,
    },
    levels ? '' : { ...delta(tot(previous.result), tot(result)), alignment: 'right', bold: true },
  ]);
  return [
    { text: say('compare.title'), style: 'h1', pageBreak: 'before' },
    {
      table: { headerRows: 1, widths: ['auto', '*', 90, 90, 44], body, dontBreakRows: true },
      layout: TABLE_LAYOUT,
      fontSize: 8,
    },
  ];
}
