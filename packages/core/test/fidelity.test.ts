/**
 * Criteria fidelity (issue 17, decision 0014): every corrected item of the later set versions, each test naming
 * the source that shows the correction, and data-driven checks that every item of every set version says
 * truthfully where its wording comes from. The first versions stay as published (locked assessments pin them).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateCriteriaSet } from './data-helpers.js';
import type { CriteriaSet } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const files = readdirSync(join(root, 'criteria')).filter((f) => f.endsWith('.json'));
const load = (file: string): CriteriaSet =>
  JSON.parse(readFileSync(join(root, 'criteria', file), 'utf8')) as CriteriaSet;
const items = (s: CriteriaSet) => s.sections.flatMap((x) => x.criteria.flatMap((c) => c.items));
const item = (s: CriteriaSet, id: string) => {
  const found = items(s).find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id} in ${s.id}@${s.version}`);
  return found;
};
const criterion = (s: CriteriaSet, id: string) => {
  const found = s.sections.flatMap((x) => x.criteria).find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
};
const later = files.filter((f) => f.includes('@'));

describe('every set version marks its wording truthfully', () => {
  it('there is a corrected version beside each first version', () => {
    for (const f of files.filter((x) => !x.includes('@'))) {
      const id = f.replace(/\.json$/, '');
      expect(
        later.some((l) => l.startsWith(`${id}@`)),
        id,
      ).toBe(true);
    }
  });
  for (const file of files) {
    it(`${file}: validates, and the set-level wording agrees with its items`, () => {
      const r = validateCriteriaSet(load(file));
      if (!r.ok) throw new Error(r.errors.map((e) => `${e.pointer}: ${e.message.en}`).join('\n'));
      const set = r.value;
      const kinds = new Set(items(set).map((i) => i.provenance.wording ?? 'unverified'));
      if (set.wording === 'official') expect([...kinds]).toEqual(['official']);
      if (set.wording === 'drafted') expect([...kinds]).toEqual(['drafted']);
      if (file.includes('@')) {
        // Later versions: a set only says "paraphrase" when every item is an official fact in our words.
        if (set.wording === 'paraphrase')
          expect([...kinds].every((k) => k === 'paraphrase' || k === 'official')).toBe(true);
        for (const i of items(set)) {
          const p = i.provenance;
          // Official or paraphrased wording says where it was read: an address or a note naming the source.
          if (p.wording === 'official' || p.wording === 'paraphrase')
            expect(Boolean(p.sources?.length) || Boolean(p.note), `${i.id} names its source`).toBe(true);
        }
      }
    });
  }
});

describe('1300/QĐ-BYT 2023.2: the self-drafted indicators are marked drafted', () => {
  const v1 = load('qd1300-commune-health.json');
  const v2 = load('qd1300-commune-health@2023.2.json');
  it('46 indicators are drafted by us; only 1.1 (read second-hand in a provincial source) is a paraphrase', () => {
    const w = items(v2).map((i) => i.provenance.wording);
    expect(w.filter((x) => x === 'drafted')).toHaveLength(46);
    expect(
      items(v2)
        .filter((i) => i.provenance.wording === 'paraphrase')
        .map((i) => i.id),
    ).toEqual(['t1.1']);
    expect(v2.wording).toBe('mixed');
  });
  it('the first version is left as published (47 indicators marked paraphrase)', () => {
    expect(items(v1).every((i) => i.provenance.wording === 'paraphrase')).toBe(true);
  });
  it('the predecessor 4667/QĐ-BYT is dated 07/11/2014 (baotayninh.vn, baoquangnam.vn)', () => {
    expect(v2.source.documents.find((d) => d.number === '4667/QĐ-BYT')?.date).toBe('2014-11-07');
  });
});

describe('TT 20/2021/TT-BYT 2021.2 corrections', () => {
  const v1 = load('tt20-medical-waste.json');
  const v2 = load('tt20-medical-waste@2021.2.json');
  it('d10-2 follows Điều 10, khoản 2 (luatmoitruong.vn copy): treated infectious waste meeting the standard may be recycled', () => {
    const d = item(v2, 'd10-2');
    expect(d.citation).toEqual({ document: '20/2021/TT-BYT', article: 'Điều 10, khoản 2' });
    expect(d.text.vi).toContain('sau khi đã xử lý đạt quy chuẩn kỹ thuật quốc gia');
    expect(d.text.vi).not.toContain('không được đưa');
    expect(d.provenance.sources?.[0]?.address).toContain('luatmoitruong.vn');
    // The published 2021.1 keeps its (wrong) wording: its locked assessments still verify.
    expect(item(v1, 'd10-2').text.vi).toContain('không được');
  });
  it('d9-3 (mercury-free equipment) no longer cites Điều 9, which does not contain it, and is marked drafted', () => {
    const d = item(v2, 'd9-3');
    expect(d.citation).toBeUndefined();
    expect(d.provenance.wording).toBe('drafted');
    expect(item(v1, 'd9-3').citation?.article).toBe('Điều 9');
  });
});

describe('5959/QĐ-BYT 2021.2: restructured into the reported parts', () => {
  const v2 = load('qd5959-green-clean-beautiful@2021.2.json');
  it('has Phần A Xanh (2 criteria), B Sạch (24), C Đẹp (6), as reported by tapchivietnamhuongsac.vn', () => {
    expect(v2.sections.map((s) => [s.id, s.criteria.length])).toEqual([
      ['A', 2],
      ['B', 24],
      ['C', 6],
    ]);
    for (const s of v2.sections) {
      expect(s.provenance?.structure).toBe('paraphrase');
      expect(s.provenance?.note).toContain('as reported by tapchivietnamhuongsac.vn');
    }
  });
  it('keeps every item of the first version (item ids unchanged) and marks them drafted', () => {
    const v1 = load('qd5959-green-clean-beautiful.json');
    expect(
      items(v2)
        .map((i) => i.id)
        .sort(),
    ).toEqual(
      items(v1)
        .map((i) => i.id)
        .sort(),
    );
    expect(v2.wording).toBe('drafted');
  });
  it('dates the decisions it replaces: 3638/QĐ-BYT 15/7/2016 and 6573/QĐ-BYT 03/11/2016 (hethongphapluat.com)', () => {
    const date = (n: string) => v2.source.documents.find((d) => d.number === n)?.date;
    expect(date('3638/QĐ-BYT')).toBe('2016-07-15');
    expect(date('6573/QĐ-BYT')).toBe('2016-11-03');
  });
});

describe('6858/QĐ-BYT 2016.2 corrections', () => {
  const v2 = load('qd6858-hospital-quality-subset@2016.2.json');
  it('A1.1 carries its official title (chatluongkhamchuabenh.vn criterion page)', () => {
    const c = criterion(v2, 'A1.1');
    expect(c.title.vi).toBe('Người bệnh được chỉ dẫn rõ ràng, đón tiếp và hướng dẫn khoa học, cụ thể');
    expect(c.provenance?.title).toBe('official');
    expect(c.provenance?.sources?.[0]?.address).toBe('https://chatluongkhamchuabenh.vn/taxonomy/term/116');
  });
  it("A1.1-L1a is the hospital's own name sign, not direction signs (tieuchi.chatluongbenhvien.vn, benhviencangiuoc.com)", () => {
    const i = item(v2, 'A1.1-L1a');
    expect(i.text.vi).toContain('biển tên của bệnh viện');
    expect(i.provenance.note).toContain('tieuchi.chatluongbenhvien.vn');
  });
  it('A4.2 has its official elements: 1 at level 1 and 7 at level 2, coded A4.2-1.1 and A4.2-2.2 to 2.8 (clbv.vn/node/248, benhvienphoitinhcamau.com)', () => {
    const a42 = criterion(v2, 'A4.2').items;
    expect(a42.filter((i) => i.level === 1).map((i) => i.code)).toEqual(['A4.2-1.1']);
    expect(a42.filter((i) => i.level === 2).map((i) => i.code)).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((n) => `A4.2-2.${n}`),
    );
    for (const i of a42.filter((x) => (x.level ?? 0) <= 2)) {
      expect(i.provenance.wording).toBe('official');
      expect(i.provenance.sources?.map((s) => s.address)).toEqual([
        'https://clbv.vn/node/248',
        'https://benhvienphoitinhcamau.com/a4-2-nguoi-benh-duoc-ton-trong-quyen-rieng-tu-ca-nhan',
      ]);
    }
    expect(item(v2, 'A4.2-2.2').text.vi).toBe(
      'Có quy định về quản lý và lưu trữ bệnh án chặt chẽ tại khoa lâm sàng và các phòng chức năng.',
    );
    // The 2016.1 element that was really a level-2 one (records out of reach) is now the official A4.2-2.3.
    expect(item(v2, 'A4.2-2.3').text.vi).toContain('không cho người không có thẩm quyền tiếp cận tự do');
  });
});

describe('national terms in national sets, local wording in the city checklist', () => {
  const texts = (s: CriteriaSet) => items(s).map((i) => i.text.vi);
  it('the corrected national sets say "sàng lọc", never the local "tầm soát"', () => {
    for (const f of later.filter((x) => !x.startsWith('cantho-')))
      expect(texts(load(f)).join('\n'), f).not.toContain('tầm soát');
    expect(item(load('qd1300-commune-health@2023.2.json'), 't8.3').text.vi).toContain('sàng lọc trước sinh và sơ sinh');
    expect(item(load('qd1300-commune-health@2023.2.json'), 't2.4').text.vi).toContain('thôn, tổ dân phố (ấp, khóm)');
  });
  it("the city's own checklist keeps its wording word for word", () => {
    expect(texts(load('cantho-family-doctor-clinic@2024.2.json'))).toEqual(
      texts(load('cantho-family-doctor-clinic.json')),
    );
  });
});
