/** `total-percent-at-least`: the total reaches P % ("Tổng điểm đạt 76/100 điểm (76,0 %), cần ít nhất 80 %: thiếu 4 điểm phần trăm"). */
import { cmp, sub } from '../exact.js';
import { bothDecimal, formatPositive } from '../format.js';
import { explain } from '../messages.js';
import { notEvaluated, scoreWords, threshold, thresholdPercent } from './common.js';
import type { RuleModule } from './types.js';

export const totalPercentAtLeast: RuleModule<'total-percent-at-least'> = {
  judges: (rule, zone) => [{ on: 'total', threshold: threshold(rule, zone) }],
  status(rule, ctx) {
    if (!ctx.total.applicable) return 'not-evaluated';
    return cmp(ctx.total.percent!, threshold(rule, ctx.zone)) >= 0 ? 'passed' : 'failed';
  },
  evaluate(rule, ctx) {
    const t = threshold(rule, ctx.zone);
    if (!ctx.total.applicable) return notEvaluated(rule.kind, t);
    const actual = ctx.total.percent!;
    const passed = cmp(actual, t) >= 0;
    const params = {
      score: scoreWords(ctx.total, ctx.set.set.scoring.aggregation !== 'mean-of-percentages'),
      threshold: thresholdPercent(t),
      shortfall: bothDecimal(passed ? '0' : formatPositive(sub(t, actual))),
    };
    return {
      kind: rule.kind,
      status: passed ? 'passed' : 'failed',
      threshold: t,
      actual,
      message: explain(passed ? 'rule.total.passed' : 'rule.total.failed', params),
    };
  },
};
