/**
 * Turns a camera capture or chosen file into stored evidence: downscaled to at most 1600 px on the long
 * side and re-encoded as JPEG (which also drops EXIF, location included), hashed with SHA-256. The
 * capture time, lost with EXIF, is kept beside the photo from the file's timestamp.
 */
import { sha256Hex } from '../core.js';
import type { StoredPhoto } from '../storage/db.js';

export const MAX_PHOTO_SIDE = 1600;
export const JPEG_QUALITY = 0.82;

/** Target size keeping the aspect ratio, the long side at most `max`. */
export function fitWithin(w: number, h: number, max = MAX_PHOTO_SIDE): { width: number; height: number } {
  const k = Math.min(1, max / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * k)), height: Math.max(1, Math.round(h * k)) };
}

/** Downscales and re-encodes an image file; resolves to a photo ready to store. */
export async function photoFromFile(file: File): Promise<StoredPhoto> {
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
