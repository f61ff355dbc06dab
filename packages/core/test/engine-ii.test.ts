/**
 * The crash cases of issue 16: each passed validation, then `score()` stopped with an internal error (or
 * validation itself threw). Now they get a score, exact to the last digit, or a refusal naming the place.
 */
import { describe, expect, it } from 'vitest';
import {
  cmp,
  formatPercent,
  frac,
  score,
  toFractionString,
  validateAssessment,
  validateCriteriaSet,
} from '../src/index.js';
import type { CriteriaSet, Exact, ScoreResult } from '../src/index.js';
import { assess, binary, makeSet, oneSection } from './helpers.js';

const run = (set: CriteriaSet, answers: Parameters<typeof assess>[1]): ScoreResult => {
  const r = score(set, assess(set, answers));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
/** An exact value as a bigint fraction string, whatever form its fields take. */
const big = (x: Exact): string => toFractionString(x);
/** Σ of fractions a_i/b_i as a reduced "num/den" string, computed with BigInt here, independently. */
function bigFraction(num: bigint, den: bigint): string {
  const g = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : g(b, a % b));
  const d = g(num, den);
  return den / d === 1n ? String(num / d) : `${num / d}/${den / d}`;
}
const codes = (data: unknown) => {
  const r = validateCriteriaSet(data);
  return r.ok ? [] : r.errors.map((e) => `${e.code} ${e.pointer}`);
};

