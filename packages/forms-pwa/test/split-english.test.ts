/** The build's split of the start-up table's English half (scripts/split-english.ts, ADR 0017). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/messages.js';
import { START_UP_TABLES, englishModule, splitEnglish } from '../scripts/split-english.js';

const src = join(__dirname, '..', 'src');

describe('the start-up table without its English half', () => {
  it('moves every English text of the start-up tables, and only those, to the English module', () => {
    const split = START_UP_TABLES.map((f) => splitEnglish(readFileSync(join(src, f), 'utf8'), f));
    const keys = split.flatMap((s) => s.english.map(([k]) => JSON.parse(`"${k.slice(1, -1)}"`) as string));
    expect(keys.sort()).toEqual(Object.keys(messages).sort());
    for (const { code } of split) {
      expect(code).not.toContain('Loading…');
    }
    expect(split[0]!.code).toContain("'app.loading': { vi: 'Đang tải…', en: '' }");
    const module = englishModule(src);
    const english = new Function(`${module.replace('export const english =', 'return')}`)() as Record<string, string>;
    expect(english).toEqual(Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, v.en])));
  });

  it('fails on an English text written in a way it does not recognise, rather than leave it in the start-up chunk', () => {
    expect(splitEnglish("  'a.b': { vi: 'một', en: 'one' },\n", 't.ts').code).toBe("  'a.b': { vi: 'một', en: '' },\n");
    expect(() => splitEnglish("  'a.b': { en: 'one', vi: 'một' },\n", 't.ts')).toThrow(/1 English text/);
    expect(() => splitEnglish("  'a.b': { vi: `một`, en: `one` },\n", 't.ts')).toThrow(/1 English text/);
  });
});
