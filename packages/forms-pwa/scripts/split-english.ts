/**
 * The start-up message table's English half, apart (issue 20, ADR 0017). In the production build the `en` text of
 * every entry of the tables that make up `src/messages.ts` is replaced by `''`, and `src/messages-en.ts` becomes a
 * literal table of those texts, a chunk of its own that `setLocale('en')` loads before it switches. Vietnamese, the
 * default, no longer carries English to every device. Development and tests use the tables as written.
 */
import { readFileSync } from 'node:fs';

/** The tables `src/messages.ts` is made of (it spreads the other two), relative to the app's `src/`. */
export const START_UP_TABLES = ['messages.ts', 'fill/messages.ts', 'report/messages.ts'];

const STR = String.raw`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"`;
const ENTRY = new RegExp(String.raw`('[^'\n]+'):(\s*)\{(\s*)vi:(\s*)(${STR}),(\s*)en:\s*(${STR}),?(\s*)\}`, 'g');

/**
 * Splits one table's source: `code` with each entry's English text replaced by `''`, and `english` (key → the
 * English string literal, as written). Throws when an `en:` is left that the split did not recognise, so a table
 * written another way fails the build instead of shipping English in the start-up chunk.
 */
export function splitEnglish(source: string, file: string): { code: string; english: [string, string][] } {
  const english: [string, string][] = [];
  const code = source.replace(
    ENTRY,
    (_m, key: string, s1: string, s2: string, s3: string, vi: string, s4: string, en: string, s5: string) => {
      english.push([key, en]);
      return `${key}:${s1}{${s2}vi:${s3}${vi},${s4}en: ''${s5}}`;
    },
  );
  const left = (code.match(/\ben:\s*(['"`])(?!\1)/g) ?? []).length;
  if (left) throw new Error(`${file}: ${left} English text(s) not split (write entries as { vi: '…', en: '…' })`);
  return { code, english };
}

/** The module that replaces `src/messages-en.ts` in the build: every start-up table's English texts. */
export function englishModule(srcDir: string): string {
  const entries = START_UP_TABLES.flatMap((f) => splitEnglish(readFileSync(`${srcDir}/${f}`, 'utf8'), f).english);
  return `export const english = {\n${entries.map(([k, v]) => `  ${k}: ${v},`).join('\n')}\n};\n`;
}
