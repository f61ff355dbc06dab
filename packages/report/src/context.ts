/**
 * What every section of the layout reads: the inputs, the labels, lookups by id, and the shared styles.
 */
import type {
  Assessment,
  CriteriaSet,
  CriteriaSetCriterion,
  CriteriaSetItem,
  CriteriaSetSection,
  ScoreResult,
  ScoreResultCriterionResult,
  ScoreResultItemResult,
} from '@tieuchi/core';
import { partNumbers } from '@tieuchi/core';
import type { StyleDictionary } from 'pdfmake/interfaces.js';
import { sayIn, type Lang, type Say } from './messages.js';
import { pick } from './text.js';

export interface SetIndex {
  set: CriteriaSet;
  lang: Lang;
  /** The report's fixed words in its language (the table in messages.ts). */
  say: Say;
  item: Map<string, { item: CriteriaSetItem; criterion: CriteriaSetCriterion; section: CriteriaSetSection }>;
  criterion: Map<string, CriteriaSetCriterion>;
  /** Text in the report's language. */
  t: (x: Parameters<typeof pick>[0]) => string;
}

export interface Ctx extends SetIndex {
  assessment: Assessment;
  result: ScoreResult;
  itemResult: Map<string, ScoreResultItemResult>;
  criterionResult: Map<string, ScoreResultCriterionResult>;
}

/** Lookups over a set. */
export function indexSet(set: CriteriaSet, lang: Lang): SetIndex {
  const item: SetIndex['item'] = new Map();
  const criterion = new Map<string, CriteriaSetCriterion>();
  const numbers = partNumbers(set);
  for (const section of set.sections) {
    for (const c of section.criteria) {
      criterion.set(c.id, c);
      PRINTED.set(c, numbers.criterion(c.id));
      for (const i of c.items) {
        item.set(i.id, { item: i, criterion: c, section });
        PRINTED.set(i, numbers.item(i.id));
      }
    }
  }
  return { set, lang, say: sayIn(lang), item, criterion, t: (x) => pick(x, lang) };
}

/** Lookups over a set and a result. */
export function context(set: CriteriaSet, assessment: Assessment, result: ScoreResult, lang: Lang): Ctx {
  const itemResult = new Map<string, ScoreResultItemResult>();
  const criterionResult = new Map<string, ScoreResultCriterionResult>();
  for (const s of result.sections) {
    for (const c of s.criteria) {
      criterionResult.set(c.id, c);
      for (const i of c.items) itemResult.set(i.id, i);
    }
  }
  return { ...indexSet(set, lang), assessment, result, itemResult, criterionResult };
}

/** The number printed for each criterion and item of an indexed set (core's `partNumbers`), by node. */
const PRINTED = new WeakMap<object, string>();

/** The criterion's printed name: its official code when it has one, else its number in the set's order. */
export const criterionCode = (c: CriteriaSetCriterion): string => c.code ?? PRINTED.get(c) ?? c.id;
/** The item's printed code: its official code when it has one, else its number in the set's order (never its id). */
export const itemCode = (i: CriteriaSetItem): string => i.code ?? PRINTED.get(i) ?? i.id;

export const COLOR = {
  ink: '#1a1a1a',
  muted: '#5f6368',
  rule: '#c8ccd0',
  head: '#e8eef4',
  band: '#f4f6f8',
  pass: '#1e7b34',
  fail: '#b3261e',
  failFill: '#fde7e5',
  bar: '#2f6db5',
  barBack: '#e3e7ec',
} as const;

export const STYLES: StyleDictionary = {
  title: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
  subtitle: { fontSize: 12, alignment: 'center', color: COLOR.muted, margin: [0, 0, 0, 16] },
  h1: { fontSize: 14, bold: true, margin: [0, 0, 0, 8] },
  h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
  label: { color: COLOR.muted },
  small: { fontSize: 7.5, color: COLOR.muted },
  th: { bold: true, fontSize: 8, fillColor: COLOR.head },
  cell: { fontSize: 8 },
  big: { fontSize: 16, bold: true },
  pass: { color: COLOR.pass, bold: true },
  fail: { color: COLOR.fail, bold: true },
  hash: { fontSize: 7.5, color: COLOR.muted },
};

/** Thin grey rules between rows, none at the sides: readable when printed in black and white. */
export const TABLE_LAYOUT = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
    i === 0 || i === node.table.body.length ? 0.6 : 0.3,
  vLineWidth: () => 0,
  hLineColor: () => COLOR.rule,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};
