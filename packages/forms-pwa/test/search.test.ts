import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../src/core.js';
import { fold, matches, mostUsedSet, setWords } from '../src/shell/search.js';
import set1300Json from '../../../criteria/qd1300-commune-health.json';
import { draft } from './helpers.js';

const set1300 = set1300Json as unknown as CriteriaSet;

describe('home search', () => {
  it('ignores diacritics and case', () => {
    expect(fold('Trạm Y tế phường Đông Hải')).toBe('tram y te phuong dong hai');
    expect(matches('tram dong hai', ['Trạm Y tế phường Đông Hải'])).toBe(true);
    expect(matches('ĐÔNG', ['Trạm Y tế phường Đông Hải'])).toBe(true);
    expect(matches('tram tay', ['Trạm Y tế phường Đông Hải'])).toBe(false);
  });

  it('finds a set by its document number', () => {
    expect(matches('1300', setWords(set1300))).toBe(true);
    expect(matches('1300/QD', setWords(set1300))).toBe(true);
    expect(matches('6858', setWords(set1300))).toBe(false);
  });

  it('matches everything on an empty query', () => {
    expect(matches('  ', ['x'])).toBe(true);
  });
});

describe('the New form default', () => {
  const of = (id: string, version: string, updatedAt: string) => ({
    ...draft({}, `${id}-${updatedAt}`),
    criteriaSet: { id, version },
    updatedAt,
  });

  it('is the set used most on this device, ties to the most recent', () => {
    const avail = new Set(['a@1', 'b@1', 'c@1']);
    expect(
      mostUsedSet([of('a', '1', '2026-01-01'), of('b', '1', '2026-01-02'), of('b', '1', '2026-01-03')], avail),
    ).toBe('b@1');
    expect(mostUsedSet([of('a', '1', '2026-02-01'), of('b', '1', '2026-01-02')], avail)).toBe('a@1');
  });

  it('ignores sets no longer on the device, and is undefined with none', () => {
    expect(mostUsedSet([of('gone', '1', '2026-01-01')], new Set(['a@1']))).toBeUndefined();
    expect(mostUsedSet([], new Set(['a@1']))).toBeUndefined();
  });
});
