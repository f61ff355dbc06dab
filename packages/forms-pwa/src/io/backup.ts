/**
 * Streamed backups (decision 0012, docs/bundle-format.md), loaded lazily with the import view's other modules.
 *
 * Export writes core's container (`writeContainer`) entry by entry: the documents, then each photo read from
 * IndexedDB only when its turn comes, into the File System Access API's writable stream where the browser has it,
 * else into a Blob assembled from byte chunks (never a string). Import reads `file.stream()` with core's
 * `readContainer`: photos whose bytes match their hash and that a document references are written ahead in small
 * batches (through the store's one write path), the documents are verified as a whole once every part is read,
 * and the caller then commits the valid ones in one transaction; {@link undoPhotos} removes the photos written
 * ahead when that commit does not happen.
 */
import { readContainer, writeContainer, type Assessment, type CriteriaSet, type Problem } from '@tieuchi/core';
import type { AppStore } from '../state/store.js';
import type { StoredPhoto } from '../storage/db.js';
import { collectBundle, photoMeta, planRestoreParsed, type PlanOutcome } from './bundle.js';

/** Where a backup's bytes go, chunk by chunk. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** Photos written ahead per transaction during a restore (~200 KB each: a few MB per batch). */
const PHOTO_BATCH = 24;

/**
 * Writes a full backup of these assessments (with every facility and imported set) as a container into `sink`.
 * Photos are read one at a time. On any failure the sink is aborted and the error rethrown (the view says what to do).
 * @returns how many photos were written
 */
export async function writeBackup(
  store: AppStore,
  assessments: Assessment[],
  importedSets: CriteriaSet[],
  sink: ByteSink,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  try {
    const { bundle, photoHashes } = await collectBundle(store.storage, assessments, { importedSets, full: true });
    const present = await store.storage.photosPresent(photoHashes);
    const photos = [];
    for (const h of photoHashes) {
      if (!present.has(h)) continue; // referenced but not on this device: the JSON backup left it out too
      const p = await store.storage.getPhoto(h);
      if (p) photos.push(photoMeta(p));
    }
    onProgress(0, photos.length);
    const chunks = writeContainer({
      bundle,
      photos,
      readPhoto: async (h) => {
        const p = await store.storage.getPhoto(h);
        return p && new Uint8Array(await p.blob.arrayBuffer());
      },
      onProgress,
    });
    for await (const c of chunks) await sink.write(c);
    await sink.close();
    return photos.length;
  } catch (e) {
    await sink.abort().catch(() => undefined);
    throw e;
  }
}

/**
 * A sink that assembles a Blob: chunks are folded into a Blob every few megabytes, so the page holds little of the
 * file itself (the browser keeps Blob data outside the page, on disk when large).
 */
export function blobSink(type: string): ByteSink & { blob(): Blob } {
  let blob = new Blob([], { type });
  let parts: Uint8Array[] = [];
  let held = 0;
  const fold = () => {
    blob = new Blob([blob, ...(parts as BlobPart[])], { type });
    parts = [];
    held = 0;
  };
  return {
    async write(c) {
      parts.push(c);
      held += c.length;
      if (held >= 8 << 20) fold();
    },
    async close() {
      fold();
    },
    async abort() {
      parts = [];
      blob = new Blob([], { type });
    },
    blob: () => blob,
  };
}

/** What {@link readBackup} did: the plan to commit (or why the file is refused) and the photos it wrote ahead. */
export interface RestoreRead {
  outcome: PlanOutcome;
  /** Photos written ahead by this restore: remove them ({@link undoPhotos}) if the commit does not happen. */
  written: string[];
}

/**
 * Reads a container backup from its stream: writes referenced photos that match their hash ahead, in batches,
 * through `store.persist`; then verifies every document (core's one verifier, via `planRestoreParsed`: refused
 * documents are kept aside, the rest planned). Writes no document. A write that fails stops the restore and
 * removes what it wrote.
 * @param file the chosen file (its `stream()` is read once)
 */
