import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { say, textIn } from '../src/messages.js';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/**
 * Ways a translation is written inline, also across lines: `vi ? … : …`, `lang === 'vi' ? …`, `'en' !== lang ? …`
 * (a test of the language that is not a ternary, such as checking `--lang`, is no translation).
 */
const INLINE = [
  /(?<![.\w])vi\s*\?(?![.?])/g,
  /\blang\s*[!=]==?\s*['"](?:vi|en)['"]\s*\)?\s*\?(?!\.)/g,
  /['"](?:vi|en)['"]\s*[!=]==?\s*(?:\w+\.)*lang\s*\)?\s*\?(?!\.)/g,
];
const found = (text: string): number[] =>
  INLINE.flatMap((re) => [...text.matchAll(re)].map((m) => text.slice(0, m.index).split('\n').length));

describe('CLI words', () => {
  it('come from the message table only: no inline translation in any source file', () => {
    const offenders: string[] = [];
    for (const f of readdirSync(src).filter((f) => f.endsWith('.ts') && f !== 'messages.ts')) {
      const text = readFileSync(join(src, f), 'utf8');
      for (const line of found(text)) offenders.push(`${f}:${line}: ${text.split('\n')[line - 1]!.trim()}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the check finds an inline translation when there is one', () => {
    const inline = [
      "const why = vi ? 'không tìm thấy tệp' : 'file not found';",
      "lang === 'vi' ? 'dòng' : 'row'",
      "x = (ctx.lang === 'en')\n  ? 'row'\n  : 'dòng'",
      "'en' !== ctx.lang ? a : b",
    ];
    for (const l of inline) expect(found(l), l).not.toEqual([]);
    expect(found("say(lang, 'read.not-found')")).toEqual([]);
    expect(found("if (values.lang !== 'vi' && values.lang !== 'en') throw new UserError('--lang: vi | en');")).toEqual(
      [],
    );
    expect(found('const v = vi?.name;')).toEqual([]);
    expect(found("const g = x.goal?.vi ?? '';")).toEqual([]);
  });

  it('English plurals follow the number; Vietnamese has none', () => {
    expect(say('en', 'import.problems', { n: 1 })).toBe('1 problem, nothing saved');
    expect(say('en', 'import.problems', { n: 3 })).toBe('3 problems, nothing saved');
    expect(say('vi', 'import.problems', { n: 3 })).toBe('3 lỗi, không lưu gì');
    expect(say('en', 'export.rows', { n: 1 })).toBe('1 row');
    expect(say('en', 'export.rows', { n: 0 })).toBe('0 rows');
  });

  it('a document text is English when asked and present, else Vietnamese', () => {
    expect(textIn({ vi: 'Tiêu chí', en: 'Criterion' }, 'en')).toBe('Criterion');
    expect(textIn({ vi: 'Tiêu chí' }, 'en')).toBe('Tiêu chí');
    expect(textIn({ vi: 'Tiêu chí', en: 'Criterion' }, 'vi')).toBe('Tiêu chí');
  });
});
