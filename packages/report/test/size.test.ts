import { describe, expect, it } from 'vitest';
import { score, validateCriteriaSet, type Assessment, type CriteriaSet } from '@tieuchi/core';
import { buildReport, REPORT_PHOTO_SIDE } from '../src/index.js';
import { renderPdf } from '../src/node.js';
import { bigCase, jpegSize, photoSet } from './support/synthetic.mjs';
import { pdfPages, pdfText } from './support/examples.js';

const MB = 1024 * 1024;

describe('a 300-item assessment with 30 photos', () => {
  it('renders under 10 MB (target 5 MB) with every photo in the annex', async () => {
    const photos = photoSet(30);
    for (const p of photos) {
      expect(p.original.length).toBeGreaterThanOrEqual(250 * 1024);
      const o = jpegSize(p.original);
      expect(Math.max(o.width, o.height)).toBe(1600);
      expect(Math.max(jpegSize(p.small).width, jpegSize(p.small).height)).toBe(REPORT_PHOTO_SIDE);
    }
    const { set, assessment, hashes } = bigCase({ photos: photos.map((p) => p.original) });
    const valid = validateCriteriaSet(set);
    expect(valid.ok).toBe(true);
    const result = score(set as CriteriaSet, assessment as Assessment);
    if (!result.ok) throw new Error(result.errors[0]?.message.en);
    const doc = buildReport({
      set: set as CriteriaSet,
      assessment: assessment as Assessment,
      result: result.value,
      photos: hashes.map((hash, i) => ({ hash, data: photos[i]!.small, caption: `Ảnh minh chứng số ${i + 1}` })),
    });
    expect(Object.keys(doc.images ?? {})).toHaveLength(30);
    const bytes = await renderPdf(doc);
    expect(bytes.length).toBeLessThan(10 * MB);
    expect(bytes.length).toBeLessThanOrEqual(5 * MB);
    const text = pdfText(bytes);
    expect(text).toContain('Ảnh minh chứng số 30');
    expect(text).toContain('Bệnh viện Đa khoa thử nghiệm');
    // 300 items take about 19 pages; the annex holds four photos a page (two side by side, two rows): 8 more.
    expect(pdfPages(bytes)).toBeGreaterThanOrEqual(19 + 8);
    console.log(
      `300 items + 30 photos (${REPORT_PHOTO_SIDE} px): ${(bytes.length / MB).toFixed(2)} MB, ${pdfPages(bytes)} pages`,
    );
  }, 300_000);
});
