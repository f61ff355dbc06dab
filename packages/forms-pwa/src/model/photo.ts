/**
 * Turns a camera capture or chosen file into stored evidence: downscaled to at most 1600 px on the long
 * side and re-encoded as JPEG (which also drops EXIF, location included), hashed with SHA-256. The
 * capture time, lost with EXIF, is kept beside the photo from the file's timestamp.
 */
import { sha256Hex } from '../core.js';
import type { StoredPhoto } from '../storage/db.js';
import type { PhotoAnswer, PhotoRequest } from '../workers/photo.worker.js';
import { JPEG_QUALITY, fitWithin } from './photo-size.js';

export { MAX_PHOTO_SIDE, JPEG_QUALITY, fitWithin } from './photo-size.js';

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, (a: PhotoAnswer) => void>();

/** Whether a worker here can draw (OffscreenCanvas with a 2d context; workers have what the page has). */
function workerCanDraw(): boolean {
  try {
    return (
      typeof Worker === 'function' &&
      typeof OffscreenCanvas === 'function' &&
      !!new OffscreenCanvas(1, 1).getContext('2d')
    );
  } catch {
    return false;
  }
}

/** The photo in the photo worker (started on the first photo, kept for the next). */
function inWorker(file: File): Promise<PhotoAnswer> {
  if (!worker) {
    worker = new Worker(new URL('../workers/photo.worker.ts', import.meta.url), { type: 'module', name: 'photo' });
    worker.addEventListener('message', (e: MessageEvent<PhotoAnswer>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    });
    worker.addEventListener('error', (e) => {
      for (const [id, done] of waiting) done({ id, ok: false, message: e.message || 'photo worker failed' });
      waiting.clear();
      worker = undefined;
    });
  }
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker!.postMessage({ id, file } satisfies PhotoRequest);
  });
}

/**
 * Downscales and re-encodes an image file; resolves to a photo ready to store. Done in the photo worker
 * (decoding, drawing and encoding off the page's thread) where workers can draw, else on the page; a worker that
 * fails (a format only the page decodes) is retried on the page.
 */
export async function photoFromFile(file: File): Promise<StoredPhoto> {
  const capturedAt = new Date(file.lastModified || Date.now()).toISOString();
  if (workerCanDraw()) {
    const a = await inWorker(file);
    if (a.ok) return { hash: a.hash, blob: a.blob, mime: 'image/jpeg', width: a.width, height: a.height, capturedAt };
  }
  return photoOnPage(file);
}

/** {@link photoFromFile} on the page's thread: where workers cannot draw. */
async function photoOnPage(file: File): Promise<StoredPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const { width, height } = fitWithin(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise<Blob>((res, rej) =>
    canvas.toBlob((b) => (b ? res(b) : rej(new Error('JPEG encoding failed'))), 'image/jpeg', JPEG_QUALITY),
  );
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const capturedAt = new Date(file.lastModified || Date.now()).toISOString();
  return { hash: sha256Hex(bytes), blob, mime: 'image/jpeg', width, height, capturedAt };
}
