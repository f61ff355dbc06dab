/**
 * The table of every item: code and text (with its citation), answer, points, maximum, N/A, note. One table
 * per criterion whose header row (the criterion with its score) repeats on a new page and never stays alone
 * at the bottom of one; failed knockouts on a red ground.
 */
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { CriteriaSetCriterion } from '@tieuchi/core';
import { formatPoints } from '@tieuchi/core';
import { answerText } from './answer.js';
import { COLOR, TABLE_LAYOUT, criterionCode, itemCode, type Ctx } from './context.js';
import { num, scoreText } from './text.js';

/** Width (pt) of a code column holding `codes` at 8 pt, so "A1.1-L1a" does not run into the text. */
export function codeWidth(codes: readonly string[]): number {
  const longest = Math.max(0, ...codes.map((c) => c.length));
  return Math.min(64, Math.max(26, Math.ceil(longest * 4.5 + 4)));
}

function criterionTable(
  ctx: Ctx,
  c: CriteriaSetCriterion,
  widths: Array<number | string>,
  sectionTitle?: string,
): Content {
  const { say, assessment } = ctx;
  const cr = ctx.criterionResult.get(c.id);
  const score = !cr?.score.applicable
    ? say('word.not-applicable')
    : cr.level !== undefined
      ? `${say('word.level')} ${cr.level}`
      : scoreText(cr.score, ctx.lang);
  const head: TableCell = {
    colSpan: 6,
    fillColor: COLOR.band,
    stack: [
      {
        columns: [
          { text: [{ text: `${criterionCode(c)}  `, bold: true }, ctx.t(c.title)], fontSize: 8.5, width: '*' },
          { text: score, fontSize: 8.5, bold: true, width: 'auto' },
        ],
      },
      cr?.levelReason ? { text: ctx.t(cr.levelReason), style: 'small' } : '',
    ],
  };
  const body: TableCell[][] = [[head, '', '', '', '', '']];
  // A section's title rides in the header of its first criterion, so it never ends a page alone.
  if (sectionTitle)
    body.unshift([
      {
        text: sectionTitle.toUpperCase(),
        colSpan: 6,
        bold: true,
        fontSize: 9,
        fillColor: COLOR.head,
        margin: [0, 2, 0, 2],
      },
      '',
      '',
      '',
      '',
      '',
    ]);
  for (const item of c.items) {
    const r = ctx.itemResult.get(item.id);
    const a = assessment.answers[item.id];
    const na = r?.status === 'na' || r?.status === 'auto-na';
    const ko = r?.knockoutFailed === true;
    const fillColor = ko ? COLOR.failFill : undefined;
    const textStack: Content[] = [{ text: ctx.t(item.text) }];
    const tags: string[] = [];
    if (item.level !== undefined) tags.push(say('items.level-met', { n: item.level }));
    tags.push(say(`wordingOf.${item.provenance.wording ?? 'unverified'}`));
    if (item.citation)
      tags.push(
        `${say('items.citation')}: ${item.citation.document}${item.citation.article ? `, ${item.citation.article}` : ''}`,
      );
    if (tags.length) textStack.push({ text: tags.join(' · '), style: 'small' });
    if (item.knockout)
      textStack.push({
        text: ko ? say('items.knockout-failed') : say('items.knockout'),
        bold: true,
        fontSize: 7.5,
        color: ko ? COLOR.fail : COLOR.muted,
      });
    const noteStack: Content[] = [];
    if (a?.note) noteStack.push({ text: a.note });
    if (a?.evidence?.length)
      noteStack.push({ text: say('items.photos-count', { n: a.evidence.length }), style: 'small' });
    if (r?.evidenceMissing) noteStack.push({ text: say('items.photo-needed'), fontSize: 7.5, color: COLOR.fail });
    const answered = r?.status === 'answered';
    body.push([
      { text: itemCode(item), bold: ko, fillColor },
      { stack: textStack, fillColor },
      {
        text: answerText(ctx, item, r, a),
        fillColor,
        color: ko || r?.status === 'unanswered' ? COLOR.fail : undefined,
      },
      { text: answered && r ? num(formatPoints(r.points), ctx.lang) : '–', alignment: 'center', fillColor },
      { text: r && !na ? num(formatPoints(r.max), ctx.lang) : '–', alignment: 'center', fillColor },
      { stack: noteStack, fillColor },
    ]);
  }
  return {
    table: { headerRows: sectionTitle ? 2 : 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body },
    layout: TABLE_LAYOUT,
    fontSize: 8,
  };
}

/** The items section (starts on a new page). */
export function itemsTable(ctx: Ctx): Content[] {
  const { say, set } = ctx;
  const widths = [codeWidth([...ctx.item.values()].map((p) => itemCode(p.item))), '*', 56, 26, 26, 100];
  const out: Content[] = [
    { text: say('items.title'), style: 'h1', pageBreak: 'before' },
    {
      table: {
        widths,
        body: [
          [say('col.code'), say('col.text'), say('col.answer'), say('col.points'), say('col.max'), say('col.note')].map(
            (text, i) => ({
              text,
              style: 'th',
              alignment: i >= 3 && i <= 4 ? 'center' : 'left',
            }),
          ),
        ],
      },
      layout: TABLE_LAYOUT,
    },
  ];
  for (const section of set.sections) {
    section.criteria.forEach((c, i) =>
      out.push(criterionTable(ctx, c, widths, set.sections.length > 1 && i === 0 ? ctx.t(section.title) : undefined)),
    );
  }
  return out;
}
