/** `mean-level-at-least`: levels model, the weighted mean level reaches L ("Mức trung bình 4,43, cần ít nhất 4,5"). */
import { cmp, fromDecimal } from '../exact.js';
import { bothDecimal, formatLevel } from '../format.js';
import { explain } from '../messages.js';
import { notEvaluated, thresholdNumber } from './common.js';
import type { RuleModule } from './types.js';

export const meanLevelAtLeast: RuleModule<'mean-level-at-least'> = {
  judges: (rule) => [{ on: 'mean-level', threshold: fromDecimal(rule.level) }],
  status(rule, ctx) {
    const m = ctx.meanLevel;
    if (!m) return 'not-evaluated';
    return cmp(m, fromDecimal(rule.level)) >= 0 ? 'passed' : 'failed';
  },
  evaluate(rule, ctx) {
    const t = fromDecimal(rule.level);
    const m = ctx.meanLevel;
    if (!m) return notEvaluated(rule.kind, t);
    const passed = cmp(m, t) >= 0;
    const params = { actual: bothDecimal(formatLevel(m, [t])), threshold: thresholdNumber(t) };
    return {
      kind: rule.kind,
      status: passed ? 'passed' : 'failed',
      threshold: t,
      actual: m,
      message: explain(passed ? 'rule.mean-level.passed' : 'rule.mean-level.failed', params),
    };
  },
};