export async function readBackup(
  store: AppStore,
  file: Blob & { name: string },
  onProgress: (done: number, total: number) => void,
  now = new Date().toISOString(),
): Promise<RestoreRead> {
  const written: string[] = [];
  const kept: string[] = [];
  let batch: StoredPhoto[] = [];
  let n = 0;
  const flush = async () => {
    if (!batch.length) return;
    const photos = batch;
    batch = [];
    const key = `restore-photos:${now}:${n++}`;
    if (!(await store.persist(key, () => store.storage.putPhotos(photos)))) {
      store.forget(key);
      throw new Error('photo write failed');
    }
    written.push(...photos.map((p) => p.hash));
  };
  try {
    const read = await readContainer(file.stream(), {
      onProgress,
      onPhoto: async (p) => {
        if (!p.matches || !p.referenced) return; // refused by the verifier below; nothing written
        if ((await store.storage.photosPresent([p.photo.hash])).has(p.photo.hash)) {
          kept.push(p.photo.hash);
          return;
        }
        const meta = p.photo;
        const photo: StoredPhoto = {
          hash: meta.hash,
          blob: new Blob(p.chunks as BlobPart[], { type: meta.mime }),
          mime: meta.mime,
          width: meta.width ?? 1,
          height: meta.height ?? 1,
        };
        if (meta.capturedAt) photo.capturedAt = meta.capturedAt;
        if (meta.caption) photo.caption = meta.caption;
        batch.push(photo);
        if (batch.length >= PHOTO_BATCH) await flush();
      },
    });
    await flush();
    if (!read.ok) {
      await undoPhotos(store, written);
      return { outcome: read, written: [] };
    }
    const known = { sets: store.sets, assessments: store.assessments };
    const outcome = planRestoreParsed(read.value.bundle, known, file.name, now, read.value.photoDigests);
    if (!outcome.ok) {
      await undoPhotos(store, written);
      return { outcome, written: [] };
    }
    const added = new Set(written);
    outcome.plan.photosAhead = { added: written, kept: kept.filter((h) => !added.has(h)) };
    return { outcome, written };
  } catch (e) {
    await undoPhotos(store, written);
    throw e;
  }
}

/** Removes photos a restore wrote ahead of a commit that did not happen (failed, refused or cancelled). */
export async function undoPhotos(store: AppStore, hashes: readonly string[]): Promise<void> {
  if (!hashes.length) return;
  const key = `restore-undo:${hashes[0]}`;
  if (!(await store.persist(key, () => store.storage.deletePhotos(hashes)))) store.forget(key);
}

/** A problem of the whole restore, for the view's list. */
export const restoreProblem = (message: { vi: string; en: string }): Problem => ({ code: 'io', pointer: '', message });

export { isContainer } from '@tieuchi/core';

/** The File System Access API's save picker, where the browser has it (Chromium). */
type SavePicker = (opts: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<{ name: string; createWritable(): Promise<WritableFile> }>;
interface WritableFile {
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** The save picker, or undefined where the browser has none (then the backup is a download). */
export function savePicker(): SavePicker | undefined {
  const w = globalThis as unknown as { showSaveFilePicker?: SavePicker };
  return typeof w.showSaveFilePicker === 'function' ? w.showSaveFilePicker.bind(globalThis) : undefined;
}

/** Name of the temporary copy a download-path backup is assembled in (origin-private file system). */
const TEMP_NAME = 'tieuchi-backup-tmp.zip';

/**
 * Without a save picker, a sink over a temporary file in the origin-private file system (on disk, so a 400 MB backup
 * does not sit in memory); `file()` then gives the finished file to download. Undefined where the browser cannot
 * write there (then {@link blobSink}). The copy is removed by {@link dropTempFile}, at the latest on the next backup.
 */
export async function tempFileSink(): Promise<(ByteSink & { file(): Promise<File> }) | undefined> {
  try {
    const root = await navigator.storage.getDirectory();
    const handle = await root.getFileHandle(TEMP_NAME, { create: true });
    if (typeof (handle as { createWritable?: unknown }).createWritable !== 'function') return undefined;
    const w = await handle.createWritable();
    return {
      write: (c) => w.write(c as BufferSource),
      close: () => w.close(),
      abort: async () => {
        await w.abort();
        await dropTempFile();
      },
      file: () => handle.getFile(),
    };
  } catch {
    return undefined;
  }
}

/** Removes the temporary copy of the last download-path backup, if any. */
export async function dropTempFile(): Promise<void> {
  try {
    await (await navigator.storage.getDirectory()).removeEntry(TEMP_NAME);
  } catch {
    /* none */
  }
}

/** A sink over a file chosen with the save picker: chunks go to disk as they are made. */
export async function fileSink(handle: { createWritable(): Promise<WritableFile> }): Promise<ByteSink> {
  const w = await handle.createWritable();
  return { write: (c) => w.write(c), close: () => w.close(), abort: () => w.abort() };
}
