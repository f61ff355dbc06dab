/**
 * `tieuchi plan`: core's proposed improvement plan in the app's order, as text, CSV, JSON and XLSX (read back).
 * The example "fails-one-criterion" (Mỹ Khánh, 18/09/2025) scores 85 of 100 points with criterion 9 at 1/3 points
 * (under the set's 50 % per criterion): nine items not met, 15 points to gain, and 9.1 (2 points, which would bring
 * criterion 9 to 3/3) first because it changes the decision; the rest by points to gain (8.2: 3 points next).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '@tieuchi/sheets';
import { validateImprovementPlan } from '@tieuchi/core';
import { main } from '../src/main.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ex = (name: string) => join(root, 'examples', 'qd1300-commune-health', `${name}.assessment.json`);
const dir = mkdtempSync(join(tmpdir(), 'tieuchi-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: root });
  return { code, out, err };
}

describe('tieuchi plan', () => {
  it('lists what changes the decision first, then by points to gain, in Vietnamese', async () => {
    const r = await run('plan', ex('fails-one-criterion'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Kế hoạch cải tiến: Trạm Y tế xã Mỹ Khánh');
    expect(lines).toContain('Ngày đánh giá: 18/09/2025');
    expect(lines).toContain('9 hành động; có thể tăng tới 15 điểm');
    const actions = lines.filter((l) => /^ {1,2}\d\. /.test(l));
    expect(actions.map((l) => l.trim().split(/\s+/)[1])).toEqual([
      '9.1',
      '8.2',
      '3.5',
      '6.5',
      '10.2',
      '1.5',
      '4.4',
      '5.1',
      '7.3',
    ]);
    expect(actions[0]).toMatch(/\+2 điểm$/);
    expect(actions[1]).toMatch(/\+3 điểm$/);
    const first = lines.indexOf(actions[0]!);
    expect(lines[first + 1]).toBe(
      '     Vì sao làm trước: Sửa 9.1 để đạt Tiêu chí 9 (Truyền thông - Giáo dục sức khỏe)',
    );
    expect(lines[first + 2]).toBe(
      '     Ghi chú khi đánh giá: Không có kế hoạch truyền thông năm; sổ ghi chép trống từ tháng 3.',
    );
  });

  it('speaks English with plurals that follow the number', async () => {
    const r = await run('plan', ex('fails-one-criterion'), '--lang', 'en');
    expect(r.out).toContain('9 actions; up to 15 points to gain');
    expect(r.out).toContain('Why first: Fix 9.1 to pass Criterion 9');
    expect(r.out).toMatch(/ 7\.3 .* \+1 point\n/);
    expect(r.out).toMatch(/ 9\.1 .* \+2 points\n/);
  });

  it('says so when there is nothing to improve', async () => {
    const r = await run('plan', ex('thuong-thanh-2026-followup'));
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n').pop()).toBe('Không có mục nào cần cải tiến.');
  });

  it('writes the plan document (--json) and rows for machines (--csv)', async () => {
    const j = await run('plan', ex('fails-one-criterion'), '--json');
    const plan = JSON.parse(j.out);
    expect(validateImprovementPlan(plan).ok).toBe(true);
    expect(plan.assessmentId).toBe('ex-1300-fails-one-criterion');
    expect(plan.actions).toHaveLength(9);
    const c = await run('plan', ex('fails-one-criterion'), '--csv');
    const rows = c.out
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe('order,item_id,code,item,problem,why_first,points_to_gain,knockout');
    expect(rows).toHaveLength(10);
    expect(rows[1]).toMatch(/^1,t9\.1,9\.1,.*,Sửa 9\.1 để đạt Tiêu chí 9 \(Truyền thông - Giáo dục sức khỏe\),2,$/);
  });

  it('writes an XLSX with points as numbers, Vietnamese text and a header block naming set, facility and dates', async () => {
    const file = join(dir, 'plan.xlsx');
    const r = await run('plan', ex('fails-one-criterion'), '--xlsx', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('(bảng tính)');
    const [sheet] = await readWorkbook(new Uint8Array(readFileSync(file)));
    const rows = sheet!.rows;
    expect(rows[0]![0]).toBe('Bộ tiêu chí');
    expect(String(rows[0]![1])).toContain('1300/QĐ-BYT');
    expect(String(rows[0]![1])).toContain('2023.1');
    expect(rows[1]).toEqual(['Cơ sở', 'Trạm Y tế xã Mỹ Khánh']);
    expect(rows[2]).toEqual(['Ngày đánh giá', '18/09/2025']);
    expect(rows[3]![0]).toBe('Ngày lập');
    expect(rows[3]![1]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const title = rows.findIndex((x) => x[0] === 'Mã');
    expect(rows[title]).toEqual([
      'Mã',
      'Chỉ tiêu',
      'Tồn tại',
      'Vì sao làm trước',
      'Hành động khắc phục',
      'Người phụ trách',
      'Hạn hoàn thành',
      'Nguồn lực',
      'Trạng thái',
      'Điểm có thể tăng',
      'Điểm liệt',
    ]);
    const body = rows.slice(title + 1);
    expect(body).toHaveLength(9);
    expect(body[0]![0]).toBe('9.1');
    expect(String(body[0]![1])).toMatch(/^Trạm có kế hoạch truyền thông - giáo dục sức khỏe năm/);
    expect(body[0]![3]).toBe('Sửa 9.1 để đạt Tiêu chí 9 (Truyền thông - Giáo dục sức khỏe)');
    expect(body[0]![8]).toBe('Đã lên kế hoạch');
    const points = body.map((x) => x[9]);
    expect(points.every((p) => typeof p === 'number')).toBe(true);
    expect(points).toEqual([2, 3, 2, 2, 2, 1, 1, 1, 1]);
    expect((points as number[]).reduce((a, b) => a + b, 0)).toBe(15);
  });

  it('refuses anything but one assessment file (tampered files: integrity.test.ts)', async () => {
    expect((await run('plan')).code).toBe(1);
    const two = await run('plan', ex('pass'), ex('pass'), '--lang', 'en');
    expect([two.code, two.err]).toEqual([1, 'tieuchi: plan: one assessment file\n']);
  });
});
