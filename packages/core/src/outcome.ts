import type { LocalizedText } from './generated/types.js';

/**
 * A problem found in data: a code for programs, a JSON Pointer to the offending place, and a message a
 * criteria author or an inspector understands, in Vietnamese and English.
 */
export interface Problem {
  /** Stable machine-readable code, e.g. `schema.required` or `answer.unknown-item`. */
  code: string;
  /** RFC 6901 JSON Pointer into the document ("" is the whole document). */
  pointer: string;
  message: { vi: string; en: string };
  /** The values the message was made from (e.g. `field` of a missing field), for programs that place it. */
  params?: Record<string, string | number>;
}

/** Bad data is a return value, never an exception. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: Problem[] };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T>(errors: Problem[]): Outcome<T> => ({ ok: false, errors });

/** Escapes one JSON Pointer reference token. */
export const pointerToken = (s: string | number): string => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

export type { LocalizedText };
