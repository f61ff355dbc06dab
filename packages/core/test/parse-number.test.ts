import { describe, expect, it } from 'vitest';
import { formatLocaleNumber, parseLocaleNumber } from '../src/parse-number.js';

const n = (value: number, decimals: number) => ({ kind: 'number', value, decimals });

describe('parseLocaleNumber (Vietnamese: decimal comma)', () => {
  it('reads a decimal comma and a decimal point alike', () => {
    expect(parseLocaleNumber('9,5', 'vi')).toEqual(n(9.5, 1));
    expect(parseLocaleNumber('9.5', 'vi')).toEqual(n(9.5, 1));
    expect(parseLocaleNumber('92,5', 'vi')).toEqual(n(92.5, 1));
    expect(parseLocaleNumber(' 0,25 ', 'vi')).toEqual(n(0.25, 2));
    expect(parseLocaleNumber(',5', 'vi')).toEqual(n(0.5, 1));
    expect(parseLocaleNumber('0.500', 'vi')).toEqual(n(0.5, 3));
  });
  it('reads dot-grouped thousands with a decimal comma', () => {
    expect(parseLocaleNumber('1.500,5', 'vi')).toEqual(n(1500.5, 1));
    expect(parseLocaleNumber('1.500.000', 'vi')).toEqual(n(1500000, 0));
    expect(parseLocaleNumber('1 500', 'vi')).toEqual(n(1500, 0));
  });
  it('asks when one dot before three digits reads both ways', () => {
    expect(parseLocaleNumber('1.500', 'vi')).toEqual({ kind: 'ambiguous', readings: [1500, 1.5] });
    expect(parseLocaleNumber('100.000', 'vi')).toEqual({ kind: 'ambiguous', readings: [100000, 100] });
    expect(parseLocaleNumber('-2.250', 'vi')).toEqual({ kind: 'ambiguous', readings: [-2250, -2.25] });
  });
  it('refuses what it would have to guess, never dropping a separator', () => {
    for (const s of ['9,5,1', '1.50.0', '1.5,5', '9,5.', 'abc', '1e3', '1 50', '--1', '.', ',', '12%', '0x10'])
      expect(parseLocaleNumber(s, 'vi'), s).toEqual({ kind: 'invalid' });
  });
  it('says empty for blank text', () => {
    expect(parseLocaleNumber('  ', 'vi')).toEqual({ kind: 'empty' });
  });
});

describe('parseLocaleNumber (English: decimal point)', () => {
  it('reads a decimal point and comma-grouped thousands', () => {
    expect(parseLocaleNumber('9.5', 'en')).toEqual(n(9.5, 1));
    expect(parseLocaleNumber('1,500', 'en')).toEqual(n(1500, 0));
    expect(parseLocaleNumber('1,500.25', 'en')).toEqual(n(1500.25, 2));
    expect(parseLocaleNumber('-3', 'en')).toEqual(n(-3, 0));
  });
  it('refuses a comma that does not group three digits (9,5 is not 95)', () => {
    expect(parseLocaleNumber('9,5', 'en')).toEqual({ kind: 'invalid' });
    expect(parseLocaleNumber('92,5', 'en')).toEqual({ kind: 'invalid' });
    expect(parseLocaleNumber('1.5.0', 'en')).toEqual({ kind: 'invalid' });
  });
});

describe('formatLocaleNumber', () => {
  it('writes the convention of the language, without rounding', () => {
    expect(formatLocaleNumber(9.5, 'vi')).toBe('9,5');
    expect(formatLocaleNumber(1500.5, 'vi')).toBe('1.500,5');
    expect(formatLocaleNumber(1500.5, 'en')).toBe('1,500.5');
    expect(formatLocaleNumber(-0.125, 'vi')).toBe('-0,125');
    expect(formatLocaleNumber(100, 'vi')).toBe('100');
  });
  it('reads back what it writes (outside the ambiguous dot case)', () => {
    for (const v of [0, 1, 9.5, 92.5, 1234567.75, -42.0625, 0.1, 100]) {
      for (const l of ['vi', 'en'] as const) {
        const r = parseLocaleNumber(formatLocaleNumber(v, l), l);
        expect(r.kind === 'number' ? r.value : r.kind === 'ambiguous' ? r.readings[0] : NaN, `${v} ${l}`).toBe(v);
      }
    }
  });
});
