/**
 * The fallback for engines whose workers cannot draw (no OffscreenCanvas, or one without a 2d context, as in
 * Safari before 16.4): the report's photos are downscaled on the page instead, one photo per task with a yield
 * in between so the page stays responsive, then handed to the worker already small (it passes them through).
 */
import { REPORT_JPEG_QUALITY, fitSide } from './downscale.js';
import type { JobPhoto } from './job.js';

/** The report's photo side (px); equal to `REPORT_PHOTO_SIDE` of @tieuchi/report (a test checks), kept here so
 * the page does not load the report package. */
export const PAGE_PHOTO_SIDE = 1000;

/** Whether a worker here can downscale photos: OffscreenCanvas with a 2d context (workers have what the page has). */
export function workerCanDraw(): boolean {
  try {
    return typeof OffscreenCanvas === 'function' && !!new OffscreenCanvas(1, 1).getContext('2d');
  } catch {
    return false;
  }
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

async function decode(blob: Blob): Promise<CanvasImageSource & { width: number; height: number }> {
  if (typeof createImageBitmap === 'function') return createImageBitmap(blob);
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Downscales every photo longer than `side` on the page's thread, in slices (one photo per task).
 * @returns the photos, the large ones replaced by JPEGs of at most `side` px (same hash, caption, capture time)
 */
export async function downscaleOnPage(
  photos: readonly JobPhoto[],
  side = PAGE_PHOTO_SIDE,
  onDone?: (done: number) => void,
): Promise<JobPhoto[]> {
  const out: JobPhoto[] = [];
  for (const p of photos) {
    if (Math.max(p.width, p.height) <= side && (p.mime === 'image/jpeg' || p.mime === 'image/png')) out.push(p);
    else {
      await nextTask();
      const img = await decode(p.blob);
      const { width, height } = fitSide(img.width, img.height, side);
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('canvas 2d context unavailable');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, width, height);
      ctx.drawImage(img, 0, 0, width, height);
      if ('close' in img && typeof img.close === 'function') img.close();
      const blob = await new Promise<Blob>((res, rej) =>
        canvas.toBlob((b) => (b ? res(b) : rej(new Error('JPEG encoding failed'))), 'image/jpeg', REPORT_JPEG_QUALITY),
      );
      out.push({ ...p, blob, mime: 'image/jpeg', width, height });
    }
    onDone?.(out.length);
  }
  return out;
}
