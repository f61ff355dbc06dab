/**
 * Display rounding, in one place. Decisions never use these strings: they compare exact fractions.
 *
 * Numbers are TRUNCATED toward zero (not rounded half-up) so that a displayed value never overstates the
 * exact one: a percentage shown as "80.0" is truly at least 80 %, and 79.96 % shows as "79.9", matching the
 * decision "below 80 %". Integers show without decimals.
 */
import type { Exact } from './exact.js';

/** `x` with at most `decimals` decimals, truncated toward zero; trailing zeros kept only for percentages. */
export function formatExact(x: Exact, decimals = 2, keepZeros = false): string {
  if (x.den === 1) return keepZeros && decimals > 0 ? `${x.num}.${'0'.repeat(decimals)}` : String(x.num);
  const pow = 10 ** decimals;
  if (typeof x.num === 'number' && typeof x.den === 'number' && Number.isSafeInteger(Math.abs(x.num) * pow)) {
    const neg = x.num < 0;
    const an = Math.abs(x.num);
    // Fast path: integer division on doubles, corrected for the one case where the quotient rounds up.
    let q = Math.floor((an * pow) / x.den);
    if (q * x.den > an * pow) q -= 1;
    const whole = Math.floor(q / pow);
    let frac = decimals ? String(q - whole * pow).padStart(decimals, '0') : '';
    if (!keepZeros) frac = frac.replace(/0+$/, '');
    const s = frac ? `${whole}.${frac}` : String(whole);
    return neg && q !== 0 ? `-${s}` : s;
  }
  let n = BigInt(x.num);
  const neg = n < 0n;
  if (neg) n = -n;
  const d = BigInt(x.den);
  const scale = 10n ** BigInt(decimals);
  const scaled = (n * scale) / d; // truncation
  const whole = scaled / scale;
  let frac = decimals ? (scaled % scale).toString().padStart(decimals, '0') : '';
  if (!keepZeros) frac = frac.replace(/0+$/, '');
  const s = frac ? `${whole}.${frac}` : String(whole);
  return neg && scaled !== 0n ? `-${s}` : s;
}

/** A percentage for people: one decimal, truncated ("79.9" for 79.96 %). */
export function formatPercent(x: Exact): string {
  return formatExact(x, 1, true);
}

/** Points for people: up to two decimals, truncated. */
export function formatPoints(x: Exact): string {
  return formatExact(x, 2, false);
}
