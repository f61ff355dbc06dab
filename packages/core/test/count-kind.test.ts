/**
 * The count-with-target answer kind ("số lần kiểm tra trong năm ≥ 4"), added through the recipe of CONTEXT.md:
 * met when the count reaches the target (full points), otherwise 0; the answer is a whole number ≥ 0.
 */
import { describe, expect, it } from 'vitest';
import { score, validateAssessment, validateCriteriaSet, type CriteriaSetItem } from '../src/index.js';
import { assess, binary, f, oneSection } from './helpers.js';

const inspections = (extra: Partial<CriteriaSetItem> = {}): CriteriaSetItem => ({
  id: 'k1',
  text: { vi: 'Số lần kiểm tra trong năm' },
  response: { kind: 'count', target: 4, comparison: 'at-least', points: 2.5, unit: { vi: 'lần', en: 'times' } },
  provenance: { wording: 'paraphrase' },
  ...extra,
});
// c1: the count item (2.5 points) and a binary item (1.5 points): maximum 4.
const set = oneSection([{ id: 'c1', items: [inspections(), binary('b1', 1.5)] }], {
  passRules: [{ kind: 'total-percent-at-least', percent: 80 }, { kind: 'no-failed-knockout' }],
});

describe('count with a target', () => {
  it('is a valid response kind; a target below 1, a fractional target or a missing one is refused', () => {
    expect(validateCriteriaSet(set).ok).toBe(true);
    for (const response of [
      { kind: 'count', target: 0, points: 1 },
      { kind: 'count', target: 2.5, points: 1 },
      { kind: 'count', points: 1 },
      { kind: 'count', target: 4, points: 1, comparison: 'at-most' },
    ]) {
      const bad = oneSection([
        { id: 'c1', items: [inspections({ response: response as CriteriaSetItem['response'] })] },
      ]);
      expect(validateCriteriaSet(bad).ok, JSON.stringify(response)).toBe(false);
    }
    const fivePlaces = oneSection([
      { id: 'c1', items: [inspections({ response: { kind: 'count', target: 4, points: 1.23456 } })] },
    ]);
    const r = validateCriteriaSet(fivePlaces);
    expect(!r.ok && r.errors.map((p) => `${p.code} ${p.pointer}`)).toEqual([
      'set.decimals /sections/0/criteria/0/items/0/response/points',
    ]);
  });

  it('earns the full points at or above the target and 0 below it (no partial credit)', () => {
    // count 4 = target: 2.5 + 1.5 = 4 of 4 (100 %); count 9: the same; count 3: 0 + 1.5 = 1.5 of 4 (37.5 %).
    const at = score(set, assess(set, { k1: 4, b1: 'met' }));
    const above = score(set, assess(set, { k1: 9, b1: 'met' }));
    const below = score(set, assess(set, { k1: 3, b1: 'met' }));
    const zero = score(set, assess(set, { k1: 0, b1: 'not-met' }));
    expect(
      at.ok && [f(at.value.total.points), f(at.value.total.max), f(at.value.total.percent), at.value.decision],
    ).toEqual(['4', '4', '100', 'pass']);
    expect(above.ok && f(above.value.total.points)).toBe('4');
    expect(below.ok && [f(below.value.total.points), f(below.value.total.percent), below.value.decision]).toEqual([
      '3/2',
      '75/2',
      'fail',
    ]);
    expect(zero.ok && [f(zero.value.total.points), zero.value.decision]).toEqual(['0', 'fail']);
  });

  it('explains the item: the count as answered, met when it reaches the target', () => {
    const r = score(set, assess(set, { k1: 3, b1: 'met' }));
    const item = r.ok ? r.value.sections[0]!.criteria[0]!.items[0]! : undefined;
    expect(item && [item.status, item.value, f(item.points), f(item.max), item.met]).toEqual([
      'answered',
      3,
      '0',
      '5/2',
      false,
    ]);
    const met = score(set, assess(set, { k1: 12, b1: 'met' }));
    expect(met.ok && met.value.sections[0]!.criteria[0]!.items[0]!.met).toBe(true);
  });

  it('a knockout count below its target fails the knockout rule even with 0 points', () => {
    const ko = oneSection([
      {
        id: 'c1',
        items: [inspections({ knockout: true, response: { kind: 'count', target: 2, points: 0 } }), binary('b1', 1)],
      },
    ]);
    const s = { ...ko, scoring: { ...ko.scoring, passRules: [{ kind: 'no-failed-knockout' as const }] } };
    const r = score(s, assess(s, { k1: 1, b1: 'met' }));
    expect(r.ok && [r.value.decision, r.value.failedKnockouts]).toEqual(['fail', ['k1']]);
    const ok = score(s, assess(s, { k1: 2, b1: 'met' }));
    expect(ok.ok && [ok.value.decision, ok.value.failedKnockouts]).toEqual(['pass', []]);
  });

  it('refuses a negative, fractional, non-number or unsafe count, naming what is allowed', () => {
    for (const value of [-1, 2.5, '4', 2 ** 53]) {
      const r = validateAssessment(assess(set, { k1: value, b1: 'met' }), set);
      expect(r.ok, String(value)).toBe(false);
      if (!r.ok) {
        expect(r.errors[0]!.code).toBe('answer.bad-value');
        expect(r.errors[0]!.pointer).toBe('/answers/k1/value');
        expect(r.errors[0]!.message.vi).toContain('một số nguyên ≥ 0');
        expect(r.errors[0]!.message.en).toContain('a whole number ≥ 0');
      }
      expect(score(set, assess(set, { k1: value, b1: 'met' })).ok).toBe(false);
    }
  });

  it('is not allowed in a levels-model set (elements are met / not met)', () => {
    const lv = oneSection(
      [
        {
          id: 'c1',
          items: [
            inspections({ level: 1, response: { kind: 'count', target: 4, points: 1 } }),
            binary('b1', 1, { level: 2 }),
          ],
        },
      ],
      {
        model: 'levels',
        levels: 2,
      },
    );
    const r = validateCriteriaSet(lv);
    expect(!r.ok && r.errors.map((p) => p.code)).toContain('set.levels-binary-only');
  });
});
