/**
 * The cover: facility, set with its legal source documents, kind of assessment, dates, assessors, hash.
 */
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Assessment } from '@tieuchi/core';
import { COLOR, TABLE_LAYOUT, type Ctx, type SetIndex } from './context.js';
import { date } from './text.js';

/** Label / value rows as a two-column table without lines. */
export function facts(rows: ReadonlyArray<readonly [string, Content | string | undefined]>): Content {
  const body: TableCell[][] = rows
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => [{ text: k, style: 'label' }, v as TableCell]);
  return { table: { widths: [120, '*'], body }, layout: 'noBorders', margin: [0, 0, 0, 8] };
}

/** The set's title, version and source documents. */
export function setBlock(ix: SetIndex): Content[] {
  const { set, say, t } = ix;
  const docs = set.source.documents.map((d) => ({
    text: [
      { text: d.number, bold: true },
      d.date ? ` (${date(d.date, ix.lang)})` : '',
      d.issuer ? `, ${d.issuer}` : '',
      d.title ? ` — ${t(d.title)}` : '',
      { text: ` [${say(`sourceRole.${d.role}`)}]`, color: COLOR.muted },
    ],
  }));
  const out: Content[] = [
    facts([
      [
        say('cover.set'),
        {
          text: [
            { text: t(set.title), bold: true },
            { text: ` (${set.id}, ${say('cover.version')} ${set.version})`, color: COLOR.muted },
          ],
        },
      ],
      [say('cover.sources'), { ul: docs, margin: [0, 0, 0, 0] }],
    ]),
  ];
  if (say(`wordingNote.${set.wording}`))
    out.push({ text: say(`wordingNote.${set.wording}`), style: 'small', margin: [0, 0, 0, 8] });
  return out;
}

function address(a: Assessment): string {
  const f = a.facility;
  return [f.address, f.commune, f.formerDistrict, f.province].filter(Boolean).join(', ');
}

/** The cover page content (no page break). */
export function cover(ctx: Ctx): Content[] {
  const { assessment: a, say, lang } = ctx;
  const f = a.facility;
  const out: Content[] = [
    { text: say('report.title'), style: 'title', margin: [0, 40, 0, 6] },
    { text: say(`kind.${a.assessmentKind}`), style: 'subtitle' },
    { text: f.name, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
    {
      text: [say(`facilityKind.${f.kind}`), address(a) ? ` — ${address(a)}` : ''].join(''),
      alignment: 'center',
      color: COLOR.muted,
      margin: [0, 0, 0, 28],
    },
    ...setBlock(ctx),
    facts([
      [say('cover.assessment-kind'), say(`kind.${a.assessmentKind}`)],
      [say('cover.round'), a.round?.label ?? a.round?.id],
      [say('cover.zone'), ctx.result.zone],
      [say('cover.assessed-on'), date(a.assessedOn, lang)],
      [say('cover.submitted-at'), date(a.submittedAt, lang)],
      [say('cover.locked-at'), date(a.lockedAt, lang)],
      [say('cover.status'), say(`status.${a.status}`)],
    ]),
  ];
  if (a.assessors?.length) {
    type Assessor = NonNullable<Assessment['assessors']>[number];
    // Role and organisation columns only when some assessor has one: empty columns say nothing.
    const cols: Array<{ title: string; width: string | number; value: (p: Assessor) => string }> = [
      { title: say('cover.name'), width: '*', value: (p) => p.name },
    ];
    if (a.assessors.some((p) => p.role))
      cols.push({ title: say('cover.role'), width: 110, value: (p) => p.role ?? '' });
    if (a.assessors.some((p) => p.organisation))
      cols.push({ title: say('cover.organisation'), width: '*', value: (p) => p.organisation ?? '' });
    out.push({ text: say('cover.assessors'), style: 'h2' });
    out.push({
      table: {
        headerRows: 1,
        widths: cols.map((c) => c.width),
        body: [
          cols.map((c) => ({ text: c.title, style: 'th' })),
          ...a.assessors.map((p) => cols.map((c) => ({ text: c.value(p), style: 'cell' }))),
        ],
      },
      layout: TABLE_LAYOUT,
    });
  }

  out.push({ text: say('cover.content-hash'), style: 'h2' });
  out.push(
    a.status === 'locked' && a.contentHash
      ? { text: a.contentHash, style: 'hash', font: 'Roboto' }
      : { text: say('cover.not-locked'), style: 'small' },
  );
  return out;
}
