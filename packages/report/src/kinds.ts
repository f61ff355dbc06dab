/**
 * How each answer kind appears in a report (ADR 0011): the answer in words in the item table, the boxes of the
 * blank score sheet and its maximum. One entry per response kind, typed by core's kind union: a kind added to
 * the schema without an entry here does not compile (recipe: packages/core/CONTEXT.md, "Adding an answer kind").
 */
import type { ResponseKind, ResponseOf } from '@tieuchi/core';
import type { SetIndex } from './context.js';

/** One box of the score sheet: a label to tick, with its points when the set has them. */
export interface SheetOption {
  label: string;
  points?: number | string;
}

/** What the report knows about one answer kind. */
export interface ReportKind<K extends ResponseKind> {
  /** The answer's value in words ("Đạt", an option's label, a number with its unit). */
  answer(ix: SetIndex, r: ResponseOf<K>, value: string | number | undefined): string;
  /** The score sheet's boxes to tick, or lines to write on (`text`), for this response. */
  sheet(ix: SetIndex, r: ResponseOf<K>, levels: boolean): { options: SheetOption[]; lines: string[] };
  /** The item's maximum points, as the set writes it. */
  max(r: ResponseOf<K>): number;
}

const metText = (ix: SetIndex, v: string | number | undefined): string =>
  v === 'met' || v === 'partial' || v === 'not-met' ? ix.say(`answer.${v}`) : String(v ?? '');
const unitOf = (ix: SetIndex, r: { unit?: Parameters<SetIndex['t']>[0] }): string => (r.unit ? ` ${ix.t(r.unit)}` : '');

/** Every answer kind's report entry, by kind (the mapped type makes a missing kind a compile error). */
export const REPORT_KINDS: { readonly [K in ResponseKind]: ReportKind<K> } = {
  binary: {
    answer: (ix, _r, v) => metText(ix, v),
    sheet: (ix, r, levels) => ({
      options: [
        { label: ix.say('answer.met'), ...(levels ? {} : { points: r.points ?? 0 }) },
        { label: ix.say('answer.not-met'), ...(levels ? {} : { points: 0 }) },
      ],
      lines: [],
    }),
    max: (r) => r.points ?? 0,
  },
  graded: {
    answer: (ix, _r, v) => metText(ix, v),
    sheet: (ix, r) => ({
      options: [
        { label: ix.say('answer.met'), points: r.points },
        { label: ix.say('answer.partial'), points: r.partialPoints },
        { label: ix.say('answer.not-met'), points: 0 },
      ],
      lines: [],
    }),
    max: (r) => r.points,
  },
  choice: {
    answer: (ix, r, v) => {
      const o = r.options.find((x) => x.id === v);
      return o ? ix.t(o.label) : String(v ?? '');
    },
    sheet: (ix, r) => ({ options: r.options.map((o) => ({ label: ix.t(o.label), points: o.points })), lines: [] }),
    max: (r) => Math.max(...r.options.map((o) => o.points)),
  },
  numeric: {
    answer: (ix, r, v) => `${v ?? ''}${unitOf(ix, r)}`,
    sheet: (ix, r) => ({
      options: [],
      lines: [
        `${ix.say('sheet.number-in')}: ________${unitOf(ix, r)}`,
        r.bands
          .map((b, i) => {
            const next = r.bands[i + 1];
            return `${next ? `${b.min}–<${next.min}` : `≥ ${b.min}`}: ${b.points}`;
          })
          .join('; '),
      ],
    }),
    max: (r) => Math.max(...r.bands.map((b) => b.points)),
  },
  count: {
    // "3 lần (mục tiêu ≥ 4)": the count as answered, with the target it is judged against.
    answer: (ix, r, v) => `${v ?? ''}${unitOf(ix, r)} (${ix.say('word.target')} ≥ ${r.target})`,
    sheet: (ix, r) => ({
      options: [],
      lines: [
        `${ix.say('sheet.number-in')}: ________${unitOf(ix, r)}`,
        `${ix.say('word.target')} ≥ ${r.target}: ${r.points}; < ${r.target}: 0`,
      ],
    }),
    max: (r) => r.points,
  },
};

/** The report entry of a response's kind. */
export const reportKind = <K extends ResponseKind>(r: ResponseOf<K>): ReportKind<K> =>
  REPORT_KINDS[r.kind] as unknown as ReportKind<K>;
