/**
 * Numbers for people, in the reader's language: core makes neutral display strings (ADR 0010: rounded half up,
 * with the threshold safeguard, a decimal point), this writes them as the language does — "82,8 %" in
 * Vietnamese, "82.8%" in English. Files for machines (CSV) keep the neutral point and never come through here.
 */
import { formatExact, formatPercent, localizeDecimal, percentText, type Exact } from './core.js';
import { locale } from './i18n.js';

/** A neutral display number ("4.43") in the reader's language ("4,43"). */
export const num = (neutral: string | number): string => localizeDecimal(String(neutral), locale());

/** A neutral percentage ("82.8") with its sign, in the reader's language ("82,8 %"). */
export const pct = (neutral: string | number): string => percentText(String(neutral), locale());

/** An exact value with at most `decimals` decimals (rounded half up), in the reader's language. */
export const exactNum = (x: Exact, decimals = 2, keepZeros = false): string => num(formatExact(x, decimals, keepZeros));

/** An exact percentage as a number with one decimal, without the sign ("82,8"), in the reader's language. */
export const percentNum = (x: Exact): string => num(formatPercent(x));

/** An exact percentage with its sign ("82,8 %" / "82.8%"), in the reader's language. */
export const exactPct = (x: Exact): string => pct(formatPercent(x));
