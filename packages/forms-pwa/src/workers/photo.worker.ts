/**
 * The photo worker (issue 20): a camera capture or chosen file decoded, downscaled to at most MAX_PHOTO_SIDE px,
 * re-encoded as JPEG (EXIF and location dropped) and hashed, all off the page's thread, so taking a 12-megapixel
 * photo never blocks a tap. The page falls back to doing it itself where workers cannot draw (`model/photo.ts`).
 */
import { JPEG_QUALITY, fitWithin } from '../model/photo-size.js';

/** A request: the file, and an id the answer carries back. */
export interface PhotoRequest {
  id: number;
  file: Blob;
}

/** The answer: the downscaled JPEG with its size and SHA-256, or why it failed. */
export type PhotoAnswer =
  | { id: number; ok: true; blob: Blob; width: number; height: number; hash: string }
  | { id: number; ok: false; message: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<PhotoRequest>) => void) | null;
  postMessage(m: PhotoAnswer): void;
};

scope.onmessage = ({ data: { id, file } }) => void handle(id, file);

/** Downscales one photo and answers with the result or the error. */
async function handle(id: PhotoRequest['id'], file: PhotoRequest['file']): Promise<void> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas 2d context unavailable');
    ctx.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    // WebCrypto (secure contexts, which the app needs anyway): core's hashing would bring core into this worker.
    // Without it the worker answers a failure and the page does the photo itself.
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    const hash = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    scope.postMessage({ id, ok: true, blob, width, height, hash });
  } catch (e) {
    scope.postMessage({ id, ok: false, message: String((e as Error)?.message ?? e) });
  }
}
