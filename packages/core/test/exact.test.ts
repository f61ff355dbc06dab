import { describe, expect, it } from 'vitest';
import {
  add,
  cmp,
  div,
  frac,
  fromDecimal,
  mul,
  percentOf,
  int,
  parseFraction,
  sub,
  toFractionString,
} from '../src/exact.js';
import { formatExact, formatPercent, formatPoints } from '../src/format.js';

describe('exact fractions', () => {
  it('reduces to lowest terms with a positive denominator', () => {
    expect(frac(6, -4)).toEqual({ num: -3, den: 2 });
    expect(frac(0, 7)).toEqual({ num: 0, den: 1 });
  });
  it('reads decimals from criteria files exactly', () => {
    expect(fromDecimal(0.25)).toEqual({ num: 1, den: 4 });
    expect(fromDecimal(0.1)).toEqual({ num: 1, den: 10 });
    expect(fromDecimal(12.5)).toEqual({ num: 25, den: 2 });
    expect(() => fromDecimal(0.123456)).toThrow(/4 decimals/);
  });
  it('adds one tenth three times to exactly three tenths (unlike floating point)', () => {
    const t = fromDecimal(0.1);
    expect(add(add(t, t), t)).toEqual(fromDecimal(0.3));
    expect(0.1 + 0.1 + 0.1).not.toBe(0.3);
  });
  it('compares 79.96 % as below 80 % however it would be rounded', () => {
    // 7996/100 points out of 100 -> 79.96 %
    const p = percentOf(frac(7996, 100), int(100));
    expect(cmp(p, int(80))).toBe(-1);
    expect(formatPercent(p)).toBe('79.9');
  });
  it('falls back to BigInt when an intermediate would overflow, and reduces the result', () => {
    const big = frac(2 ** 52, 3);
    const r = mul(big, frac(3, 2 ** 52));
    expect(r).toEqual({ num: 1, den: 1 });
    // 2^50/3 + 2^50/6: the cross products overflow doubles, the sum 2^49 does not.
    expect(add(frac(2 ** 50, 3), frac(2 ** 50, 6))).toEqual({ num: 2 ** 49, den: 1 });
    // Beyond the safe-integer range the fields become digit strings: exact, never rounded, never an error.
    const x = add(frac(1, 2 ** 40), frac(1, 3 ** 25));
    expect(x).toEqual({ num: Number(2n ** 40n + 3n ** 25n), den: String(2n ** 40n * 3n ** 25n) });
    expect(sub(x, frac(1, 2 ** 40))).toEqual(frac(1, 3 ** 25));
    expect(cmp(x, frac(1, 2 ** 40))).toBe(1);
    expect(formatExact(mul(x, int(10 ** 12)), 2)).toBe('2.08'); // 0.909… + 1.180…, truncated
  });
  it('divides and refuses division by zero', () => {
    expect(div(int(3), int(4))).toEqual({ num: 3, den: 4 });
    expect(() => div(int(1), int(0))).toThrow(/zero/);
  });
  it('parses and prints the fraction strings of expected-result files', () => {
    expect(parseFraction('171/2')).toEqual({ num: 171, den: 2 });
    expect(parseFraction('86')).toEqual({ num: 86, den: 1 });
    expect(parseFraction('12.5')).toEqual({ num: 25, den: 2 });
    expect(toFractionString(frac(342, 4))).toBe('171/2');
    expect(() => parseFraction('abc')).toThrow();
  });
});

describe('display rounding (one place, truncation)', () => {
  it('truncates so a shown value never overstates the exact one', () => {
    expect(formatExact(frac(2, 3), 2)).toBe('0.66');
    expect(formatPercent(frac(1999, 25))).toBe('79.9'); // 79.96
    expect(formatPercent(int(80))).toBe('80.0');
    expect(formatPoints(frac(171, 2))).toBe('85.5');
    expect(formatPoints(int(14))).toBe('14');
    expect(formatExact(frac(-5, 3), 1)).toBe('-1.6');
  });
  it('handles values too large for the double fast path', () => {
    expect(formatExact(frac(Number.MAX_SAFE_INTEGER, 7), 2)).toBe('1286742750677284.42');
  });
});
