import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partNumbers, score, type Assessment } from '@tieuchi/core';
import { buildReport, buildScoreSheet, base64 } from '../src/index.js';
import { examples, root, sets } from './support/examples.js';

const all = examples();
const find = (name: string) => all.find((e) => e.name === name)!;

/** Every string in a definition (functions such as header and footer aside). */
function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const x of node) strings(x, out);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) strings(v, out);
  return out;
}

describe('buildReport', () => {
  it.each(all.map((e) => [e.name, e] as const))('lays out %s with no URL or file path anywhere', (_, e) => {
    const doc = buildReport(e);
    const text = strings(doc);
    expect(text).toContain(e.assessment.facility.name);
    for (const s of text) expect(s).not.toMatch(/^(https?|file|ftp):|^\//i);
    for (const img of Object.values(doc.images ?? {})) expect(img).toMatch(/^data:image\/(jpeg|png);base64,/);
  });

  it('prints the role and organisation columns only when some assessor has them, and no KAD column', () => {
    const e = find('qd1300-commune-health/pass.assessment.json');
    const assessment: Assessment = structuredClone(e.assessment);
    assessment.assessors = [{ name: 'Nguyễn Thị Lan' }];
    const text = strings(buildReport({ ...e, assessment }));
    expect(text).toContain('Nguyễn Thị Lan');
    expect(text).not.toContain('Vai trò');
    expect(text).not.toContain('Đơn vị');
    expect(text).not.toContain('KAD');
    expect(strings(buildReport(e))).toContain('Vai trò'); // the example's assessors have roles
  });

  it('names uncoded criteria and items (5959) by their number in the set, never by internal id', () => {
    const e = find('qd5959-green-clean-beautiful/all-partial.assessment.json');
    const text = strings(buildReport(e));
    const ids = e.set.sections.flatMap((s) => s.criteria.flatMap((c) => [c.id, ...c.items.map((i) => i.id)]));
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).toContain('1'); // the first criterion's number
  });

  it('keeps the "Xác nhận" heading in one unbreakable block with the signatures', () => {
    const doc = buildReport(find('qd1300-commune-health/pass.assessment.json'));
    const content = doc.content as unknown[];
    const block = content.find((x) => strings(x).includes('Xác nhận') && strings(x).includes('NGƯỜI ĐÁNH GIÁ')) as {
      unbreakable?: boolean;
    };
    expect(block?.unbreakable).toBe(true);
  });

  it('normalises decomposed (NFD) Vietnamese to NFC, or pdfmake would draw boxes', () => {
    const e = find('qd1300-commune-health/pass.assessment.json');
    const nfd = 'Đã kiểm tra sổ sách, chưa cập nhật'.normalize('NFD');
    const assessment: Assessment = structuredClone(e.assessment);
    assessment.facility.name = 'Trạm Y tế phường Thới Bình'.normalize('NFD');
    assessment.answers['t1.1'] = { ...assessment.answers['t1.1'], note: nfd };
    const doc = buildReport({ ...e, assessment });
    const text = strings(doc);
    expect(text).toContain(nfd.normalize('NFC'));
    expect(text).toContain('Trạm Y tế phường Thới Bình'.normalize('NFC'));
    for (const s of text) expect(s).toBe(s.normalize('NFC'));
  });

  it('puts a failed knockout item on a red ground with its mark', () => {
    const e = find('cantho-family-doctor-clinic/knockout.assessment.json');
    expect(e.result.failedKnockouts.length).toBeGreaterThan(0);
    const json = JSON.stringify(buildReport(e));
    expect(json).toContain('ĐIỂM LIỆT KHÔNG ĐẠT');
    expect(json).toContain('"fillColor":"#fde7e5"');
  });

  it('prints every reason the assessment failed', () => {
    const e = find('qd1300-commune-health/fails-one-criterion.assessment.json');
    const text = strings(buildReport(e));
    for (const r of e.result.reasons) expect(text).toContain(r.vi);
    const en = strings(buildReport({ ...e, lang: 'en' }));
    for (const r of e.result.reasons) expect(en).toContain(r.en);
  });

  it('adds the comparison and the plan only when given', () => {
    const before = find('qd1300-commune-health/thanh-tien-2025-baseline.assessment.json');
    const after = find('qd1300-commune-health/thanh-tien-2026-followup.assessment.json');
    const plain = strings(buildReport(after));
    expect(plain).not.toContain('So sánh với lần đánh giá trước');
    expect(plain).not.toContain('Kế hoạch cải tiến');
    const doc = strings(
      buildReport({
        ...after,
        previous: { assessment: before.assessment, result: before.result },
        plan: {
          actions: [
            {
              id: 'a1',
              itemId: 't1.3',
              action: 'Trình phê duyệt kế hoạch năm',
              owner: 'Trạm trưởng',
              due: '2026-06-30',
              status: 'planned',
              pointsToGain: { num: 2, den: 1 },
            },
          ],
        },
      }),
    );
    expect(doc).toContain('So sánh với lần đánh giá trước');
    expect(doc).toContain(
      `${before.result.total.display.points}/${before.result.total.display.max} (${before.result.total.display.percent!.replace('.', ',')} %)`,
    );
    expect(doc).toContain('Kế hoạch cải tiến');
    expect(doc).toContain('→ Trình phê duyệt kế hoạch năm');
  });

  it('embeds evidence and signature photos once each, as inline data', () => {
    const e = find('qd1300-commune-health/pass.assessment.json');
    const jpegBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    const h1 = 'a'.repeat(64);
    const h2 = 'b'.repeat(64);
    const assessment: Assessment = structuredClone(e.assessment);
    assessment.answers['t1.1'] = { ...assessment.answers['t1.1'], evidence: [h1] };
    assessment.answers['t1.2'] = { ...assessment.answers['t1.2'], evidence: [h1, 'c'.repeat(64)] };
    assessment.signatures = [{ role: 'assessor', name: 'Nguyễn Thị Lan', image: h2 }];
    const doc = buildReport({
      ...e,
      assessment,
      photos: [
        { hash: h1, data: jpegBytes, caption: 'Sổ họp' },
        { hash: h2, data: `data:image/png;base64,${base64(jpegBytes)}` },
      ],
    });
    expect(Object.keys(doc.images!)).toHaveLength(2);
    const text = strings(doc);
    expect(text).toContain('Sổ họp');
    expect(text).toContain('Ảnh cccccccccccc không có trong dữ liệu đưa vào báo cáo.');
    expect(text).toContain('Nguyễn Thị Lan');
  });

  it('refuses a photo given as a URL, so pdfmake can never fetch one', () => {
    const e = find('qd1300-commune-health/pass.assessment.json');
    const assessment: Assessment = structuredClone(e.assessment);
    assessment.answers['t1.1'] = { ...assessment.answers['t1.1'], evidence: ['d'.repeat(64)] };
    expect(() =>
      buildReport({ ...e, assessment, photos: [{ hash: 'd'.repeat(64), data: 'https://example.org/x.jpg' }] }),
    ).toThrow(/data:image/);
  });

  it('shows the content hash of a locked assessment in every footer', () => {
    const e = find('qd1300-commune-health/pass.assessment.json');
    const assessment: Assessment = { ...structuredClone(e.assessment), status: 'locked', contentHash: 'e'.repeat(64) };
    const doc = buildReport({ ...e, assessment, result: score(e.set, assessment).ok ? e.result : e.result });
    const footer = (doc.footer as (p: number, n: number) => unknown)(2, 5);
    expect(JSON.stringify(footer)).toContain('e'.repeat(64));
    expect(JSON.stringify(footer)).toContain('Trang 2/5');
    expect(strings(doc)).toContain('e'.repeat(64));
  });

  it('refuses a result of another assessment', () => {
    const a = find('qd1300-commune-health/pass.assessment.json');
    const b = find('qd1300-commune-health/not-applicable.assessment.json');
    expect(() => buildReport({ ...a, result: b.result })).toThrow(/result is of assessment/);
  });
});

