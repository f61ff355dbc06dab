/**
 * Pieces the pass-rule modules share: the threshold by zone, a score in words, a skipped rule.
 */
import type { ScoreResultRuleOutcome, ScoreResultScore, Zone } from '../generated/types.js';
import { type Exact, fromDecimal } from '../exact.js';
import { bothDecimal, bothPercent, formatThreshold } from '../format.js';
import { explain } from '../messages.js';
import type { Msg } from '../catalogue.js';

/** The rule's threshold for the facility's zone (a zone not listed uses `percent`). */
export function threshold(
  rule: { percent: number; byZone?: Partial<Record<Zone, number>> },
  zone: Zone | undefined,
): Exact {
  const z = zone !== undefined ? rule.byZone?.[zone] : undefined;
  return fromDecimal(z ?? rule.percent);
}

/** A percentage threshold in both languages: `{ vi: "50 %", en: "50%" }`. */
export const thresholdPercent = (t: Exact): Msg => bothPercent(formatThreshold(t));

/** A threshold (a level) in both languages: `{ vi: "3,5", en: "3.5" }`. */
export const thresholdNumber = (t: Exact): Msg => bothDecimal(formatThreshold(t));

/**
 * A score in words from its display strings: "1/3 điểm (33,3 %)", or the percentage alone where points do not
 * make it (mean of percentages).
 */
export function scoreWords(s: ScoreResultScore, withPoints: boolean): Msg {
  const percent = bothPercent(s.display.percent ?? '0');
  if (!withPoints) return explainText('score.percent', { percent });
  return explainText('score.points', {
    points: bothDecimal(s.display.points),
    max: bothDecimal(s.display.max),
    percent,
  });
}

const explainText = (code: 'score.points' | 'score.percent', params: Parameters<typeof explain>[1]): Msg => {
  const e = explain(code, params);
  return { vi: e.vi, en: e.en! };
};

/** The outcome of a rule with nothing applicable to judge. */
export function notEvaluated(kind: string, t?: Exact, target?: string): ScoreResultRuleOutcome {
  const o: ScoreResultRuleOutcome = { kind, status: 'not-evaluated', message: explain('rule.not-evaluated') };
  if (t) o.threshold = t;
  if (target) o.target = target;
  return o;
}
