/**
 * Photos for the report, made in the worker: each stored photo (<= 1600 px) is decoded and resized by
 * `createImageBitmap` (off the page's thread), drawn on an OffscreenCanvas and re-encoded as JPEG at
 * REPORT_PHOTO_SIDE px, which is all the annex needs at two photos per A4 page. That keeps a 30-photo
 * report at a third of its size. Signatures (PNG, small, transparent) pass through unchanged.
 */
import type { ReportPhoto } from '@tieuchi/report';
import type { JobPhoto } from './job.js';

/** JPEG quality of the report's photos: the annex prints them at ~150 dpi. */
export const REPORT_JPEG_QUALITY = 0.8;

/** Target size keeping the aspect ratio, the long side at most `max`. */
export function fitSide(w: number, h: number, max: number): { width: number; height: number } {
  const k = Math.min(1, max / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * k)), height: Math.max(1, Math.round(h * k)) };
}

const bytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

/** One photo ready for `buildReport`: downscaled JPEG, or the PNG / small JPEG as it is. */
export async function reportPhoto(p: JobPhoto, side: number): Promise<ReportPhoto> {
  const meta = {
    hash: p.hash,
    ...(p.caption ? { caption: p.caption } : {}),
    ...(p.capturedAt ? { capturedAt: p.capturedAt } : {}),
  };
  const small = Math.max(p.width, p.height) <= side;
  if (p.mime === 'image/png' && small) return { ...meta, data: await bytes(p.blob), mime: 'image/png' };
  if (p.mime === 'image/jpeg' && small) return { ...meta, data: await bytes(p.blob), mime: 'image/jpeg' };
  const { width, height } = fitSide(p.width, p.height, side);
  // Decoding and resizing happen together, in the browser's image threads.
  const bitmap = await createImageBitmap(p.blob, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('OffscreenCanvas 2d context unavailable');
  ctx.fillStyle = '#fff'; // a transparent PNG or WebP becomes JPEG on white, not black
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: REPORT_JPEG_QUALITY });
  return { ...meta, data: await bytes(jpeg), mime: 'image/jpeg' };
}
