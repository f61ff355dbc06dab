import { describe, expect, it } from 'vitest';
import { defineMessages, type MessageTable } from '../src/index.js';

const TABLE = {
  done: { vi: 'Xong {n} tệp', en: 'Done: {n} {n:file|files}' },
  named: { vi: 'Tiêu chí {name}', en: 'Criterion {name}' },
  words: { vi: 'Trạng thái: {status}', en: 'Status: {status}' },
} as const satisfies MessageTable;
const msg = defineMessages(TABLE);

describe('defineMessages (one catalogue for every package)', () => {
  it('picks the English plural by Intl.PluralRules and keeps Vietnamese in one form', () => {
    expect(msg('done', { n: 1 })).toEqual({ vi: 'Xong 1 tệp', en: 'Done: 1 file' });
    expect(msg('done', { n: 2 })).toEqual({ vi: 'Xong 2 tệp', en: 'Done: 2 files' });
    expect(msg('done', { n: 0 }).en).toBe('Done: 0 files');
  });
  it('fills per-language arguments and leaves unknown placeholders visible', () => {
    expect(msg('words', { status: { vi: 'đạt', en: 'pass' } })).toEqual({ vi: 'Trạng thái: đạt', en: 'Status: pass' });
    expect(msg('named').vi).toBe('Tiêu chí {name}');
  });
});
