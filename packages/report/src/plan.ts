/**
 * The improvement plan: one row per action, naming the item it improves.
 */
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatPoints } from '@tieuchi/core';
import { COLOR, TABLE_LAYOUT, itemCode, type Ctx } from './context.js';
import type { ReportPlan } from './types.js';
import { date, num, pick } from './text.js';

/** The plan section (starts on a new page), or nothing for a plan without actions. */
export function planSection(ctx: Ctx, plan: ReportPlan): Content[] {
  const { say, lang } = ctx;
  if (!plan.actions.length) return [];
  const body: TableCell[][] = [
    [
      say('planCol.item'),
      `${say('planCol.problem')} / ${say('planCol.action')}`,
      say('planCol.owner'),
      say('planCol.due'),
      say('planCol.status'),
      say('planCol.gain'),
    ].map((text) => ({ text, style: 'th' })),
  ];
  for (const a of plan.actions) {
    const p = ctx.item.get(a.itemId);
    body.push([
      { text: p ? itemCode(p.item) : a.itemId, bold: true },
      {
        stack: [
          p ? { text: ctx.t(p.item.text), style: 'small' } : '',
          a.problem ? { text: a.problem } : '',
          a.action ? { text: `→ ${a.action}`, bold: true } : '',
          a.knockout ? { text: say('items.knockout'), fontSize: 7.5, bold: true, color: COLOR.fail } : '',
          a.goal ? { text: pick(a.goal, lang), fontSize: 7.5, italics: true } : '',
        ],
      },
      a.owner ?? '',
      date(a.due, lang),
      say(`planStatus.${a.status}`),
      { text: a.pointsToGain ? num(formatPoints(a.pointsToGain), lang) : '', alignment: 'right' },
    ]);
  }
  return [
    { text: say('plan.title'), style: 'h1', pageBreak: 'before' },
    {
      table: { headerRows: 1, widths: [32, '*', 80, 50, 50, 40], body, dontBreakRows: true },
      layout: TABLE_LAYOUT,
      fontSize: 8,
    },
  ];
}
