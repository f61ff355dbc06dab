/** Size and quality of stored photos: shared by the page and the photo worker. */

export const MAX_PHOTO_SIDE = 1600;
export const JPEG_QUALITY = 0.82;

/** Target size keeping the aspect ratio, the long side at most `max`. */
export function fitWithin(w: number, h: number, max = MAX_PHOTO_SIDE): { width: number; height: number } {
  const k = Math.min(1, max / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * k)), height: Math.max(1, Math.round(h * k)) };
}
