/**
 * buildScoreSheet: a blank printable score sheet for any set, the paper fallback when a tablet fails.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { CriteriaSet, CriteriaSetItem } from '@tieuchi/core';
import { COLOR, TABLE_LAYOUT, criterionCode, indexSet, itemCode, type SetIndex } from './context.js';
import { facts, setBlock } from './cover.js';
import { frame } from './frame.js';
import type { Lang } from './messages.js';
import { scoringRule } from './rules.js';
import { signatureBlocks } from './signatures.js';
import { nfcDeep } from './text.js';
import { codeWidth } from './items-table.js';
import { reportKind } from './kinds.js';

const BOX: Content = {
  canvas: [{ type: 'rect', x: 0, y: 1.5, w: 7, h: 7, lineWidth: 0.7, lineColor: COLOR.ink }],
  width: 11,
} as Content;

function option(label: string, points?: number | string): Content {
  return {
    columns: [BOX, { text: points !== undefined ? `${label} (${points})` : label, width: '*' }],
    margin: [0, 0, 0, 1],
  };
}

/** The boxes to tick for one item. */
function answerBoxes(ix: SetIndex, item: CriteriaSetItem): Content {
  const r = item.response;
  const levels = ix.set.scoring.model === 'levels';
  const out: Content[] = [];
  const sheet = reportKind(r).sheet(ix, r, levels);
  for (const o of sheet.options) out.push(option(o.label, o.points));
  sheet.lines.forEach((text, i) => out.push(i === 0 ? { text } : { text, style: 'small' }));
  if (item.naAllowed) out.push(option(ix.say('answer.na')));
  return { stack: out, fontSize: 7.5 };
}

function maxOf(item: CriteriaSetItem, levels: boolean): string {
  return levels ? '' : String(reportKind(item.response).max(item.response));
}

/**
 * Lays out a blank score sheet: the set and its legal basis, fields for the facility, date and assessors, the
 * scoring rule in words, every item with boxes for the answer and lines for points and a note, and signature
 * blocks. Pure: no pdfmake, no I/O.
 *
 * @param set a valid criteria set.
 * @param lang language of the labels and of texts the set gives in both languages (default 'vi').
 */
export function buildScoreSheet(set: CriteriaSet, lang: Lang = 'vi'): TDocumentDefinitions {
  const ix = indexSet(set, lang);
  const { say } = ix;
  const levels = set.scoring.model === 'levels';
  const line: TableCell = { text: ' ', margin: [0, 4, 0, 4] };
  const body: TableCell[][] = [
    [
      say('col.code'),
      say('col.text'),
      say('col.answer'),
      levels ? say('word.level') : say('col.max'),
      say('col.points'),
      say('col.note'),
    ].map((text) => ({ text, style: 'th' })),
  ];
  for (const section of set.sections) {
    if (set.sections.length > 1)
      body.push([
        { text: ix.t(section.title).toUpperCase(), colSpan: 6, bold: true, fontSize: 8.5, fillColor: COLOR.head },
        '',
        '',
        '',
        '',
        '',
      ]);
    for (const c of section.criteria) {
      const max = c.maxPoints !== undefined ? ` — ${say('word.max-points').toLowerCase()} ${c.maxPoints}` : '';
      body.push([
        {
          text: [{ text: `${criterionCode(c)}  `, bold: true }, ix.t(c.title), max],
          colSpan: 6,
          fillColor: COLOR.band,
          fontSize: 8.5,
        },
        '',
        '',
        '',
        '',
        '',
      ]);
      for (const item of c.items) {
        const text: Content[] = [{ text: ix.t(item.text) }];
        if (item.knockout) text.push({ text: say('items.knockout'), bold: true, fontSize: 7, color: COLOR.fail });
        const ev = item.evidence;
        if (ev && ev.photo !== 'never') {
          const hint = ev.hint ? `: ${ix.t(ev.hint)}` : '';
          text.push({
            text: `${ev.photo === 'always' ? say('items.photo-always') : say('items.photo-when-not-met')}${hint}`,
            style: 'small',
          });
        }
        body.push([
          { text: itemCode(item), bold: true },
          { stack: text },
          answerBoxes(ix, item),
          { text: levels ? String(item.level ?? '') : maxOf(item, levels), alignment: 'center' },
          line,
          line,
        ]);
      }
    }
  }
  const content: Content[] = [
    { text: say('sheet.title'), style: 'title', margin: [0, 10, 0, 4] },
    { text: say('sheet.hint'), style: 'small', alignment: 'center', margin: [0, 0, 0, 12] },
    ...setBlock(ix),
    facts([
      [say('sheetField.facility'), '…'.repeat(60)],
      [say('sheetField.date'), '…'.repeat(30)],
      [say('sheetField.assessors'), '…'.repeat(60)],
    ]),
    ...scoringRule(ix),
    { text: say('items.title'), style: 'h1', margin: [0, 14, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: [codeWidth([...ix.item.values()].map((p) => itemCode(p.item))), '*', 110, 30, 34, 90],
        body,
        dontBreakRows: true,
      },
      layout: {
        ...TABLE_LAYOUT,
        vLineWidth: (i: number) => (i === 4 || i === 5 ? 0.3 : 0),
        vLineColor: () => COLOR.rule,
      },
      fontSize: 8,
    },
    ...signatureBlocks(ix, undefined),
  ];
  return frame(
    nfcDeep(content),
    {},
    {
      title: `${say('sheet.title')} — ${ix.t(set.title)}`,
      header: `${say('sheet.title')} — ${ix.t(set.shortTitle ?? set.title)} (${set.id} ${set.version})`,
      lang,
    },
  );
}
