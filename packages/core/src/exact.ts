/**
 * Exact rational arithmetic for scores.
 *
 * Scores decide which station wins a contest, so every decision compares exact fractions: 79.96 % is below
 * 80 % however it would be rounded. Values are `{ num, den }` in lowest terms with `den > 0`. Each field is a
 * JSON number when it is a safe integer (|x| ≤ 2^53 − 1) and otherwise a string of decimal digits, so a value
 * is never rounded and a result document stays plain JSON (see docs/decisions/0006-scoring-engine-ii.md).
 * Arithmetic runs on plain numbers while every intermediate stays a safe integer (the common case: integer and
 * half points) and otherwise falls back to BigInt exactly: no operation throws for overflow.
 *
 * Exact values in results are shared and must be treated as read-only.
 */
import type { Exact } from './generated/types.js';

export type { Exact };

const SMALL_MIN = -16;
const SMALL = Array.from({ length: 1024 - SMALL_MIN + 1 }, (_, i): Exact =>
  Object.freeze({ num: i + SMALL_MIN, den: 1 }),
);

/** The integer `n` as an exact value (small integers are shared). */
export function int(n: number): Exact {
  if (n >= SMALL_MIN && n <= 1024 && Number.isInteger(n)) return SMALL[n - SMALL_MIN]!;
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a safe integer: ${n}`); // a programming error
  return { num: n, den: 1 };
}

export const ZERO = int(0);
export const ONE = int(1);
export const HUNDRED = int(100);

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  while (b) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

function bgcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b) [a, b] = [b, a % b];
  return a;
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
/** A bigint as the JSON form of one field: a number when it is a safe integer, else its decimal digits. */
const field = (x: bigint): number | string => (x <= MAX && x >= -MAX ? Number(x) : x.toString());
/** A field as a bigint (exact for both forms). */
const big = (x: number | string): bigint => BigInt(x);
/** Both fields are plain numbers (so safe integers, by the invariant): the fast path applies. */
const small = (x: Exact): x is SmallExact => typeof x.num === 'number' && typeof x.den === 'number';

/** An exact value whose numerator and denominator are both safe integers. */
export interface SmallExact {
  num: number;
  den: number;
}

function fromBig(n: bigint, d: bigint): Exact {
  if (d < 0n) [n, d] = [-n, -d];
  const g = bgcd(n, d) || 1n;
  n /= g;
  d /= g;
  const num = field(n);
  const den = field(d);
  if (den === 1 && typeof num === 'number') return int(num);
  return { num, den };
}

/** num/den reduced to lowest terms. Throws on a zero denominator (a programming error). */
export function frac(num: number | string | bigint, den: number | string | bigint): Exact {
  if (typeof num !== 'number' || typeof den !== 'number' || !Number.isSafeInteger(num) || !Number.isSafeInteger(den)) {
    const d = BigInt(den);
    if (d === 0n) throw new RangeError('Division by zero');
    return fromBig(BigInt(num), d);
  }
  if (den === 0) throw new RangeError('Division by zero');
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den) || 1;
  return den === g ? int(num / g) : { num: num / g, den: den / g };
}

/**
 * A decimal from a criteria file (at most 4 decimals, as the schema documents) as an exact value:
 * 0.25 becomes 1/4. Throws when the number has more decimals than that (validation refuses such a file first,
 * so the scorer never meets one).
 */
export function fromDecimal(x: number): Exact {
  if (Number.isSafeInteger(x)) return int(x);
  if (!isDecimal4(x)) throw new RangeError(`More than 4 decimals: ${x}`);
  return frac(Math.round(x * 10000), 10000);
}

/** True when `x` has at most 4 decimals (and so is read exactly by {@link fromDecimal}). */
export function isDecimal4(x: number): boolean {
  if (!Number.isFinite(x)) return false;
  const scaled = Math.round(x * 10000);
  return Number.isSafeInteger(scaled) && Math.abs(scaled / 10000 - x) <= 1e-12 * Math.max(1, Math.abs(x));
}

/** a + b, exact. Never throws: past the safe-integer range the fields become digit strings. */
export function add(a: Exact, b: Exact): Exact {
  if (small(a) && small(b)) {
    if (a.den === 1 && b.den === 1) {
      const s = a.num + b.num;
      if (Number.isSafeInteger(s)) return int(s);
    } else if (a.den === b.den) {
      const s = a.num + b.num;
      if (Number.isSafeInteger(s)) return frac(s, a.den);
    }
    const l = a.num * b.den;
    const r = b.num * a.den;
    const d = a.den * b.den;
    if (Number.isSafeInteger(l) && Number.isSafeInteger(r) && Number.isSafeInteger(d) && Number.isSafeInteger(l + r))
      return frac(l + r, d);
  }
  return fromBig(big(a.num) * big(b.den) + big(b.num) * big(a.den), big(a.den) * big(b.den));
}

/** -a, exact. */
export function neg(a: Exact): Exact {
  if (typeof a.num === 'number') return a.den === 1 ? int(-a.num) : { num: -a.num, den: a.den };
  return { num: field(-big(a.num)), den: a.den };
}

/** a − b, exact. */
export function sub(a: Exact, b: Exact): Exact {
  return add(a, neg(b));
}

/** a × b, exact. */
export function mul(a: Exact, b: Exact): Exact {
  if (small(a) && small(b)) {
    const n = a.num * b.num;
    const d = a.den * b.den;
    if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return d === 1 ? int(n) : frac(n, d);
  }
  return fromBig(big(a.num) * big(b.num), big(a.den) * big(b.den));
}

/** a / b. Throws when b is zero (callers check: dividing by zero is a programming error). */
export function div(a: Exact, b: Exact): Exact {
  if (b.num === 0) throw new RangeError('Division by zero');
  if (small(b)) return mul(a, b.num < 0 ? { num: -b.den, den: -b.num } : { num: b.den, den: b.num });
  return mul(a, fromBig(big(b.den), big(b.num)));
}

/** -1, 0 or 1 as a is less than, equal to or greater than b; exact. */
export function cmp(a: Exact, b: Exact): -1 | 0 | 1 {
  if (small(a) && small(b)) {
    if (a.den === b.den) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
    const l = a.num * b.den;
    const r = b.num * a.den;
    if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l < r ? -1 : l > r ? 1 : 0;
  }
  const bl = big(a.num) * big(b.den);
  const br = big(b.num) * big(a.den);
  return bl < br ? -1 : bl > br ? 1 : 0;
}

/** -1, 0 or 1: the sign of `a`. */
export function sign(a: Exact): -1 | 0 | 1 {
  if (typeof a.num === 'number') return a.num < 0 ? -1 : a.num > 0 ? 1 : 0;
  return a.num.startsWith('-') ? -1 : 1; // a digit string is never zero (0 is a safe integer)
}

/** True when `a` is zero. */
export const isZero = (a: Exact): boolean => a.num === 0;

/** Equality of two values in lowest terms (the invariant of every value made here). */
export const eq = (a: Exact, b: Exact): boolean => a.num === b.num && a.den === b.den;

/** 100 x part / whole: a percentage as an exact value. */
export function percentOf(part: Exact, whole: Exact): Exact {
  if (small(part) && small(whole) && whole.num !== 0) {
    // One reduction instead of two intermediate values (the scorer takes a percentage of every node).
    const n = part.num * 100 * whole.den;
    const d = part.den * whole.num;
    if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return frac(n, d);
  }
  return mul(div(part, whole), HUNDRED);
}

/** The nearest double (about), for charts and sorting only: never for a decision. */
export function toNumber(x: Exact): number {
  if (small(x)) return x.num / x.den;
  // 2^-60 resolution is ample for a chart; the quotient of two huge numbers is taken before converting.
  const SCALE = 1n << 60n;
  return Number((big(x.num) * SCALE) / big(x.den)) / Number(SCALE);
}

/** "num/den", or "num" for an integer: the form used in expected-result files. */
export function toFractionString(x: Exact): string {
  return x.den === 1 ? String(x.num) : `${x.num}/${x.den}`;
}

/** Parses "num/den" or "num" (or a decimal like "12.5") into an exact value. */
export function parseFraction(s: string): Exact {
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(s.trim());
  if (m) return frac(BigInt(m[1]!), m[2] === undefined ? 1n : BigInt(m[2]));
  const x = Number(s);
  if (Number.isFinite(x) && isDecimal4(x)) return fromDecimal(x);
  throw new SyntaxError(`Not a fraction: "${s}"`);
}
