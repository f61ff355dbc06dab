/**
 * Text helpers: pick a language, and normalise every string of a document definition to NFC. pdfmake draws
 * decomposed (NFD) Vietnamese as boxes: a note typed on some keyboards or pasted from a PDF is often NFD.
 */
import { formatDate, localizeDecimal, percentText, type LocalizedText, type ScoreResultScore } from '@tieuchi/core';
import type { Lang } from './messages.js';

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

/**
 * A date as people in Vietnam read it: `dd/mm/yyyy`, the Vietnam calendar day of a date-time (core's one date
 * formatter, shared with the app and the CLI). `_lang` is kept so call sites read the same as the other helpers.
 */
export function date(iso: string | undefined, _lang: Lang): string {
  return formatDate(iso);
}

/** A neutral number from core's formatter ("82.8") as `lang` writes it ("82,8" in Vietnamese). */
export function num(neutral: string, lang: Lang): string {
  return localizeDecimal(neutral, lang);
}

/** A score as "13/14 (92,9 %)" in Vietnamese, "13/14 (92.9%)" in English; the percentage left out when absent. */
export function scoreText(s: ScoreResultScore, lang: Lang): string {
  const p = s.display.percent;
  return `${num(s.display.points, lang)}/${num(s.display.max, lang)}${p ? ` (${percentText(p, lang)})` : ''}`;
}
