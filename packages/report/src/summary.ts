/**
 * The summary: total, percentage or mean level, rating, the decision with every reason and every rule, a bar
 * per criterion (vector shapes), and the lists that need attention (failed knockouts, missing photos, ...).
 */
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { exactToNumber, formatLevel, percentText } from '@tieuchi/core';
import { COLOR, TABLE_LAYOUT, criterionCode, itemCode, type Ctx } from './context.js';
import { facts } from './cover.js';
import { num, scoreText } from './text.js';

const BAR_W = 170;
const BAR_H = 8;

/** Threshold (0..1 of the bar) a criterion must reach, from the rules of the result, if any. */
function thresholdOf(ctx: Ctx, criterionId: string): number | undefined {
  const levels = ctx.set.scoring.levels ?? 5;
  let best: number | undefined;
  for (const r of ctx.result.rules) {
    if (!r.threshold) continue;
    let v: number | undefined;
    if (
      r.kind === 'each-criterion-percent-at-least' ||
      (r.kind === 'criterion-percent-at-least' && r.target === criterionId)
    )
      v = exactToNumber(r.threshold) / 100;
    if (r.kind === 'each-criterion-level-at-least') v = exactToNumber(r.threshold) / levels;
    if (v !== undefined) best = Math.max(best ?? 0, v);
  }
  return best;
}

/** The thresholds a mean level is judged against (its shown digits agree with them, ADR 0010). */
const meanThresholds = (ctx: Ctx) =>
  ctx.result.rules.filter((x) => x.kind === 'mean-level-at-least' && x.threshold).map((x) => x.threshold!);

/** Criteria named as failures by any rule. */
function failedCriteria(ctx: Ctx): Set<string> {
  const out = new Set<string>();
  for (const r of ctx.result.rules) {
    if (r.status !== 'failed') continue;
    if (r.target) out.add(r.target);
    for (const f of r.failures ?? []) out.add(f.id);
  }
  return out;
}

/** A bar drawn with pdfmake canvas shapes: background, filled part, threshold tick. */
export function bar(fraction: number, threshold: number | undefined, failed: boolean): Content {
  const w = Math.max(0, Math.min(1, fraction)) * BAR_W;
  const shapes: object[] = [{ type: 'rect', x: 0, y: 1, w: BAR_W, h: BAR_H, color: COLOR.barBack }];
  if (w > 0) shapes.push({ type: 'rect', x: 0, y: 1, w, h: BAR_H, color: failed ? COLOR.fail : COLOR.bar });
  if (threshold !== undefined)
    shapes.push({
      type: 'line',
      x1: threshold * BAR_W,
      y1: -1,
      x2: threshold * BAR_W,
      y2: BAR_H + 3,
      lineWidth: 1.2,
      lineColor: COLOR.ink,
    });
  return { canvas: shapes } as Content;
}

function chart(ctx: Ctx): Content {
  const { say, result, set } = ctx;
  const levels = set.scoring.model === 'levels' ? (set.scoring.levels ?? 5) : 0;
  const failed = failedCriteria(ctx);
  const body: TableCell[][] = [];
  for (const s of result.sections) {
    for (const c of s.criteria) {
      const def = ctx.criterion.get(c.id);
      const code = def ? criterionCode(def) : c.id;
      const title = def ? ctx.t(def.title) : '';
      let value: string;
      let cell: TableCell;
      if (!c.score.applicable) {
        value = say('word.not-applicable');
        cell = { text: '' };
      } else if (levels) {
        value = `${say('word.level')} ${c.level ?? '-'}`;
        cell = bar((c.level ?? 0) / levels, thresholdOf(ctx, c.id), failed.has(c.id));
      } else {
        value = scoreText(c.score, ctx.lang);
        cell = bar(
          c.score.percent ? exactToNumber(c.score.percent) / 100 : 0,
          thresholdOf(ctx, c.id),
          failed.has(c.id),
        );
      }
      body.push([
        { text: code, style: 'cell', bold: true, noWrap: true },
        { text: title, style: 'cell' },
        cell,
        { text: value, style: 'cell', alignment: 'right', noWrap: true },
      ]);
    }
  }
  return {
    table: { widths: ['auto', '*', BAR_W, 70], body, dontBreakRows: true },
    layout: { ...TABLE_LAYOUT, hLineWidth: () => 0 },
  };
}

