/**
 * Streamed backup and restore (issue 20, decision 0012): the app's backup module over core's zip container, on
 * fake-indexeddb. The full-size run (2,000 photos, memory) is e2e/backup.e2e.ts.
 */
import { Blob as NodeBlob } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { sha256Hex } from '@tieuchi/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { blobSink, readBackup, writeBackup } from '../src/io/backup.js';
import { applyImport } from '../src/io/bundle.js';
import { AppStore } from '../src/state/store.js';
import { openTieuChiDB, Storage, type StoredPhoto } from '../src/storage/db.js';
import { draft, smallSet } from './helpers.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
});

let n = 0;
const store = () => {
  const s = new AppStore(new Storage(openTieuChiDB(`backup-${n++}`)));
  s.addSet(smallSet);
  return s;
};
const photo = (text: string): StoredPhoto => {
  const bytes = new TextEncoder().encode(text);
  return {
    hash: sha256Hex(bytes),
    blob: new Blob([bytes], { type: 'image/jpeg' }),
    mime: 'image/jpeg',
    width: 2,
    height: 1,
  };
};
const photoKeys = async (s: AppStore) => (await s.storage.listPhotos()).map((p) => p.hash).sort();

/** A device with two drafts and three photos; its backup as a file. */
async function backupOf(photos = [photo('một'), photo('hai'), photo('ba')]) {
  const src = store();
  for (const p of photos) await src.storage.putPhoto(p);
  const a = draft({ i1: { value: 'met', evidence: [photos[0]!.hash, photos[1]!.hash] } }, 'a-1');
  const b = draft({ i1: { value: 'met', evidence: [photos[2]!.hash] } }, 'a-2');
  const sink = blobSink('application/zip');
  const seen: number[] = [];
  await writeBackup(src, [a, b], [], sink, (done) => seen.push(done));
  return { file: Object.assign(sink.blob(), { name: 'tieuchi-backup.zip' }), photos, seen, a, b };
}

describe('streamed backup and restore', () => {
  it('restores every assessment and photo into an empty device, reporting progress both ways', async () => {
    const { file, photos, seen, a, b } = await backupOf();
    expect(seen).toEqual([0, 1, 2, 3]);
    const dst = store();
    const progress: number[] = [];
    const r = await readBackup(dst, file, (done) => progress.push(done));
    expect(progress).toEqual([1, 2, 3]);
    expect(r.outcome.ok).toBe(true);
    if (!r.outcome.ok) return;
    expect(r.written.sort()).toEqual(photos.map((p) => p.hash).sort());
    const out = await applyImport(dst.storage, r.outcome.plan, false);
    expect(out.a).toBe(2);
    expect(out.p).toBe(3);
    expect((await dst.storage.listAssessments()).map((x) => x.answers)).toEqual([a.answers, b.answers]);
    // Restored photos are queued for the council server like any stored photo.
    expect((await dst.storage.listPhotoOutbox()).map((e) => e.hash).sort()).toEqual(photos.map((p) => p.hash).sort());
    for (const p of photos) {
      const got = await dst.storage.getPhoto(p.hash);
      expect(sha256Hex(new Uint8Array(await got!.blob.arrayBuffer()))).toBe(p.hash);
    }
  });

  it('a photo already on the device is kept, not written again', async () => {
    const { file, photos } = await backupOf();
    const dst = store();
    await dst.storage.putPhoto(photos[0]!);
    const r = await readBackup(dst, file, () => undefined);
    expect(r.outcome.ok && r.outcome.plan.photosAhead).toEqual({
      added: [photos[1]!.hash, photos[2]!.hash],
      kept: [photos[0]!.hash],
    });
  });

  it('a file refused as a whole leaves no photo behind', async () => {
    const { file } = await backupOf();
    const dst = new AppStore(new Storage(openTieuChiDB(`backup-${n++}`))); // the set is not on this device
    const r = await readBackup(dst, file, () => undefined);
    expect(r.outcome.ok).toBe(false);
    expect(r.written).toEqual([]);
    expect(await photoKeys(dst)).toEqual([]);
  });

  it('a photo write that fails stops the restore, removes what it wrote and leaves nothing to retry', async () => {
    const many = Array.from({ length: 30 }, (_, i) => photo(`ảnh ${i}`));
    const src = store();
    for (const p of many) await src.storage.putPhoto(p);
    const a = draft({ i1: { value: 'met', evidence: many.map((p) => p.hash) } }, 'a-many');
    const sink = blobSink('application/zip');
    await writeBackup(src, [a], [], sink, () => undefined);
    const dst = store();
    const put = dst.storage.putPhotos.bind(dst.storage);
    let calls = 0;
    dst.storage.putPhotos = async (photos) => {
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put(photos);
    };
    await expect(readBackup(dst, Object.assign(sink.blob(), { name: 'b.zip' }), () => undefined)).rejects.toThrow();
    expect(calls).toBe(2); // the first batch (24) was written, the second failed
    expect(await photoKeys(dst)).toEqual([]);
    expect(await dst.storage.listPhotoOutbox()).toEqual([]);
    expect(dst.unsavedCount).toBe(0);
  });
});
