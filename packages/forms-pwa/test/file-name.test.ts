import { describe, expect, it } from 'vitest';
import { fileName } from '../src/io/file-name.js';

describe('fileName', () => {
  it('names a file by facility, kind, round and date in plain ASCII, without internal ids', () => {
    expect(fileName(['Trạm Y tế phường Đông Hải', 'Tự đánh giá', '2026 - Vòng 1', '2026-07-01'], 'json')).toBe(
      'tram-y-te-phuong-dong-hai_tu-danh-gia_2026-vong-1_2026-07-01.json',
    );
  });

  it('drops empty parts and never ends a part with a dash', () => {
    expect(fileName(['Trạm (An Khánh)', undefined, '  ', 'kế hoạch'], 'xlsx')).toBe('tram-an-khanh_ke-hoach.xlsx');
  });
});

describe('import view messages', () => {
  it('come from a defineMessages table in both languages', async () => {
    const { ioMsg } = await import('../src/io/messages.js');
    expect(ioMsg('io.too-big', { mb: 200 })).toEqual({
      vi: 'Tệp quá lớn (tối đa 200 MB).',
      en: 'The file is too large (at most 200 MB).',
    });
  });
});