function itemList(ctx: Ctx, ids: readonly string[]): Content {
  return {
    ul: ids.map((id) => {
      const p = ctx.item.get(id);
      return { text: p ? [{ text: itemCode(p.item), bold: true }, ` ${ctx.t(p.item.text)}`] : id, fontSize: 8.5 };
    }),
  };
}

/** The summary section (starts on a new page). */
export function summary(ctx: Ctx): Content[] {
  const { say, result: r, set, lang } = ctx;
  const decisionStyle =
    r.decision === 'pass' ? 'pass' : r.decision === 'fail' || r.decision === 'incomplete' ? 'fail' : undefined;
  const big: Content[] = [];
  if (set.scoring.model === 'levels' && r.meanLevel) {
    big.push({
      text: [
        { text: `${say('summary.mean-level')}: `, style: 'label' },
        { text: num(formatLevel(r.meanLevel, meanThresholds(ctx)), lang), style: 'big' },
      ],
    });
  } else {
    big.push({
      text: [
        { text: `${say('summary.total')}: `, style: 'label' },
        { text: `${num(r.total.display.points, lang)}/${num(r.total.display.max, lang)}`, style: 'big' },
        r.total.display.percent ? { text: `  (${percentText(r.total.display.percent, lang)})`, fontSize: 12 } : '',
      ],
    });
  }
  const out: Content[] = [
    { text: say('summary.title'), style: 'h1', pageBreak: 'before' },
    ...big,
    facts([
      [say('summary.level-sum'), r.levelSum !== undefined ? String(r.levelSum) : undefined],
      [
        say('summary.level-counts'),
        r.levelCounts
          ? r.levelCounts.map((n, i) => `${say('items.level-met', { n: i + 1 })}: ${n}`).join(' · ')
          : undefined,
      ],
      [say('summary.rating'), r.rating ? { text: ctx.t(r.rating.label), bold: true } : undefined],
      [
        say('summary.decision'),
        { text: say(`decision.${r.decision}`), ...(decisionStyle ? { style: decisionStyle } : { color: COLOR.muted }) },
      ],
    ]),
  ];
  if (r.reasons.length) {
    out.push({ text: say('summary.reasons'), style: 'h2' });
    out.push({ ul: r.reasons.map((x) => ({ text: x[lang] ?? x.vi, color: COLOR.fail })) });
  }
  if (r.rules.length) {
    out.push({ text: say('summary.rules'), style: 'h2' });
    out.push({
      table: {
        widths: [50, '*'],
        body: r.rules.map((x) => [
          {
            text: say(`ruleStatus.${x.status}`),
            style: x.status === 'failed' ? 'fail' : x.status === 'passed' ? 'pass' : 'label',
            fontSize: 8.5,
          },
          { text: x.message[lang] ?? x.message.vi, fontSize: 8.5 },
        ]),
      },
      layout: TABLE_LAYOUT,
    });
  }
  out.push({ text: set.scoring.model === 'levels' ? say('summary.chart-levels') : say('summary.chart'), style: 'h2' });
  out.push(chart(ctx));
  const lists: Array<[string, readonly string[]]> = [
    [say('summary.knockouts-failed'), r.failedKnockouts],
    [say('summary.unanswered'), r.unanswered],
    [say('summary.unassessed'), r.unassessed],
    [say('summary.missing-evidence'), r.missingEvidence],
  ];
  for (const [title, ids] of lists) {
    if (!ids.length) continue;
    out.push({ text: title, style: 'h2', color: title === say('summary.knockouts-failed') ? COLOR.fail : COLOR.ink });
    out.push(itemList(ctx, ids));
  }
  return out;
}
