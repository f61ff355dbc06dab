/**
 * Table import (decision 0014): a good table becomes a new version of a set; every kind of bad row is reported with
 * its row and column; 6858-style element codes map onto criterion and level with uneven counts; and every set
 * version exported as a table imports back unchanged.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  importTable,
  parseColumnMap,
  parseCsv,
  parseElementCode,
  score,
  tableOfSet,
  TABLE_LAYOUT_MAP,
  toFractionString,
  type CriteriaSet,
  type TableImportResult,
} from '../src/index.js';
import { assess } from './helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const map = (spec: string) => {
  const m = parseColumnMap(spec);
  if (!m.ok) throw new Error(JSON.stringify(m.problems));
  return m.map;
};
const ok = (r: TableImportResult) => {
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.row}/${p.column}: ${p.message.en}`).join('\n'));
  return r.set;
};

describe('parseColumnMap and element codes', () => {
  it('reads letters and 1-based numbers', () => {
    expect(map('code=A,level=B,text=3,points=AA')).toEqual({ code: 0, level: 1, text: 2, points: 26 });
  });
  it('names every problem of a map', () => {
    const m = parseColumnMap('code=A,colour=B,text=?,level');
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.problems.map((p) => p.en)).toHaveLength(3);
    expect(parseColumnMap('level=B').ok).toBe(false); // no text, no code
  });
  it('reads A1.1-2.12 as criterion A1.1, level 2, element 12', () => {
    expect(parseElementCode('A1.1-2.12')).toEqual({ criterion: 'A1.1', level: 2, number: 12 });
    expect(parseElementCode('1.2')).toBeUndefined();
  });
});

describe('a good points table (CSV, Vietnamese decimal comma, semicolons)', () => {
  const csv =
    '\uFEFFMã;Nội dung;Điểm;Hệ số;Điểm liệt;Hướng dẫn\r\n' +
    '1.1;"Có Ban Chỉ đạo; họp ""định kỳ""";2;;x;Xem biên bản\r\n' +
    '1.2;Có kế hoạch năm;1,5;;;\r\n' +
    ';;;;;\r\n' +
    '2.1;Có bác sĩ;3;2;không;\r\n';
  const r = importTable(parseCsv(csv), {
    map: map('code=A,text=B,points=C,weight=D,knockout=E,guidance=F'),
    document: '9999/QĐ-TEST',
    address: 'https://example.org/annex',
    version: '2026.1',
    id: 'test-import',
    title: { vi: 'Bộ nhập thử' },
  });
  const set = ok(r);
  it('groups items by the code before the last dot, keeps text with quotes and separators', () => {
    expect(set.sections[0]!.criteria.map((c) => [c.code, c.items.map((i) => i.code)])).toEqual([
      ['1', ['1.1', '1.2']],
      ['2', ['2.1']],
    ]);
    expect(set.sections[0]!.criteria[0]!.items[0]!.text.vi).toBe('Có Ban Chỉ đạo; họp "định kỳ"');
    expect(set.sections[0]!.criteria[1]!.weight).toBe(2);
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 5]); // the blank row 4 is skipped
  });
  it('marks imported rows official, with the named source and the sheet row', () => {
    const it1 = set.sections[0]!.criteria[0]!.items[0]!;
    expect(it1.provenance).toMatchObject({ wording: 'official', points: 'official', knockout: 'official' });
    expect(it1.provenance.sources?.[0]?.address).toBe('https://example.org/annex');
    expect(it1.provenance.note).toContain('dòng 2');
    expect(it1.citation).toEqual({ document: '9999/QĐ-TEST', article: '1.1' });
    expect(it1.knockout).toBe(true);
    expect(set.wording).toBe('official');
  });
  it('scores with the criterion weight: 2 + 0 + 2 x 3 = 8 of 2 + 1,5 + 2 x 3 = 9,5 points', () => {
    const res = score(set, assess(set, { '1.1': 'met', '1.2': 'not-met', '2.1': 'met' }));
    if (!res.ok) throw new Error(JSON.stringify(res.errors));
    expect(toFractionString(res.value.total.points)).toBe('8');
    expect(toFractionString(res.value.total.max)).toBe('19/2');
  });
});

describe('every kind of bad row is reported with its row and column', () => {
  const table = [
    ['code', 'level', 'text', 'points', 'weight', 'knockout'],
    ['1.1', '', '', '1', '', ''], // 2: text missing
    ['1.2', '', 'a', 'abc', '', ''], // 3: not a number
    ['1.3', '', 'b', '1.500', '', ''], // 4: ambiguous
    ['1.4', '', 'c', '-1', '', ''], // 5: out of range
    ['1.5', '', 'd', '0,12345', '', ''], // 6: too many decimals
    ['1.6', '', 'e', '1', '0', ''], // 7: weight 0
    ['1.7', '', 'f', '1', '2', ''], // 8: weight 2 for criterion 1
    ['1.8', '', 'g', '1', '3', ''], // 9: weight conflict
    ['1.9', '', 'h', '1', '', 'maybe'], // 10: knockout not understood
    ['1.7', '', 'i', '1', '', ''], // 11: duplicate code
    ['x', '', 'j', '1', '', ''], // 12: no criterion
    ['2.1', '', 'k', '', '', ''], // 13: points missing
  ];
  const r = importTable(table, {
    map: map('code=A,level=B,text=C,points=D,weight=E,knockout=F'),
    document: 'T',
    version: '2',
  });
  it('refuses the table and lists each problem once, by row and column', () => {
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.row, p.column, p.letter])).toEqual([
      [2, 'text', 'C'],
      [3, 'points', 'D'],
      [4, 'points', 'D'],
      [5, 'points', 'D'],
      [6, 'points', 'D'],
      [7, 'weight', 'E'],
      [9, 'weight', 'E'],
      [10, 'knockout', 'F'],
      [11, 'code', 'A'],
      [12, 'code', 'A'],
      [13, 'points', 'D'],
    ]);
    expect(r.problems.every((p) => p.message.vi && p.message.en)).toBe(true);
    expect(r.rows).toHaveLength(12); // the preview still lists every row
  });
  it('checks levels: whole numbers, agreeing with the code, present on every row, no points', () => {
    const lv = importTable(
      [
        ['code', 'level', 'text', 'points'],
        ['A1.1-1.1', '2', 'a', ''], // conflict with code
        ['A1.1-1.2', '1,5', 'b', ''], // not whole
        ['B1', '', 'c', ''], // no level in a levels table (and no criterion)
        ['A1.1-2.3', '', 'd', '1'], // points in a levels table
      ],
      { map: map('code=A,level=B,text=C,points=D'), document: 'T', version: '2' },
    );
    expect(lv.ok).toBe(false);
    if (!lv.ok)
      expect(lv.problems.map((p) => [p.row, p.column])).toEqual([
        [2, 'level'],
        [3, 'level'],
        [4, 'code'],
        [4, 'level'],
        [5, 'points'],
      ]);
  });
  it('refuses an empty table and a version equal to the base version', () => {
    const base = JSON.parse(readFileSync(join(root, 'criteria', 'tt20-medical-waste.json'), 'utf8')) as CriteriaSet;
    const e = importTable([['code', 'text']], {
      map: map('code=A,text=B'),
      document: 'T',
      version: base.version,
      base,
    });
    expect(e.ok).toBe(false);
    if (!e.ok)
      expect(e.problems.map((p) => p.message.en)).toEqual([
        'The table has no data rows',
        `The new version must differ from the base version ${base.version}`,
      ]);
  });
});

describe('a 6858-style code table', () => {
  // Uneven counts as the sources report them: A1.1 has 4 level-1 elements; A4.2 has 1 at level 1 and 7 at level 2.
  const rows: string[][] = [['Mã', 'Nội dung']];
  for (let n = 1; n <= 4; n++) rows.push([`A1.1-1.${n}`, `Phần tử mức 1 số ${n}`]);
  rows.push(['A1.1-2.5', 'Phần tử mức 2'], ['A1.1-3.6', 'Mức 3'], ['A1.1-4.7', 'Mức 4'], ['A1.1-5.8', 'Mức 5']);
  rows.push(['A4.2-1.1', 'Phần tử mức 1']);
  for (let n = 2; n <= 8; n++) rows.push([`A4.2-2.${n}`, `Phần tử mức 2 số ${n}`]);
  rows.push(['A4.2-3.9', 'Mức 3'], ['A4.2-4.10', 'Mức 4'], ['A4.2-5.11', 'Mức 5']);
  for (let l = 1; l <= 5; l++) rows.push([`E1.3-${l}.${l}`, `E1.3 mức ${l}`]);
  const set = ok(
    importTable(rows, { map: map('code=A,text=B'), document: '6858/QĐ-BYT', version: '2016.9', id: 'bv' }),
  );
  it('maps each code onto its criterion and level, sections by letter, scored by level', () => {
    expect(set.scoring).toMatchObject({ model: 'levels', levels: 5 });
    expect(set.sections.map((s) => [s.id, s.criteria.map((c) => c.code)])).toEqual([
      ['A', ['A1.1', 'A4.2']],
      ['E', ['E1.3']],
    ]);
    const count = (c: string, level: number) =>
      set.sections
        .flatMap((s) => s.criteria)
        .find((x) => x.code === c)!
        .items.filter((i) => i.level === level).length;
    expect([count('A1.1', 1), count('A1.1', 2), count('A4.2', 1), count('A4.2', 2)]).toEqual([4, 1, 1, 7]);
    expect(set.sections[0]!.criteria[1]!.items[0]).toMatchObject({ id: 'A4.2-1.1', code: 'A4.2-1.1', level: 1 });
  });
  it('becomes a new version of the subset set, keeping its titles and scoring', () => {
    const base = JSON.parse(
      readFileSync(join(root, 'criteria', 'qd6858-hospital-quality-subset@2016.2.json'), 'utf8'),
    ) as CriteriaSet;
    const v = ok(importTable(rows, { map: map('code=A,text=B'), document: '6858/QĐ-BYT', version: '2016.3', base }));
    expect(v.id).toBe(base.id);
    expect(v.scoring).toEqual(base.scoring);
    expect(v.sections[0]!.criteria[0]!.title).toEqual(base.sections[0]!.criteria[0]!.title);
  });
});

describe('every set version exported as a table imports back unchanged', () => {
  for (const file of readdirSync(join(root, 'criteria')).filter((f) => f.endsWith('.json'))) {
    it(file, () => {
      const set = JSON.parse(readFileSync(join(root, 'criteria', file), 'utf8')) as CriteriaSet;
      const table = [['header'], ...tableOfSet(set)];
      const back = ok(
        importTable(table, { map: TABLE_LAYOUT_MAP, document: 'X', version: `${set.version}.rt`, base: set }),
      );
      expect(tableOfSet(back)).toEqual(tableOfSet(set));
      // Everything but the provenance and citation the import sets (it marks rows official from the named document).
      const strip = (s: CriteriaSet) =>
        s.sections.map((sec) => ({
          ...sec,
          criteria: sec.criteria.map((c) => ({
            ...c,
            items: c.items.map(({ provenance: _p, citation: _c, ...rest }) => rest),
          })),
        }));
      expect(strip(back)).toEqual(strip(set));
      expect(back.scoring).toEqual(set.scoring);
    });
  }
});
