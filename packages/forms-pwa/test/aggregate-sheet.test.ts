/** The dashboard's aggregate workbook (issue 14), read back with the same spreadsheet module. */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '@tieuchi/sheets';
import { aggregate } from '../src/loop/core.js';
import { aggregateSheets } from '../src/dashboard/aggregate-sheet.js';
import { workbook } from '../src/io/xlsx.js';
import { draft, scored, smallSet } from './helpers.js';

describe('aggregate workbook', () => {
  it('has a sheet by criterion and one by item, numbers as numbers, Vietnamese titles', async () => {
    // A: everything full (c1 4/4, c2 6/6). B: i1 met, i2 not met (c1 2/4 = 50 %); i3 "some" 1, i4 = 2 → 0 (c2 1/6).
    const a = draft({ i1: { value: 'met' }, i2: { value: 'met' }, i3: { value: 'full' }, i4: { value: 5 } }, 'a');
    const b = draft({ i1: { value: 'met' }, i2: { value: 'not-met' }, i3: { value: 'some' }, i4: { value: 2 } }, 'b');
    const entries = [a, b].map((x) => ({ set: smallSet, assessment: x, result: scored(x) }));
    const header = [{ label: 'Bộ tiêu chí', value: 'Bộ nhỏ (1.0)' }];
    const [byCriterion, byItem] = await readWorkbook(
      await workbook(aggregateSheets(aggregate(entries), smallSet, header)),
    );
    expect(byCriterion!.name).toBe('Theo tiêu chí');
    expect(byItem!.name).toBe('Theo chỉ tiêu');
    const row = (rows: unknown[][], start: string) => rows.find((r) => String(r[0]).startsWith(start))!;
    expect(row(byCriterion!.rows, 'Bộ tiêu chí')[1]).toBe('Bộ nhỏ (1.0)'); // the header block
    expect(byCriterion!.rows.some((r) => r[0] === 'Tiêu chí' && r[2] === 'Tỉ lệ điểm trung bình')).toBe(true);
    const c1 = row(byCriterion!.rows, '1. ');
    expect(c1[1]).toBe(2); // applicable in both
    expect(c1[2]).toBeCloseTo(0.75, 10); // (100 % + 50 %) / 2
    const c2 = row(byCriterion!.rows, '2. ');
    expect(c2[2]).toBeCloseTo((1 + 1 / 6) / 2, 10); // (100 % + 16,67 %) / 2
    const i2 = row(byItem!.rows, '1.2 ');
    expect([i2[1], i2[2]]).toEqual([2, 1]); // answered twice, met once
    expect(i2[3]).toBeCloseTo(0.5, 10);
  });
});