describe('valid input that used to throw now gets an exact score', () => {
  it('mean of percentages over 11 criteria of 7, 11, 13 … 43 one-point items, one not met in each', () => {
    const sizes = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43];
    const criteria = sizes.map((n, ci) => ({
      id: `c${ci}`,
      items: Array.from({ length: n }, (_, i) => binary(`c${ci}-${i}`, 1)),
    }));
    const set = oneSection(criteria, {
      aggregation: 'mean-of-percentages',
      passRules: [{ kind: 'total-percent-at-least', percent: 94.48 }],
    });
    const answers: Record<string, string> = {};
    criteria.forEach((c) => c.items.forEach((it, i) => (answers[it.id] = i === 0 ? 'not-met' : 'met')));
    const r = run(set, answers);
    // percent = (1/11) Σ 100 (n − 1)/n; the common denominator 11 × 7 × 11 × … × 43 is far past 2^53.
    const L = sizes.reduce((a, n) => a * BigInt(n), 1n);
    const sum = sizes.reduce((a, n) => a + (100n * BigInt(n - 1) * L) / BigInt(n), 0n);
    expect(big(r.total.percent!)).toBe(bigFraction(sum, 11n * L));
    expect(r.total.display.percent).toBe('94.5'); // 94.4815…, rounded (and ≥ 94.48, as decided)
    expect(r.decision).toBe('pass'); // 94.4815… ≥ 94.48
    expect(JSON.parse(JSON.stringify(r)).total.percent).toEqual(r.total.percent); // plain JSON round trip
  });

  it('mean of percentages over 4 criteria with 4-decimal points', () => {
    const maxima = [1.0007, 1.0009, 1.0037, 1.0039];
    const criteria = maxima.map((m, ci) => ({
      id: `c${ci}`,
      items: [binary(`a${ci}`, 1), binary(`b${ci}`, Math.round((m - 1) * 1e4) / 1e4)],
    }));
    const set = oneSection(criteria, {
      aggregation: 'mean-of-percentages',
      passRules: [{ kind: 'total-percent-at-least', percent: 99.9 }],
    });
    const r = run(
      set,
      Object.fromEntries(
        criteria.flatMap((c) => [
          [c.items[0]!.id, 'met'],
          [c.items[1]!.id, 'not-met'],
        ]),
      ),
    );
    // each criterion: 100 × 1 / (1 + k/10^4) = 10^6 / (10^4 + k); mean of the four
    const ks = [7n, 9n, 37n, 39n];
    const D = ks.reduce((a, k) => a * (10000n + k), 1n);
    expect(big(r.total.percent!)).toBe(
      bigFraction(
        ks.reduce((a, k) => a + (1000000n * D) / (10000n + k), 0n),
        4n * D,
      ),
    );
    expect(r.decision).toBe('fail'); // (99.930 + 99.910 + 99.631 + 99.611) / 4 = 99.77 %, below 99.9
    expect(r.total.display.percent).toBe('99.8'); // 99.77…, rounded (and < 99.9, as decided)
  });

  it('sum over sum with decimal weights near the schema maximum', () => {
    const set = makeSet([
      {
        id: 's',
        weight: 999999.9999,
        criteria: [
          { id: 'c1', weight: 999999.9999, items: [binary('a', 999999.9999), binary('b', 0.0001)] },
          { id: 'c2', weight: 0.0003, items: [binary('c', 1)] },
        ],
      },
    ]);
    const r = run(set, { a: 'met', b: 'not-met', c: 'met' });
    const w = 9999999999n; // 999999.9999 × 10^4
    // points = w_s (w_c1 × a + w_c2 × c), max = w_s (w_c1 × (a + b) + w_c2 × 1), all in units of 10^-4
    const pts = w * (w * w + 3n * 10n ** 4n); // × 10^-12
    const max = w * (w * (w + 1n) + 3n * 10n ** 4n);
    expect(typeof r.total.points.num).toBe('string'); // beyond a JSON number: digits, never rounded
    expect(big(r.total.points)).toBe(bigFraction(pts, 10n ** 12n));
    expect(big(r.total.max)).toBe(bigFraction(max, 10n ** 12n));
    expect(big(r.total.percent!)).toBe(bigFraction(100n * pts, max));
  });

  it('weights and points at the schema maximum (10^6): validation and scoring both succeed', () => {
    const set = makeSet(
      [{ id: 's', weight: 1e6, criteria: [{ id: 'c', weight: 1e6, items: [binary('a', 1e6), binary('b', 1e6)] }] }],
      { maxPoints: 2e18 as number },
    );
    expect(codes(JSON.parse(JSON.stringify({ ...set, scoring: { ...set.scoring, maxPoints: undefined } })))).toEqual(
      [],
    );
    const plain = makeSet([
      { id: 's', weight: 1e6, criteria: [{ id: 'c', weight: 1e6, items: [binary('a', 1e6), binary('b', 1e6)] }] },
    ]);
    const r = run(plain, { a: 'met', b: 'not-met' });
    expect(r.total.points).toEqual({ num: '1000000000000000000', den: 1 });
    expect(r.total.max).toEqual({ num: '2000000000000000000', den: 1 });
    expect(r.total.percent).toEqual({ num: 50, den: 1 });
    expect(r.total.display.points).toBe('1000000000000000000');
  });
});

