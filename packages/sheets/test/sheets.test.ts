import { describe, expect, it } from 'vitest';
import { readWorkbook, sheetName, writeWorkbook, type SheetSpec } from '../src/index.js';

const ranking: SheetSpec = {
  name: 'Xếp hạng',
  header: [
    { label: 'Bộ tiêu chí', value: 'Bộ tiêu chí quốc gia về y tế xã (1300/QĐ-BYT)' },
    { label: 'Đợt', value: 'Vòng 1 — 2026' },
    { label: 'Ngày xuất', value: '01/12/2026' },
  ],
  columns: [
    { title: 'Hạng', kind: 'number', decimals: 0 },
    { title: 'Trạm y tế', kind: 'text', width: 30 },
    { title: 'Điểm', kind: 'number', decimals: 1 },
    { title: 'Tỷ lệ', kind: 'percent' },
    { title: 'Ngày đánh giá', kind: 'date' },
    { title: 'Ghi chú', kind: 'text' },
  ],
  rows: [
    [1, 'Trạm y tế xã Thạnh Tiến', 82.75, 0.8275, '2026-05-14', '=HYPERLINK("http://x")'],
    [2, 'Trạm y tế phường Thường Thạnh', 70, 0.7, '2026-05-15', null],
  ],
};

describe('writeWorkbook / readWorkbook', () => {
  it('writes the header block, the titles and numbers as numbers, and reads them back', async () => {
    const bytes = await writeWorkbook([ranking]);
    expect(bytes[0]).toBe(0x50); // "PK": an XLSX file is a zip
    const [sheet] = await readWorkbook(bytes);
    expect(sheet!.name).toBe('Xếp hạng');
    expect(sheet!.rows[0]).toEqual(['Bộ tiêu chí', 'Bộ tiêu chí quốc gia về y tế xã (1300/QĐ-BYT)']);
    expect(sheet!.rows[2]).toEqual(['Ngày xuất', '01/12/2026']);
    const titles = sheet!.rows.findIndex((r) => r[0] === 'Hạng');
    expect(sheet!.rows[titles]).toEqual(['Hạng', 'Trạm y tế', 'Điểm', 'Tỷ lệ', 'Ngày đánh giá', 'Ghi chú']);
    const first = sheet!.rows[titles + 1]!;
    expect(first.slice(0, 4)).toEqual([1, 'Trạm y tế xã Thạnh Tiến', 82.75, 0.8275]);
    expect(typeof first[2]).toBe('number');
    expect(first[4]).toBeInstanceOf(Date);
    expect((first[4] as Date).toISOString().slice(0, 10)).toBe('2026-05-14');
  });

  it('keeps text that looks like a formula as text', async () => {
    const [sheet] = await readWorkbook(await writeWorkbook([ranking]));
    const row = sheet!.rows.find((r) => r[1] === 'Trạm y tế xã Thạnh Tiến')!;
    expect(row[5]).toBe('=HYPERLINK("http://x")');
  });

  it('writes several sheets with names Excel accepts, each unique', async () => {
    const bytes = await writeWorkbook([
      { ...ranking, name: 'Kết quả: vòng 1/2026' },
      { ...ranking, name: 'Kết quả: vòng 1/2026' },
    ]);
    const sheets = await readWorkbook(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['Kết quả vòng 1 2026', 'Kết quả vòng 1 2026 (2)']);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(readWorkbook(new TextEncoder().encode('code,level\nA1.1-2.12,2\n'))).rejects.toThrow();
  });
});

describe('sheetName', () => {
  it('drops the characters Excel forbids and keeps 31 characters at most', () => {
    expect(sheetName('a/b\\c?d*e[f]g:h')).toBe('a b c d e f g h');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('   ')).toBe('Sheet');
    expect(sheetName('Data', new Set(['data']))).toBe('Data (2)');
  });
});
