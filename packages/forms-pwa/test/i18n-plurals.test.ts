import { afterEach, describe, expect, it } from 'vitest';
import { bt } from '../src/builder/messages.js';
import { setLocale } from '../src/i18n.js';
import { iot } from '../src/io/view-messages.js';

describe('t() through the one catalogue (core defineMessages)', () => {
  afterEach(() => setLocale('vi'));
  it('says "1 problem" and "2 problems" in English, one form in Vietnamese', () => {
    setLocale('en');
    expect(bt('b.problems', { n: 1 })).toBe('1 problem');
    expect(bt('b.problems', { n: 2 })).toBe('2 problems');
    expect(iot('io.mergedCount', { n: 1 })).toBe('1 draft merged answer by answer.');
    setLocale('vi');
    expect(bt('b.problems', { n: 1 })).toBe('1 lỗi');
    expect(bt('b.problems', { n: 2 })).toBe('2 lỗi');
  });
});
