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
import {
  bothPercent,
  formatExact,
  formatLevel,
  formatPercent,
  formatPoints,
  formatPositive,
  formatThreshold,
  localizeDecimal,
  percentText,
} from '../src/format.js';

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
    expect(formatPercent(p, [int(80)])).toBe('79.96');
  });
  it('takes a percentage in one step exactly as 100 × part / whole in two (small, negative and huge values)', () => {
    const values = [
      int(0),
      int(7),
      int(-3),
      frac(1, 3),
      frac(-22, 7),
      frac(7996, 100),
      frac(2 ** 51, 3),
      frac(3, 2 ** 51),
      { num: '123456789012345678901', den: 7 },
    ];
    for (const a of values)
      for (const b of values) {
        if (b.num === 0) continue;
        expect(percentOf(a, b)).toEqual(mul(div(a, b), int(100)));
      }
    expect(percentOf(int(1), int(3))).toEqual({ num: 100, den: 3 });
    expect(() => percentOf(int(1), int(0))).toThrow(/zero/);
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
    expect(formatExact(mul(x, int(10 ** 12)), 2)).toBe('2.09'); // 0.909… + 1.180… = 2.0899…, rounded
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

describe('display rounding (one place, half up with the threshold safeguard: ADR 0010)', () => {
  it('rounds half away from zero as spreadsheets do', () => {
    expect(formatPercent(frac(800, 9))).toBe('88.9'); // 8/9 = 88.88… %
    expect(formatExact(frac(2, 3), 2)).toBe('0.67');
    expect(formatExact(frac(1, 8), 2)).toBe('0.13'); // 0.125: the half goes up
    expect(formatExact(frac(-1, 8), 2)).toBe('-0.13'); // and away from zero below it
    expect(formatExact(frac(-5, 3), 1)).toBe('-1.7');
    expect(formatExact(frac(-1, 30), 1)).toBe('0'); // -0.033… shows as 0, never "-0"
    expect(formatPercent(int(80))).toBe('80.0');
    expect(formatPoints(frac(171, 2))).toBe('85.5');
    expect(formatPoints(int(14))).toBe('14');
  });
  it('shows the 6858 mean level as the published results do: 394/89 → 4.43', () => {
    expect(formatLevel(frac(394, 89))).toBe('4.43'); // 4.4269…
  });
  it('shows more digits where rounding would cross a threshold the exact value is on the other side of', () => {
    const p = frac(1999, 25); // 79.96 %
    expect(formatPercent(p)).toBe('80.0'); // no threshold in play: rounded as usual
    expect(formatPercent(p, [int(80)])).toBe('79.96'); // against an 80 % rule: agrees with "below 80 %"
    expect(formatPercent(frac(79999, 1000), [int(80)])).toBe('79.999');
    expect(formatPercent(frac(800, 9), [int(80)])).toBe('88.9'); // far from the threshold: one decimal
    expect(formatPercent(frac(1999, 25), [int(50), fromDecimal(79.95)])).toBe('80.0'); // 79.96 ≥ 79.95: agrees
    // At or above a threshold with more decimals than shown: rounding down must not show it below.
    expect(formatPercent(fromDecimal(79.94), [fromDecimal(79.93)])).toBe('79.94');
    expect(formatLevel(frac(399, 100), [int(4)])).toBe('3.99');
    expect(formatLevel(frac(3999, 1000), [int(4)])).toBe('3.999');
  });
  it('never shows a positive shortfall as zero', () => {
    expect(formatPositive(frac(1, 5))).toBe('0.2');
    expect(formatPositive(frac(1, 25))).toBe('0.04'); // 80 − 79.96
    expect(formatPositive(frac(1, 3000))).toBe('0.0003');
  });
  it('writes Vietnamese with a decimal comma and English with a point', () => {
    expect(localizeDecimal('82.8', 'vi')).toBe('82,8');
    expect(localizeDecimal('82.8', 'en')).toBe('82.8');
    expect(percentText('33.3', 'vi')).toBe('33,3 %');
    expect(percentText('33.3', 'en')).toBe('33.3%');
    expect(bothPercent('50')).toEqual({ vi: '50 %', en: '50%' });
    expect(formatThreshold(fromDecimal(79.95))).toBe('79.95');
    expect(formatThreshold(int(50))).toBe('50');
  });
  it('handles values too large for the double fast path', () => {
    expect(formatExact(frac(Number.MAX_SAFE_INTEGER, 7), 2)).toBe('1286742750677284.43');
    expect(formatPercent(frac(10n ** 20n - 1n, 10n ** 18n), [int(100)])).toBe(`99.${'9'.repeat(18)}`); // 100 − 10^-18
  });
});
