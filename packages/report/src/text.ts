/**
 * Text helpers: pick a language, and normalise every string of a document definition to NFC. pdfmake draws
 * decomposed (NFD) Vietnamese as boxes: a note typed on some keyboards or pasted from a PDF is often NFD.
 */
import type { LocalizedText } from '@tieuchi/core';
import type { Lang } from './labels.js';

/** The text in `lang`, falling back to Vietnamese. */
export function pick(t: LocalizedText | undefined, lang: Lang): string {
  if (!t) return '';
  return lang === 'en' ? (t.en ?? t.vi) : t.vi;
}

/**
 * Returns a copy of `node` with every string NFC-normalised, except data URLs (photos) which are ASCII.
 * Runs once over the finished definition, so no text path can forget it.
 */
export function nfcDeep<T>(node: T): T {
  if (typeof node === 'string') return (node.startsWith('data:') ? node : node.normalize('NFC')) as T;
  if (Array.isArray(node)) return node.map(nfcDeep) as T;
  if (node && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = nfcDeep(v);
    return out as T;
  }
  return node; // functions (header, footer), numbers, Uint8Array
}

/** `2025-05-14T08:30:00Z` → `14/05/2025` (vi) or `2025-05-14` (en); the date part only, as written. */
export function date(iso: string | undefined, lang: Lang): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}
