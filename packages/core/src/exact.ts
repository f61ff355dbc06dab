/**
 * Exact rational arithmetic for scores.
 *
 * Scores decide which station wins a contest, so every decision compares exact fractions: 79.96 % is below
 * 80 % however it would be rounded. Values are `{ num, den }` in lowest terms with `den > 0`. Arithmetic runs
 * on plain numbers while they stay safe integers (the common case: integer and half points) and falls back
 * to BigInt, reducing the result, when an intermediate would overflow.
 *
 * Exact values in results are shared and must be treated as read-only.
 */
import type { Exact } from './generated/types.js';

export type { Exact };

const SMALL_MIN = -16;
const SMALL = Array.from({ length: 1024 - SMALL_MIN + 1 }, (_, i): Exact => Object.freeze({ num: i + SMALL_MIN, den: 1 }));

/** The integer `n` as an exact value (small integers are shared). */
export function int(n: number): Exact {
  if (n >= SMALL_MIN && n <= 1024 && Number.isInteger(n)) return SMALL[n - SMALL_MIN]!;
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a safe integer: ${n}`);
  return { num: n, den: 1 };
}

export const ZERO = int(0);
export const ONE = int(1);
export const HUNDRED = int(100);

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  while (b) [a, b] = [b, a % b];
  return a;
}

function bgcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function fromBig(n: bigint, d: bigint): Exact {
  if (d < 0n) [n, d] = [-n, -d];
  const g = bgcd(n, d) || 1n;
  n /= g;
  d /= g;
  const num = Number(n);
  const den = Number(d);
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) {
    throw new RangeError(`Score arithmetic exceeded the exact range (${n}/${d})`);
  }
  return den === 1 ? int(num) : { num, den };
}

/** num/den reduced to lowest terms. Throws on a zero denominator. */
export function frac(num: number, den: number): Exact {
  if (den === 0) throw new RangeError('Division by zero');
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return fromBig(BigInt(num), BigInt(den));
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den) || 1;
  return den === g ? int(num / g) : { num: num / g, den: den / g };
}

/**
 * A decimal from a criteria file (at most 4 decimals, as the schema documents) as an exact value:
 * 0.25 becomes 1/4. Throws when the number has more decimals than that (validation reports it first).
 */
export function fromDecimal(x: number): Exact {
  if (Number.isInteger(x)) return int(x);
  const scaled = Math.round(x * 10000);
  if (Math.abs(scaled / 10000 - x) > 1e-12 * Math.max(1, Math.abs(x))) {
    throw new RangeError(`More than 4 decimals: ${x}`);
  }
  return frac(scaled, 10000);
}

/** True when `x` has at most 4 decimals (and so is read exactly by {@link fromDecimal}). */
export function isDecimal4(x: number): boolean {
  if (!Number.isFinite(x)) return false;
  const scaled = Math.round(x * 10000);
  return Math.abs(scaled / 10000 - x) <= 1e-12 * Math.max(1, Math.abs(x)) && Number.isSafeInteger(scaled);
}

export function add(a: Exact, b: Exact): Exact {
  if (a.den === 1 && b.den === 1) {
    const s = a.num + b.num;
    if (Number.isSafeInteger(s)) return int(s);
  } else if (a.den === b.den) {
    const s = a.num + b.num;
    if (Number.isSafeInteger(s)) return frac(s, a.den);
  }
  const n = a.num * b.den + b.num * a.den;
  const d = a.den * b.den;
  if (Number.isSafeInteger(n) && Number.isSafeInteger(d) && Number.isSafeInteger(a.num * b.den) && Number.isSafeInteger(b.num * a.den)) {
    return frac(n, d);
  }
  return fromBig(BigInt(a.num) * BigInt(b.den) + BigInt(b.num) * BigInt(a.den), BigInt(a.den) * BigInt(b.den));
}

export function sub(a: Exact, b: Exact): Exact {
  return add(a, { num: -b.num, den: b.den });
}

export function mul(a: Exact, b: Exact): Exact {
  if (a.den === 1 && b.den === 1) {
    const p = a.num * b.num;
    if (Number.isSafeInteger(p)) return int(p);
  }
  const n = a.num * b.num;
  const d = a.den * b.den;
  if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return frac(n, d);
  return fromBig(BigInt(a.num) * BigInt(b.num), BigInt(a.den) * BigInt(b.den));
}

/** a / b. Throws when b is zero. */
export function div(a: Exact, b: Exact): Exact {
  if (b.num === 0) throw new RangeError('Division by zero');
  return mul(a, { num: b.den, den: b.num });
}

/** -1, 0 or 1 as a is less than, equal to or greater than b; exact. */
export function cmp(a: Exact, b: Exact): -1 | 0 | 1 {
  if (a.den === b.den) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  const l = a.num * b.den;
  const r = b.num * a.den;
  if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l < r ? -1 : l > r ? 1 : 0;
  const bl = BigInt(a.num) * BigInt(b.den);
  const br = BigInt(b.num) * BigInt(a.den);
  return bl < br ? -1 : bl > br ? 1 : 0;
}

export const eq = (a: Exact, b: Exact): boolean => a.num === b.num && a.den === b.den;

/** 100 x part / whole: a percentage as an exact value. */
export function percentOf(part: Exact, whole: Exact): Exact {
  return mul(div(part, whole), HUNDRED);
}

/** The nearest double, for charts and sorting only: never for a decision. */
export function toNumber(x: Exact): number {
  return x.num / x.den;
}

/** "num/den", or "num" for an integer: the form used in expected-result files. */
export function toFractionString(x: Exact): string {
  return x.den === 1 ? String(x.num) : `${x.num}/${x.den}`;
}

/** Parses "num/den" or "num" (or a decimal like "12.5") into an exact value. */
export function parseFraction(s: string): Exact {
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(s.trim());
  if (m) return frac(Number(m[1]), m[2] === undefined ? 1 : Number(m[2]));
  const x = Number(s);
  if (Number.isFinite(x) && isDecimal4(x)) return fromDecimal(x);
  throw new SyntaxError(`Not a fraction: "${s}"`);
}
