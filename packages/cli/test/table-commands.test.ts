import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '@tieuchi/sheets';
import { tableOfSet, validateCriteriaSet, type CriteriaSet } from '@tieuchi/core';
import { main } from '../src/main.js';
import { EXPORT_MAP } from '../src/table-commands.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'tieuchi-table-'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: root });
  return { code, out, err };
}
const readSet = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as CriteriaSet;

describe('tieuchi export-table → import-table: the XLSX round trip', () => {
  for (const name of ['qd6858-hospital-quality-subset@2016.2', 'qd1300-commune-health@2023.2']) {
    it(`${name}: exported to XLSX and imported back, the set's table is unchanged`, async () => {
      const setFile = join(root, 'criteria', `${name}.json`);
      const xlsx = join(tmp, `${name}.xlsx`);
      const ex = await run('export-table', setFile, '--out', xlsx);
      expect(ex.code, ex.err).toBe(0);
      expect(ex.out).toContain(`--map ${EXPORT_MAP}`);
      const sheet = (await readWorkbook(readFileSync(xlsx)))[0]!;
      const original = readSet(setFile);
      // Numbers are number cells in the workbook (points or levels), text is text.
      const numberCol = original.scoring.model === 'levels' ? 5 : 7;
      expect(typeof sheet.rows[1]![numberCol]).toBe('number');
      const out = join(tmp, `${name}.back.json`);
      const im = await run(
        'import-table',
        xlsx,
        '--map',
        EXPORT_MAP,
        '--document',
        'bảng xuất',
        '--base',
        setFile,
        '--new-version',
        `${original.version}.9`,
        '--out',
        out,
      );
      expect(im.code, im.err + im.out).toBe(0);
      const back = readSet(out);
      expect(validateCriteriaSet(back).ok).toBe(true);
      expect(back.version).toBe(`${original.version}.9`);
      expect(tableOfSet(back)).toEqual(tableOfSet(original));
      expect(back.scoring).toEqual(original.scoring);
    });
  }
});

describe('tieuchi import-table: the preview before anything is saved', () => {
  it('lists every row and every problem by row and column, saves nothing, exits 1', async () => {
    const csv = join(tmp, 'bad.csv');
    writeFileSync(csv, 'Mã,Mức,Nội dung\nA1.1-1.1,1,Biển tên bệnh viện\nA1.1-1.2,2,Sai mức\nA1.1-1.3,1,\n');
    const out = join(tmp, 'bad.json');
    const r = await run(
      'import-table',
      csv,
      '--map',
      'code=A,level=B,text=C',
      '--document',
      '6858/QĐ-BYT',
      '--new-version',
      '1',
      '--out',
      out,
      '--lang',
      'en',
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('row 2: A1.1-1.1 | level 1 | Biển tên bệnh viện');
    expect(r.out).toContain('row 3: A1.1-1.2');
    expect(r.out).toContain('✗ row 3, column B (Level): Level 2 differs from the level in code A1.1-1.2');
    expect(r.out).toContain('✗ row 4, column C (Text): The item text is missing');
    expect(r.err).toContain('2 problems, nothing saved');
    expect(existsSync(out)).toBe(false);
  });
  it('without --out shows the preview of a valid table and saves nothing', async () => {
    const csv = join(tmp, 'good.csv');
    writeFileSync(csv, 'Mã;Nội dung;Điểm\n1.1;Có Ban Chỉ đạo;2\n1.2;Có kế hoạch;1,5\n');
    const r = await run(
      'import-table',
      csv,
      '--map',
      'code=A,text=B,points=C',
      '--document',
      'T',
      '--new-version',
      '1',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('dòng 3: 1.2 | 1.5 điểm | Có kế hoạch');
    expect(r.out).toContain('chưa lưu');
  });
  it('refuses a map it cannot read, in one line per problem', async () => {
    const r = await run('import-table', join(tmp, 'good.csv'), '--map', 'colour=A', '--document', 'T', '--lang', 'en');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('--map: There is no column named "colour"');
  });
});
