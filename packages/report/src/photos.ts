/**
 * Photos as pdfmake image entries: data URLs kept as they are, raw bytes encoded to base64 without Buffer
 * (the layout also runs in the browser).
 */
import type { ReportPhoto } from './types.js';

const ABC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of `bytes`. */
export function base64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let s = '';
    for (let i = start; i < end; i += 3) {
      const a = bytes[i]!;
      const b = i + 1 < end ? bytes[i + 1]! : 0;
      const c = i + 2 < end ? bytes[i + 2]! : 0;
      const n = (a << 16) | (b << 8) | c;
      s +=
        ABC[(n >> 18) & 63]! +
        ABC[(n >> 12) & 63]! +
        (i + 1 < end ? ABC[(n >> 6) & 63]! : '=') +
        (i + 2 < end ? ABC[n & 63]! : '=');
    }
    parts.push(s);
  }
  return parts.join('');
}

/** Whether a string is an inline image a document may carry (never a URL or a file path). */
export function isImageDataUrl(s: string): boolean {
  return /^data:image\/(jpeg|png);base64,/.test(s);
}

/**
 * The data URL of a photo. Throws on anything that is not inline image data: a report must never make
 * pdfmake fetch a URL or read a file.
 */
export function photoDataUrl(p: ReportPhoto): string {
  if (typeof p.data === 'string') {
    if (!isImageDataUrl(p.data))
      throw new Error(
        `Photo ${JSON.stringify(p.hash)}: data must be a data:image/jpeg or data:image/png base64 URL, not ${JSON.stringify(p.data.slice(0, 40))}`,
      );
    return p.data;
  }
  return `data:${p.mime ?? 'image/jpeg'};base64,${base64(p.data)}`;
}

/** Photos by hash, and the `images` dictionary of the document (keys `p0`, `p1`, ... in first-use order). */
export class ImageTable {
  readonly images: Record<string, string> = {};
  private readonly byHash = new Map<string, ReportPhoto>();
  private readonly keys = new Map<string, string>();

  constructor(photos: readonly ReportPhoto[] = []) {
    for (const p of photos) this.byHash.set(p.hash, p);
  }

  /** The photo with this hash, if supplied. */
  get(hash: string): ReportPhoto | undefined {
    return this.byHash.get(hash);
  }

  /** The image key of a supplied photo (embedding it once however often it is used), or undefined. */
  key(hash: string): string | undefined {
    const p = this.byHash.get(hash);
    if (!p) return undefined;
    let k = this.keys.get(hash);
    if (!k) {
      k = `p${this.keys.size}`;
      this.keys.set(hash, k);
      this.images[k] = photoDataUrl(p);
    }
    return k;
  }
}
