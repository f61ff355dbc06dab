import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { Assessment } from '@tieuchi/core';
import { base64, buildReport, imageBytes } from '../src/index.js';
import { renderPdf } from '../src/node.js';
import { examples } from './support/examples.js';
import { noisyJpeg } from './support/synthetic.mjs';

const SLOW = 120_000;
const e = examples().find((x) => x.name === 'qd1300-commune-health/pass.assessment.json')!;
const photo = noisyJpeg(7) as Uint8Array;
const hash = 'd'.repeat(64);

/** The example with one item naming the photo, given as `data`. */
function withPhoto(data: string | Uint8Array) {
  const assessment: Assessment = structuredClone(e.assessment);
  assessment.answers['t1.1'] = { ...assessment.answers['t1.1'], evidence: [hash] };
  return buildReport({ ...e, assessment, photos: [{ hash, data, caption: 'Sổ họp' }] });
}

/** A PDF with the moment it was made blanked (its creation date, and the file ID pdfkit derives from it). */
const undated = (b: Uint8Array) =>
  Buffer.from(b)
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:)')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID []');

describe('photos given as bytes', () => {
  it('keeps their bytes beside the definition, while their image entry still reads as the same data URL', () => {
    const doc = withPhoto(photo);
    const bytes = imageBytes(doc);
    expect([...(bytes?.keys() ?? [])]).toEqual(['p0']);
    expect(bytes?.get('p0')).toBe(photo);
    expect(doc.images!['p0']).toBe(`data:image/jpeg;base64,${base64(photo)}`);
    // pdfmake writes resolved entries back into the dictionary: that must work.
    (doc.images as Record<string, string>)['p0'] = 'data:image/jpeg;base64,AA==';
    expect(doc.images!['p0']).toBe('data:image/jpeg;base64,AA==');
  });

  it('has no bytes to hand over when every photo is a data URL', () => {
    expect(imageBytes(withPhoto(`data:image/jpeg;base64,${base64(photo)}`))?.size ?? 0).toBe(0);
  });

  it(
    'renders the same PDF as the same photo given as a data URL, and leaves nothing in pdfmake’s file system',
    async () => {
      const fromBytes = await renderPdf(withPhoto(photo));
      const fromUrl = await renderPdf(withPhoto(`data:image/jpeg;base64,${base64(photo)}`));
      expect(undated(fromBytes)).toBe(undated(fromUrl));
      expect(undated(fromBytes)).toContain('/DCTDecode'); // the JPEG is embedded as it is, not re-encoded
      const pdfmake = createRequire(import.meta.url)('pdfmake') as { virtualfs: { storage: Record<string, unknown> } };
      expect(Object.keys(pdfmake.virtualfs.storage).filter((k) => k.startsWith('tieuchi-image-'))).toEqual([]);
    },
    SLOW,
  );
});