describe('what the scorer cannot read exactly is refused by validation, with its place', () => {
  it('a mean-level threshold with 5 decimals', () => {
    const set = oneSection(
      [
        {
          id: 'c',
          items: [
            { ...binary('e1', 0), response: { kind: 'binary' }, level: 1 },
            { ...binary('e2', 0), response: { kind: 'binary' }, level: 2 },
          ],
        },
      ],
      {
        model: 'levels',
        levels: 2,
        passRules: [{ kind: 'mean-level-at-least', level: 1.99999 }],
      },
    );
    expect(codes(set)).toEqual(['set.decimals /scoring/passRules/0/level']);
    expect(score(set, assess(set, { e1: 'met', e2: 'met' })).ok).toBe(false);
  });
  it('numeric band minimums and numeric min / max with 5 decimals', () => {
    const item = {
      ...binary('n', 0),
      response: {
        kind: 'numeric' as const,
        min: 0.00001,
        max: 10.00001,
        bands: [
          { min: 0.00001, points: 0 },
          { min: 5.00001, points: 1 },
        ],
      },
    };
    expect(codes(oneSection([{ id: 'c', items: [item] }]))).toEqual([
      'set.decimals /sections/0/criteria/0/items/0/response/min',
      'set.decimals /sections/0/criteria/0/items/0/response/max',
      'set.decimals /sections/0/criteria/0/items/0/response/bands/0/min',
      'set.decimals /sections/0/criteria/0/items/0/response/bands/1/min',
    ]);
  });
  it('a set beyond the size limits (10,000 items)', () => {
    const items = Array.from({ length: 10_001 }, (_, i) => binary(`i${i}`, 1));
    const criteria = Array.from({ length: 21 }, (_, c) => ({
      id: `c${c}`,
      items: items.slice(c * 500, c * 500 + 500),
    }));
    expect(codes(oneSection(criteria))).toEqual(['set.too-many-items /sections']);
  });
  it('an assessment of a facility kind the set does not apply to, or without the zone the set needs', () => {
    const set = makeSet([
      { id: 's', criteria: [{ id: 'c', items: [binary('a', 1), binary('z', 1, { applicableZones: ['3'] })] }] },
    ]);
    const hospitalOnly = {
      ...set,
      applicability: { facilityKinds: ['hospital' as const], zones: ['1' as const, '2' as const, '3' as const] },
    };
    const wrongKind = score(hospitalOnly, assess(hospitalOnly, { a: 'met' }));
    expect(wrongKind.ok ? [] : wrongKind.errors.map((e) => `${e.code} ${e.pointer}`)).toEqual([
      'answer.facility-kind /facility/kind',
    ]);
    const noZone = assess(set, { a: 'met' }, { id: 'f', name: 'Trạm', kind: 'commune-station' });
    const r = validateAssessment(noZone, set);
    expect(r.ok ? [] : r.errors.map((e) => `${e.code} ${e.pointer}`)).toEqual(['answer.zone-missing /facility']);
    expect(score(set, noZone).ok).toBe(false);
  });
});

describe('plural-aware messages in both languages', () => {
  const set = oneSection([{ id: 'c', items: [binary('a', 1), binary('b', 1), binary('x', 1, { naAllowed: true })] }]);
  it('says "1 item" and "2 items"', () => {
    const one = run(set, { a: 'met', b: { unassessed: 'locked room' }, x: 'met' });
    expect(one.reasons.map((m) => m.en)).toEqual(['1 item could not be assessed: “Chỉ tiêu b”']);
    const two = run(set, { x: 'met' });
    expect(two.reasons.map((m) => m.en)).toEqual(['2 items not yet answered: “Chỉ tiêu a”, “Chỉ tiêu b”']);
    expect(two.reasons.map((m) => m.vi)).toEqual(['Còn 2 chỉ tiêu chưa trả lời: “Chỉ tiêu a”, “Chỉ tiêu b”']);
  });
  it('words the allowed numbers in Vietnamese, with a decimal comma', () => {
    const num = oneSection([
      {
        id: 'c',
        items: [
          {
            ...binary('n', 0),
            response: {
              kind: 'numeric',
              min: 0.5,
              max: 10,
              bands: [
                { min: 0.5, points: 0 },
                { min: 5, points: 1 },
              ],
            },
          },
        ],
      },
    ]);
    const r = score(num, assess(num, { n: 11 }));
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      {
        vi: 'Giá trị 11 không hợp lệ cho chỉ tiêu "n"; cho phép: một số ≥ 0,5 và ≤ 10',
        en: 'Value 11 is not valid for item "n"; allowed: a number ≥ 0.5 and ≤ 10',
      },
    ]);
  });
  it('compares exact values of both forms', () => {
    expect(cmp(frac(10n ** 20n + 1n, 10n ** 20n), frac(1, 1))).toBe(1);
    expect(formatPercent(frac(10n ** 20n - 1n, 10n ** 18n))).toBe('100.0');
  });
});
