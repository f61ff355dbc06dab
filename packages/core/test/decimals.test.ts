/** A numeric item's `decimals`: how many decimal places an answer may have (issue 13, item 1). */
import { describe, expect, it } from 'vitest';
import { decimalPlaces, score, validateAssessment, validateCriteriaSet, type CriteriaSetItem } from '../src/index.js';
import { assess, f, oneSection } from './helpers.js';

const count: CriteriaSetItem = {
  id: 'n1',
  text: { vi: 'Số lần kiểm tra trong năm' },
  response: {
    kind: 'numeric',
    min: 0,
    max: 12,
    decimals: 0,
    bands: [
      { min: 0, points: 0 },
      { min: 4, points: 2 },
    ],
  },
  provenance: { wording: 'paraphrase' },
};
const rate: CriteriaSetItem = {
  id: 'n2',
  text: { vi: 'Tỷ lệ (%)' },
  response: {
    kind: 'numeric',
    min: 0,
    max: 100,
    decimals: 1,
    bands: [
      { min: 0, points: 0 },
      { min: 90, points: 1 },
    ],
  },
  provenance: { wording: 'paraphrase' },
};
const set = oneSection([{ id: 'c1', items: [count, rate] }]);

describe('numeric decimals', () => {
  it('counts decimal places as the number is written', () => {
    expect([
      decimalPlaces(12),
      decimalPlaces(9.5),
      decimalPlaces(92.25),
      decimalPlaces(1e-7),
      decimalPlaces(1e21),
      decimalPlaces(-0.5),
    ]).toEqual([0, 1, 2, 7, 0, 1]);
  });

  it('is a valid part of a set, with 0 to 4 places', () => {
    expect(validateCriteriaSet(set).ok).toBe(true);
    const bad = oneSection([
      { id: 'c1', items: [{ ...count, response: { ...count.response, decimals: 5 } as CriteriaSetItem['response'] }] },
    ]);
    expect(validateCriteriaSet(bad).ok).toBe(false);
  });

  it('scores answers within the places and refuses the rest, naming what is allowed', () => {
    const good = score(set, assess(set, { n1: 4, n2: 92.5 }));
    expect(good.ok && f(good.value.total.points)).toBe('3');
    const r = validateAssessment(assess(set, { n1: 4.5, n2: 92.55 }), set);
    expect(r.ok).toBe(false);
    const msgs = r.ok ? [] : r.errors.map((e) => [e.pointer, e.message.vi, e.message.en]);
    expect(msgs).toEqual([
      ['/answers/n1/value', expect.stringContaining('số nguyên'), expect.stringContaining('a whole number')],
      [
        '/answers/n2/value',
        expect.stringContaining('tối đa 1 chữ số thập phân'),
        expect.stringContaining('at most 1 decimal place'),
      ],
    ]);
    expect(score(set, assess(set, { n1: 4.5 })).ok).toBe(false);
  });
});
