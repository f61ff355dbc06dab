import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, parseDate, vietnamDate, vietnamToday } from '../src/index.js';

describe('dates in Vietnam time', () => {
  it('puts an instant on the Vietnam calendar day at the day boundary', () => {
    // 16:59:59Z is 23:59:59 in Vietnam; 17:00Z is midnight of the next day.
    expect(formatDate('2026-05-14T16:59:59Z')).toBe('14/05/2026');
    expect(formatDate('2026-05-14T17:00:00Z')).toBe('15/05/2026');
    expect(formatDateTime('2026-05-14T17:30:00Z')).toBe('15/05/2026 00:30');
    expect(formatDateTime('2026-05-15T00:30:00+07:00')).toBe('15/05/2026 00:30');
    expect(vietnamDate('2026-12-31T17:00:00Z')).toBe('2027-01-01');
  });

  it('does not depend on the time zone of the machine', () => {
    // The same instant written with another offset formats the same.
    expect(formatDateTime('2026-05-14T19:30:00+02:00')).toBe(formatDateTime('2026-05-14T17:30:00Z'));
    expect(vietnamToday(new Date('2026-05-14T18:00:00Z'))).toBe('2026-05-15');
  });

  it('shows a plain date as written and leaves non-dates alone', () => {
    expect(formatDate('2026-05-14')).toBe('14/05/2026');
    expect(formatDateTime('2026-05-14')).toBe('14/05/2026');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('sắp tới')).toBe('sắp tới');
  });

  it('reads typed dates and refuses impossible ones', () => {
    expect(parseDate('5/6/2027')).toBe('2027-06-05');
    expect(parseDate('05.06.2027')).toBe('2027-06-05');
    expect(parseDate('29/02/2028')).toBe('2028-02-29');
    expect(parseDate('31/02/2027')).toBeUndefined();
    expect(parseDate('2027-06-05')).toBeUndefined();
  });
});