describe('buildScoreSheet', () => {
  it.each(sets().map((s) => [s.id, s] as const))(
    'lists every item of %s with the scoring rule and signatures',
    (_, set) => {
      const text = strings(buildScoreSheet(set));
      for (const c of set.sections.flatMap((s) => s.criteria)) {
        for (const i of c.items) {
          expect(text).toContain(partNumbers(set).item(i.id)); // its code, else its number in the set
          expect(text).toContain(i.text.vi.normalize('NFC'));
        }
      }
      expect(text).toContain('Cách tính điểm và quy tắc đạt');
      expect(text).toContain('THỦ TRƯỞNG CƠ SỞ');
    },
  );
});

describe('the count-with-target answer kind', () => {
  // One criterion: "inspections in the year ≥ 4" (2 points) and a met/not-met item (1 point).
  const set = structuredClone(sets().find((s) => s.scoring.model === 'points')!);
  set.id = 'count-test';
  delete set.contentHash;
  delete set.scoring.maxPoints;
  delete set.scoring.passRules;
  delete set.scoring.rating;
  const first = set.sections[0]!;
  const crit = first.criteria[0]!;
  delete crit.maxPoints;
  delete first.maxPoints;
  crit.items = [
    {
      id: 'k1',
      text: { vi: 'Số lần kiểm tra trong năm', en: 'Inspections in the year' },
      response: { kind: 'count', target: 4, comparison: 'at-least', points: 2, unit: { vi: 'lần', en: 'times' } },
      provenance: { wording: 'paraphrase' },
    },
  ];
  first.criteria = [crit];
  set.sections = [first];
  const assessment: Assessment = {
    schemaVersion: 1,
    kind: 'assessment',
    id: 'a-count',
    criteriaSet: { id: set.id, version: set.version },
    facility: { id: 'f', name: 'Trạm Y tế xã Thử', kind: set.applicability.facilityKinds[0]!, zone: '2' },
    assessmentKind: 'self-assessment',
    status: 'draft',
    answers: { k1: { value: 3 } },
  };
  if (!set.applicability.zones) delete (assessment.facility as { zone?: string }).zone;

  it('writes the count with its unit and the target it is judged against, in both languages', () => {
    const r = score(set, assessment);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(strings(buildReport({ set, assessment, result: r.value }))).toContain('3 lần (mục tiêu ≥ 4)');
    expect(strings(buildReport({ set, assessment, result: r.value, lang: 'en' }))).toContain('3 times (target ≥ 4)');
  });

  it('gives the score sheet a line to write the count on and the target with its points', () => {
    const text = strings(buildScoreSheet(set));
    expect(text).toContain('Số liệu: ________ lần');
    expect(text).toContain('mục tiêu ≥ 4: 2; < 4: 0');
  });
});

describe('package shape', () => {
  it('loads pdfmake only in the rendering entries', () => {
    const src = join(root, 'packages', 'report', 'src');
    for (const f of readdirSync(src)) {
      const code = readFileSync(join(src, f), 'utf8');
      const runtimeImport = /^(?!import type)[^\n]*(from|import\()\s*'pdfmake/m.test(code);
      expect(runtimeImport, f).toBe(f === 'node.ts' || f === 'browser.ts');
    }
  });
});
