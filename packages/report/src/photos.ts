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

/** The raw bytes of the photos a definition's `images` were given as bytes, by image key (see {@link imageBytes}). */
const BYTES = new WeakMap<object, Map<string, Uint8Array>>();

/**
 * The raw bytes of the photos a definition embeds that were supplied as bytes, by image key (`p0`, `p1`, ...), or
 * undefined when there are none. A renderer hands them to pdfmake as they are, through its in-memory virtual file
 * system, instead of pdfmake decoding the base64 of a data URL that was just encoded (ADR 0022: a few hundred ms
 * for 30 photos in a browser). Their entries in `images` still read as data URLs (made when first read), so the
 * definition also works handed to pdfmake directly.
 */
export function imageBytes(doc: { images?: unknown }): ReadonlyMap<string, Uint8Array> | undefined {
  return doc.images && typeof doc.images === 'object' ? BYTES.get(doc.images) : undefined;
}

/** Photos by hash, and the `images` dictionary of the document (keys `p0`, `p1`, ... in first-use order). */
export class ImageTable {
  readonly images: Record<string, string> = {};
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly byHash = new Map<string, ReportPhoto>();
  private readonly keys = new Map<string, string>();

  constructor(photos: readonly ReportPhoto[] = []) {
    for (const p of photos) this.byHash.set(p.hash, p);
    BYTES.set(this.images, this.bytes);
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
      if (typeof p.data === 'string') this.images[k] = photoDataUrl(p);
      else lazyDataUrl(this.images, k, p, this.bytes);
    }
    return k;
  }
}

/**
 * Puts a photo given as bytes into `images` under `key`: its bytes in `bytes`, and an entry that reads as its data URL,
 * encoded only when first read (pdfmake, handed the definition directly, reads it; our renderers do not) and
 * replaceable (pdfmake writes resolved entries back).
 */
function lazyDataUrl(images: Record<string, string>, key: string, p: ReportPhoto, bytes: Map<string, Uint8Array>) {
  bytes.set(key, p.data as Uint8Array);
  const settle = (value: string) =>
    Object.defineProperty(images, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(images, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      const url = photoDataUrl(p);
      settle(url);
      return url;
    },
    set: settle,
  });
}
