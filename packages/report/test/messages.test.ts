import { describe, expect, it } from 'vitest';
import { defineMessages, type Assessment, type MessageTable } from '@tieuchi/core';
import { buildReport } from '../src/index.js';
import { REPORT_MESSAGES, say } from '../src/messages.js';
import { examples } from './support/examples.js';

/** Every string in a definition (functions such as header and footer aside). */
function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const x of node) strings(x, out);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) strings(v, out);
  return out;
}

/** Codes whose text is missing (or empty, where text is expected) in one language, as "code (lang)". */
function missingLanguages(table: MessageTable, mayBeEmpty: readonly string[] = []): string[] {
  return Object.entries(table).flatMap(([code, m]) =>
    (['vi', 'en'] as const).flatMap((lang) =>
      typeof m[lang] !== 'string'
        ? [`${code} (${lang})`]
        : m[lang] === '' && !mayBeEmpty.includes(code)
          ? [`${code} (${lang}, empty)`]
          : [],
    ),
  );
}

describe('the report message table', () => {
  /**
   * The type system already refuses a code with one language: the table `satisfies MessageTable`
   * (`{ vi: string; en: string }` per code), so `{ 'x.y': { vi: '…' } }` does not compile (shown below with
   * `@ts-expect-error`, which itself fails the typecheck if the error ever disappears). This test is the run-time
   * net for a table forced past the compiler (a cast, a JSON import).
   */
  it('has every code in both languages, never empty except the official-wording note', () => {
    // @ts-expect-error a code with Vietnamese only is not a MessageTable
    const oneLanguage: MessageTable = { 'x.y': { vi: 'chỉ tiếng Việt' } };
    expect(oneLanguage).toBeDefined();
    expect(missingLanguages(REPORT_MESSAGES, ['wordingNote.official'])).toEqual([]);
    expect(Object.keys(REPORT_MESSAGES).length).toBeGreaterThan(100);
  });

  it('names the missing language when a table lacks one (the check above can fail)', () => {
    const broken = { 'a.b': { vi: 'có', en: 'yes' }, 'c.d': { vi: 'chỉ tiếng Việt' } } as unknown as MessageTable;
    expect(missingLanguages(broken)).toEqual(['c.d (en)']);
    expect(missingLanguages({ 'e.f': { vi: '', en: 'x' } })).toEqual(['e.f (vi, empty)']);
    expect(defineMessages(broken)('a.b').en).toBe('yes');
  });

  it('counts photos with the English plural rules and one Vietnamese form', () => {
    expect(say('en', 'items.photos-count', { n: 1 })).toBe('1 photo');
    expect(say('en', 'items.photos-count', { n: 2 })).toBe('2 photos');
    expect(say('en', 'items.photos-count', { n: 0 })).toBe('0 photos');
    expect(say('vi', 'items.photos-count', { n: 1 })).toBe('1 ảnh');
    expect(say('vi', 'items.photos-count', { n: 2 })).toBe('2 ảnh');
  });

  it('prints "1 photo" and "2 photos" in an English report, never "1 photos"', () => {
    const e = examples().find((x) => x.name === 'qd1300-commune-health/pass.assessment.json')!;
    const assessment: Assessment = structuredClone(e.assessment);
    assessment.answers['t1.1'] = { ...assessment.answers['t1.1'], evidence: ['a'.repeat(64)] };
    assessment.answers['t1.2'] = { ...assessment.answers['t1.2'], evidence: ['b'.repeat(64), 'c'.repeat(64)] };
    const en = strings(buildReport({ ...e, assessment, lang: 'en' }));
    expect(en).toContain('1 photo');
    expect(en).toContain('2 photos');
    expect(en).not.toContain('1 photos');
    const vi = strings(buildReport({ ...e, assessment }));
    expect(vi).toContain('1 ảnh');
    expect(vi).toContain('2 ảnh');
  });
});
