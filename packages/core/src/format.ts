/**
 * Display rounding, in one place (ADR 0010, replacing the truncation rule of ADR 0001). Decisions never use these
 * strings: they compare exact fractions.
 *
 * Numbers are rounded **half away from zero**, as people and spreadsheets round (Excel's and LibreOffice's ROUND):
 * 8/9 = 88.88… % shows as 88.9 %, the 6858 mean level 394/89 = 4.4269… as 4.43. One safeguard keeps the promise
 * truncation used to keep: where a value is judged against thresholds (a pass rule's 80 %, a rating band's
 * minimum), the shown value never lies on the other side of a threshold than the exact value; more digits are
 * shown until it agrees (79.96 % against an 80 % rule shows "79.96", not "80.0").
 *
 * The strings made here are neutral (digits and a decimal point, no grouping); `localizeDecimal` and the `*Text`
 * helpers write them as a language does: Vietnamese with a decimal comma ("82,8 %"), English with a point
 * ("82.8%"). No thousands grouping: a Vietnamese "1.500" is ambiguous to readers (decision 0009).
 */
import { type Exact, cmp, frac, sign } from './exact.js';
import type { Lang, Msg } from './catalogue.js';

/** The most digits the safeguard adds before it gives up (a threshold has at most 4 decimals: never reached). */
const MAX_EXTRA = 24;

/** |x| × 10^d rounded half up, as a bigint or a safe number. */
function roundedScaled(x: Exact, d: number): number | bigint {
  const pow = 10 ** d;
  if (typeof x.num === 'number' && typeof x.den === 'number' && d <= 15) {
    const an = Math.abs(x.num);
    const a = 2 * an * pow + x.den; // round(an·pow/den) = floor((2·an·pow + den) / (2·den))
    const b = 2 * x.den;
    if (Number.isSafeInteger(a + b)) {
      let q = Math.floor(a / b);
      // The double quotient can only round up past an integer, never down: correct that one case.
      if (q * b > a) q -= 1;
      return q;
    }
  }
  let n = BigInt(x.num);
  if (n < 0n) n = -n;
  const den = BigInt(x.den);
  return (2n * n * 10n ** BigInt(d) + den) / (2n * den);
}

/** Neutral digits of the scaled integer `q` at `d` decimals. */
function digits(q: number | bigint, d: number, negative: boolean, keepZeros: boolean): string {
  let s = q.toString();
  if (d > 0) {
    s = s.padStart(d + 1, '0');
    let f = s.slice(s.length - d);
    if (!keepZeros) f = f.replace(/0+$/, '');
    s = s.slice(0, s.length - d) + (f ? `.${f}` : '');
  }
  const zero = typeof q === 'bigint' ? q === 0n : q === 0;
  return negative && !zero ? `-${s}` : s;
}

/**
 * `x` rounded half away from zero to `decimals` decimals (neutral digits, decimal point): "0.67" for 2/3.
 * Trailing zeros are kept only with `keepZeros` ("80.0"); an integer shows without decimals unless `keepZeros`.
 */
export function formatExact(x: Exact, decimals = 2, keepZeros = false): string {
  if (x.den === 1) return keepZeros && decimals > 0 ? `${x.num}.${'0'.repeat(decimals)}` : String(x.num);
  return digits(roundedScaled(x, decimals), decimals, sign(x) < 0, keepZeros);
}

/**
 * Like {@link formatExact}, with the safeguard: for each threshold `t`, the shown value is `≥ t` exactly when `x`
 * is, adding decimals until it agrees (79.96 against 80 gives "79.96"; 88.88… against 80 gives "88.9").
 */
export function formatAgreeing(x: Exact, decimals: number, thresholds: readonly Exact[], keepZeros = false): string {
  if (x.den === 1 || thresholds.length === 0) return formatExact(x, decimals, keepZeros);
  const negative = sign(x) < 0;
  for (let d = decimals; d <= decimals + MAX_EXTRA; d++) {
    const q = roundedScaled(x, d);
    // on plain numbers while q and 10^d are safe integers (d ≤ 15), else exactly with BigInt
    const shown =
      typeof q === 'number' && d <= 15
        ? frac(negative ? -q : q, 10 ** d)
        : frac(negative ? -BigInt(q) : BigInt(q), 10n ** BigInt(d));
    if (thresholds.every((t) => cmp(x, t) >= 0 === cmp(shown, t) >= 0)) return digits(q, d, negative, keepZeros);
  }
  return formatExact(x, decimals + MAX_EXTRA, keepZeros);
}

/**
 * A positive amount that must not show as zero (a shortfall, "thiếu 0,04 điểm phần trăm"): `decimals` decimals,
 * more while rounding would show 0.
 */
export function formatPositive(x: Exact, decimals = 1): string {
  for (let d = decimals; d <= decimals + MAX_EXTRA; d++) {
    const s = formatExact(x, d, false);
    if (sign(x) === 0 || /[1-9]/.test(s)) return s;
  }
  return formatExact(x, decimals + MAX_EXTRA, false);
}

/** A percentage for people: one decimal kept ("80.0"), rounded half up, with the safeguard for `thresholds`. */
export function formatPercent(x: Exact, thresholds: readonly Exact[] = []): string {
  return formatAgreeing(x, 1, thresholds, true);
}

/** Points for people: up to two decimals ("85.5", "14"), rounded half up, with the safeguard for `thresholds`. */
export function formatPoints(x: Exact, thresholds: readonly Exact[] = []): string {
  return formatAgreeing(x, 2, thresholds, false);
}

/** A mean level for people: two decimals as the Ministry's published results show it (394/89 → "4.43"). */
export function formatLevel(x: Exact, thresholds: readonly Exact[] = []): string {
  return formatAgreeing(x, 2, thresholds, false);
}

/** A threshold as a rule states it (at most 4 decimals in a criteria file): no trailing zeros ("50", "79.95"). */
export function formatThreshold(x: Exact): string {
  return formatExact(x, 4, false);
}

/** Neutral digits ("82.8") written as `lang` writes them: "82,8" in Vietnamese, "82.8" in English. */
export function localizeDecimal(neutral: string, lang: Lang): string {
  return lang === 'vi' ? neutral.replace('.', ',') : neutral;
}

/** A neutral number as a percentage in `lang`: "82,8 %" (Vietnamese), "82.8%" (English). */
export function percentText(neutral: string, lang: Lang): string {
  return lang === 'vi' ? `${localizeDecimal(neutral, 'vi')} %` : `${neutral}%`;
}

/** A neutral number in both languages, for message arguments: `{ vi: "0,2", en: "0.2" }`. */
export function bothDecimal(neutral: string): Msg {
  return { vi: localizeDecimal(neutral, 'vi'), en: neutral };
}

/** A neutral number as a percentage in both languages: `{ vi: "82,8 %", en: "82.8%" }`. */
export function bothPercent(neutral: string): Msg {
  return { vi: percentText(neutral, 'vi'), en: percentText(neutral, 'en') };
}
