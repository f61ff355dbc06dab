import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../src/index.js';

/** Splits one CSV line the way a spreadsheet set to `sep` would, honouring quotes. */
function split(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') q = true;
    else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** What a naive spreadsheet that ignores quotes (splitting on `sep`) would see as cells. */
const naive = (line: string, sep: string): string[] => line.split(sep).map((c) => c.replace(/^"|"$/g, ''));

describe('CSV formula guard', () => {
  const hostile = [
    '=1+1',
    '+1',
    '-1',
    '@SUM(A1)',
    'Trạm X;=HYPERLINK(A1)',
    'a,=cmd|x',
    'tab\t=1',
    'pipe|@x',
    'line\n=1',
    ' =1',
    '＝1',
    'x; -2',
  ];
  it('no cell under any common separator starts with a formula character', () => {
    const csv = toCsv(
      ['name', 'n'],
      hostile.map((h) => [h, 1]),
    );
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    for (const sep of [',', ';', '\t', '|']) {
      for (const line of lines) {
        for (const cell of [...split(line, sep), ...naive(line, sep)]) {
          expect(cell.trimStart(), `${sep} ${JSON.stringify(line)}`).not.toMatch(/^[=+\-@＝＋－＠]/);
        }
      }
    }
  });
  it('quotes a field holding any separator and keeps the text readable', () => {
    expect(csvField('Trạm X;=HYPERLINK(A1)')).toBe(`"Trạm X;'=HYPERLINK(A1)"`);
    expect(csvField('a|b')).toBe('"a|b"');
    expect(csvField('a\tb')).toBe('"a\tb"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1')).toBe(`'=1`);
    expect(csvField('Trạm Y tế')).toBe('Trạm Y tế');
  });
  it('writes numbers as numbers', () => {
    expect(csvField(-1.5)).toBe('-1.5');
    expect(toCsv(['a'], [[-2]])).toBe('\uFEFFa\r\n-2\r\n');
  });
});
