import { describe, expect, it } from 'vitest';
import type { Assessment } from '../src/core.js';
import type { JobPhoto } from '../src/report/job.js';
import { PREPARE_BATCH, hashesToPrepare, prepareArrived } from '../src/report/prepare.js';
import type { StoredPhoto } from '../src/storage/db.js';
import { draft } from './helpers.js';

/** An assessment locked at `lockedAt` whose answers i0..i(n-1) each name one photo `${prefix}${k}`. */
function withPhotos(id: string, lockedAt: string, prefix: string, n: number): Assessment {
  const answers: Assessment['answers'] = {};
  for (let k = 0; k < n; k++) answers[`i${k}`] = { value: 'met', evidence: [`${prefix}${k}`] };
  return { ...draft(answers, id), status: 'locked', lockedAt };
}

/** A photo store holding `hashes` (the others are missing, as after a refused photo), 1600 x 1200 JPEGs unless said. */
function storeOf(hashes: string[], other: Record<string, Partial<StoredPhoto>> = {}) {
  const photos = new Map<string, StoredPhoto>(
    hashes.map((hash) => [
      hash,
      {
        hash,
        blob: new Blob([hash]),
        mime: 'image/jpeg',
        width: 1600,
        height: 1200,
        caption: `of ${hash}`,
        ...other[hash],
      },
    ]),
  );
  return { storage: { getPhoto: async (h: string) => photos.get(h) } } as never;
}

describe('report-size photos prepared when photos arrive by import', () => {
  it('prepares the newest assessment first, each photo once, up to the limit', () => {
    const old = withPhotos('old', '2025-01-01T00:00:00Z', 'o', 3);
    const recent = withPhotos('new', '2026-01-01T00:00:00Z', 'n', 3);
    const shared = { ...recent, id: 'again', lockedAt: '2024-01-01T00:00:00Z' }; // same photos as `recent`
    expect(hashesToPrepare([old, recent, shared])).toEqual(['n0', 'n1', 'n2', 'o0', 'o1', 'o2']);
    expect(hashesToPrepare([old, recent], 4)).toEqual(['n0', 'n1', 'n2', 'o0']);
    expect(hashesToPrepare([draft({ i1: { value: 'met' } })])).toEqual([]);
  });

  it('hands every stored photo to the worker in batches, one batch at a time, skipping missing ones', async () => {
    const a = withPhotos('a', '2026-01-01T00:00:00Z', 'h', 23);
    const store = storeOf(Array.from({ length: 23 }, (_, k) => `h${k}`).filter((h) => h !== 'h5'));
    const batches: JobPhoto[][] = [];
    let inFlight = 0;
    let most = 0;
    const sent = await prepareArrived(store, [a], async (photos) => {
      inFlight++;
      most = Math.max(most, inFlight);
      batches.push(photos);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
    });
    expect(sent).toBe(22);
    expect(most).toBe(1);
    expect(batches.map((b) => b.length)).toEqual([PREPARE_BATCH - 1, PREPARE_BATCH, 3]);
    const all = batches.flat();
    expect(all.map((p) => p.hash)).not.toContain('h5');
    expect(new Set(all.map((p) => p.hash)).size).toBe(22);
    // What the worker needs to decide and downscale: the Blob and its stored size, never the caption.
    expect(all[0]).toEqual({ hash: 'h0', blob: expect.any(Blob), mime: 'image/jpeg', width: 1600, height: 1200 });
  });

  it('leaves out photos the report takes as they are (JPEG or PNG within 1000 px)', async () => {
    const a = withPhotos('a', '2026-01-01T00:00:00Z', 'h', 4);
    const store = storeOf(['h0', 'h1', 'h2', 'h3'], {
      h0: { width: 640, height: 480 },
      h1: { width: 1000, height: 750, mime: 'image/png' },
      h2: { width: 800, height: 600, mime: 'image/webp' }, // small but not JPEG/PNG: re-encoded for the PDF
      h3: { width: 1200, height: 1001 },
    });
    const sent: string[] = [];
    expect(await prepareArrived(store, [a], async (photos) => void sent.push(...photos.map((p) => p.hash)))).toBe(2);
    expect(sent).toEqual(['h2', 'h3']);
  });

  it('stops quietly when the worker cannot take them (the export downscales what is missing)', async () => {
    const a = withPhotos('a', '2026-01-01T00:00:00Z', 'h', 25);
    const store = storeOf(Array.from({ length: 25 }, (_, k) => `h${k}`));
    let calls = 0;
    const sent = await prepareArrived(store, [a], async () => {
      if (++calls === 2) throw new Error('worker failed');
    });
    expect(sent).toBe(PREPARE_BATCH);
    expect(calls).toBe(2);
  });
});
