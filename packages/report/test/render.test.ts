import { describe, expect, it } from 'vitest';
import { formatLevel } from '@tieuchi/core';
import { buildReport, buildScoreSheet } from '../src/index.js';
import { downscaleJpeg, renderPdf } from '../src/node.js';
import { examples, flat, pdfPages, pdfText, sets } from './support/examples.js';
import { noisyJpeg } from './support/synthetic.mjs';
import jpeg from 'jpeg-js';

const SLOW = 120_000;
const all = examples();

describe('renderPdf (Node)', () => {
  it.each(all.map((e) => [e.name, e] as const))(
    'renders %s: pdftotext reads the facility, the totals and the Vietnamese exactly',
    async (_, e) => {
      const bytes = await renderPdf(buildReport(e));
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
      const text = flat(pdfText(bytes));
      expect(text).toContain(e.assessment.facility.name);
      expect(text).toContain('BÁO CÁO ĐÁNH GIÁ CHẤT LƯỢNG');
      expect(text).toContain('Kết quả từng chỉ tiêu');
      const r = e.result;
      if (r.meanLevel) expect(text).toContain(`Mức trung bình: ${formatLevel(r.meanLevel).replace('.', ',')}`);
      else
        expect(text).toContain(
          `Tổng điểm: ${r.total.display.points}/${r.total.display.max} (${r.total.display.percent!.replace('.', ',')} %)`,
        );
      for (const reason of r.reasons) expect(text).toContain(flat(reason.vi));
      expect(text).toMatch(/Trang 1\/\d+/);
    },
    SLOW,
  );

  it(
    'writes the station of the issue in Vietnamese that survives extraction',
    async () => {
      const e = all.find((x) => x.assessment.facility.name === 'Trạm Y tế xã Thạnh Tiến')!;
      const text = pdfText(await renderPdf(buildReport(e)));
      expect(text).toContain('Trạm Y tế xã Thạnh Tiến');
      expect(text).toContain('Tổng điểm');
      expect(text).toContain('Người đánh giá');
      expect(text).toContain('Thủ trưởng cơ sở'.toUpperCase());
    },
    SLOW,
  );

  it.each(sets().map((s) => [s.id, s] as const))(
    'renders the blank score sheet of %s with every item',
    async (_, set) => {
      const text = flat(pdfText(await renderPdf(buildScoreSheet(set)), true));
      expect(text).toContain('PHIẾU CHẤM ĐIỂM (BẢN GIẤY)');
      for (const c of set.sections.flatMap((s) => s.criteria))
        for (const i of c.items) expect(text).toContain(flat(i.text.vi.normalize('NFC')));
    },
    SLOW,
  );

  it(
    'prints, per item, whether its wording is the official text, paraphrased or drafted by the team',
    async () => {
      const e = all.find((x) => x.name === 'qd1300-commune-health/pass-v2023.2.assessment.json')!;
      const text = flat(pdfText(await renderPdf(buildReport(e))));
      // 46 indicators drafted by the team, 1.1 paraphrased (decision 0014).
      expect(text.split('Do nhóm Tiêu Chí soạn').length - 1).toBe(46);
      expect(text.split('Diễn đạt lại').length - 1).toBe(1);
      expect(text).not.toContain('Nội dung chỉ tiêu trong bộ này là diễn giải');
    },
    SLOW,
  );

  it('refuses a document that names a URL or a local file', async () => {
    await expect(renderPdf({ content: [{ image: 'https://example.org/x.png' }] })).rejects.toThrow();
    await expect(renderPdf({ content: [{ image: '/etc/hostname' }] })).rejects.toThrow();
  });

  it(
    'downscales a 1600 px photo to the report size',
    () => {
      const original = noisyJpeg(5);
      const small = downscaleJpeg(original);
      const d = jpeg.decode(small);
      expect(Math.max(d.width, d.height)).toBe(1000);
      expect(small.length).toBeLessThan(original.length / 2);
      expect(downscaleJpeg(small)).toBe(small);
    },
    SLOW,
  );

  it(
    'reports page progress',
    async () => {
      const seen: number[] = [];
      const e = all[0]!;
      await renderPdf(buildReport(e), { onProgress: (f) => seen.push(f) });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.at(-1)).toBeCloseTo(1);
      expect(pdfPages(await renderPdf(buildReport(e)))).toBeGreaterThan(2);
    },
    SLOW,
  );
});
