/**
 * Numbers typed by a person, read in their language's convention, without ever dropping a separator silently.
 *
 * Vietnamese writes a decimal comma and groups thousands with a dot ("1.500,5"); English does the reverse
 * ("1,500.5"). People in the field type both, so in Vietnamese a dot is also read as a decimal point ("9.5" is
 * 9.5) — except where it could just as well group thousands: "1.500" is then *ambiguous* and the caller must
 * ask which one was meant. Nothing else is guessed: a text that is not a number in the convention is refused.
 */

/** What a typed number means. */
export type ParsedNumber =
  /** Empty text (only spaces): no value. */
  | { kind: 'empty' }
  /** One reading: `value`, with `decimals` digits after the decimal separator. */
  | { kind: 'number'; value: number; decimals: number }
  /** Two readings the text allows (thousands group or decimal): ask which one. */
  | { kind: 'ambiguous'; readings: [number, number] }
  /** Not a number in this convention. */
  | { kind: 'invalid' };

/** Languages whose convention {@link parseLocaleNumber} knows. */
export type NumberLocale = 'vi' | 'en';

const SPACES = /[\s\u00a0\u202f]/g;
const HAS_SPACE = /[\s\u00a0\u202f]/;

/** Digits, then optional groups of exactly three digits after a separator: "1.500.000". */
const grouped = (s: string, sep: string): boolean => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(s);

const num = (intDigits: string, fracDigits: string, negative: boolean): ParsedNumber => {
  const value = Number(`${negative ? '-' : ''}${intDigits}${fracDigits ? `.${fracDigits}` : ''}`);
  return Number.isFinite(value)
    ? { kind: 'number', value: value === 0 ? 0 : value, decimals: fracDigits.length }
    : { kind: 'invalid' };
};

/**
 * Reads a number typed in `locale`'s convention.
 *
 * Vietnamese (`vi`): "9,5" and "9.5" are 9.5; "1.500,5" is 1500.5; "1.500.000" is 1500000; "1.500" is
 * ambiguous (1500 or 1.5). English (`en`): "9.5" is 9.5; "1,500" and "1,500.5" group thousands; "9,5" is
 * invalid (a comma that does not group three digits is never dropped). Spaces group thousands in both.
 * A leading "-" or "+" is allowed; exponents, letters and several decimal separators are not.
 *
 * @example parseLocaleNumber('92,5', 'vi') // { kind: 'number', value: 92.5, decimals: 1 }
 * @example parseLocaleNumber('1.500', 'vi') // { kind: 'ambiguous', readings: [1500, 1.5] }
 */
export function parseLocaleNumber(text: string, locale: NumberLocale): ParsedNumber {
  let s = text.trim();
  if (s === '') return { kind: 'empty' };
  let negative = false;
  if (s[0] === '-' || s[0] === '+' || s[0] === '\u2212') {
    negative = s[0] !== '+';
    s = s.slice(1);
  }
  // Spaces group thousands in both conventions ("1 500"), but only between groups of three digits.
  if (HAS_SPACE.test(s)) {
    const head = s.split(/[.,]/)[0]!;
    if (!/^\d{1,3}([\s\u00a0\u202f]\d{3})+$/.test(head)) return { kind: 'invalid' };
    s = s.replace(SPACES, '');
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { kind: 'invalid' };
  const dec = locale === 'vi' ? ',' : '.';
  const group = locale === 'vi' ? '.' : ',';
  const decAt = s.indexOf(dec);
  if (decAt !== -1) {
    // A decimal separator of the convention: what precedes it may group thousands, what follows is digits.
    if (s.indexOf(dec, decAt + 1) !== -1) return { kind: 'invalid' };
    const intPart = s.slice(0, decAt);
    const frac = s.slice(decAt + 1);
    if (!/^\d+$/.test(frac)) return { kind: 'invalid' };
    if (intPart.includes(group))
      return grouped(intPart, group) ? num(intPart.split(group).join(''), frac, negative) : { kind: 'invalid' };
    if (!/^\d*$/.test(intPart)) return { kind: 'invalid' };
    return num(intPart || '0', frac, negative);
  }
  if (!s.includes(group)) return num(s, '', negative);
  if (locale === 'en') return grouped(s, ',') ? num(s.split(',').join(''), '', negative) : { kind: 'invalid' };
  // Vietnamese with dots only: several dots group thousands; one dot is a decimal point, unless it is followed
  // by exactly three digits, which reads both ways.
  const parts = s.split('.');
  if (parts.length > 2) return grouped(s, '.') ? num(parts.join(''), '', negative) : { kind: 'invalid' };
  const [i, f] = parts as [string, string];
  if (!/^\d+$/.test(f) || !/^\d*$/.test(i)) return { kind: 'invalid' };
  if (f.length === 3 && /^\d{1,3}$/.test(i) && !/^0+$/.test(i)) {
    const asGroup = num(i + f, '', negative);
    const asDec = num(i, f, negative);
    if (asGroup.kind === 'number' && asDec.kind === 'number')
      return { kind: 'ambiguous', readings: [asGroup.value, asDec.value] };
  }
  return num(i || '0', f, negative);
}

/**
 * Writes a number in `locale`'s convention, as a person reads it: decimal comma and dot-grouped thousands in
 * Vietnamese ("1.500,5"), the reverse in English ("1,500.5"). Shows the digits JavaScript's shortest
 * round-trip form has (no rounding), so what is echoed is exactly what is stored.
 */
export function formatLocaleNumber(value: number, locale: NumberLocale): string {
  if (!Number.isFinite(value)) return String(value);
  const plain = Math.abs(value).toString();
  if (/e/i.test(plain)) return (value < 0 ? '-' : '') + plain;
  const [i, f] = plain.split('.') as [string, string | undefined];
  const group = locale === 'vi' ? '.' : ',';
  const dec = locale === 'vi' ? ',' : '.';
  const int = i.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${value < 0 ? '-' : ''}${int}${f ? dec + f : ''}`;
}
