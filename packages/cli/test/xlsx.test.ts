/**
 * `--xlsx`: the command's table as a workbook made by @tieuchi/sheets, read back with the same module: numbers are
 * numbers, text is Vietnamese, a header block names the set, the round and the date.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '@tieuchi/sheets';
import { main } from '../src/main.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ex = (name: string) => join(root, 'examples', 'qd1300-commune-health', `${name}.assessment.json`);
const dir = mkdtempSync(join(tmpdir(), 'tieuchi-xlsx-'));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: root });
  return { code, out, err };
}

describe('tieuchi … --xlsx', () => {
  it('writes the ranking by score with percentages as numbers and a header block', async () => {
    const file = join(dir, 'rank.xlsx');
    const stations = ['thanh-tien', 'thuan-hung', 'thuong-thanh'].map((s) => ex(`${s}-2026-followup`));
    const r = await run('rank', ...stations, '--round', '2026-r1', '--xlsx', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('(bảng tính)');
    const [sheet] = await readWorkbook(new Uint8Array(readFileSync(file)));
    const rows = sheet!.rows;
    expect(rows[0]![0]).toBe('Bộ tiêu chí');
    expect(String(rows[0]![1])).toContain('1300/QĐ-BYT');
    expect(rows[1]).toEqual(['Vòng', '2026-r1']);
    expect(rows[2]![0]).toBe('Ngày lập');
    expect(rows[2]![1]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const title = rows.findIndex((x) => x[0] === 'Hạng');
    expect(rows[title]).toEqual(['Hạng', 'Cơ sở', 'Tỷ lệ điểm', 'Kết quả', 'Đồng hạng']);
    const body = rows.slice(title + 1);
    expect(body).toHaveLength(3);
    // Thường Thạnh 100 %, Thạnh Tiến 94 %, Thuận Hưng 88 % (the examples' follow-up round), stored as fractions.
    expect(body.map((x) => [x[0], x[2]])).toEqual([
      [1, 1],
      [2, 0.94],
      [3, 0.88],
    ]);
    expect(body[0]![1]).toContain('Thường Thạnh');
    expect(body.every((x) => typeof x[0] === 'number' && typeof x[2] === 'number')).toBe(true);
  });

  it('writes a score with points as numbers and the reasons in words', async () => {
    const file = join(dir, 'score.xlsx');
    const r = await run('score', ex('fails-one-criterion'), '--xlsx', file);
    expect(r.code).toBe(0);
    const [criteria, reasons] = await readWorkbook(new Uint8Array(readFileSync(file)));
    const row9 = criteria!.rows.find((x) => String(x[0]).startsWith('Tiêu chí 9 '))!;
    expect(row9).toEqual(['Tiêu chí 9 (Truyền thông - Giáo dục sức khỏe)', 1, 3, 1 / 3]);
    expect(criteria!.rows.find((x) => x[0] === 'Tổng điểm')).toEqual(['Tổng điểm', 85, 100, 0.85]);
    expect(reasons!.rows[1]).toEqual([
      'Tiêu chí 9 (Truyền thông - Giáo dục sức khỏe) đạt 1/3 điểm (33,3 %), cần ít nhất 50 %',
    ]);
  });
});
