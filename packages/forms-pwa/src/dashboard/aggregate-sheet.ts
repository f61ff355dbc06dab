/**
 * The dashboard's aggregate view as a workbook (issue 14): over the assessments shown, per criterion (applicable in,
 * mean percentage, reaching the set's per-criterion threshold) and per item (answered, met, met rate). Figures are
 * core's `aggregate`; numbers go in as numbers, percentages as fractions (see `io/xlsx.ts`;
 * core's rates are fractions already, its mean percentage is 0..100).
 */
import type { CriteriaSet } from '../core.js';
import type { Aggregate } from '../loop/core.js';
import { lt } from '../loop/messages.js';
import type { HeaderLine, SheetSpec } from '../io/xlsx.js';
import { numberCell, percentCell } from '../io/xlsx.js';
import { criterionInfo, itemLabel } from '../loop/labels.js';

/** The two sheets of the aggregate workbook: by criterion, then by item, each under the same header block. */
export function aggregateSheets(agg: Aggregate, set: CriteriaSet | undefined, header: HeaderLine[]): SheetSpec[] {
  return [
    {
      name: lt('agg.byCriterion'),
      header,
      columns: [
        { title: lt('agg.criterion'), width: 50 },
        { title: lt('agg.applicable'), kind: 'number', width: 14 },
        { title: lt('agg.mean'), kind: 'percent', width: 14 },
        { title: lt('agg.passing'), kind: 'number', width: 14 },
        { title: lt('agg.passRate'), kind: 'percent', width: 14 },
      ],
      rows: agg.criteria.map((c) => [
        criterionInfo(c.id, set).label,
        c.applicable,
        percentCell(c.meanPercent),
        c.passing,
        numberCell(c.passRate), // a fraction already (passing / applicable)
      ]),
    },
    {
      name: lt('agg.byItem'),
      header,
      columns: [
        { title: lt('agg.item'), width: 60 },
        { title: lt('agg.answered'), kind: 'number', width: 12 },
        { title: lt('agg.met'), kind: 'number', width: 12 },
        { title: lt('agg.metRate'), kind: 'percent', width: 14 },
      ],
      rows: agg.items.map((i) => [itemLabel(i.id, set), i.answered, i.met, numberCell(i.metRate)]), // a fraction
    },
  ];
}
