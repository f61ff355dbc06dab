/** `criterion-percent-at-least`: one named criterion reaches P % (skipped when it does not apply). */
import { cmp } from '../exact.js';
import { explain } from '../messages.js';
import { notEvaluated, scoreWords, threshold, thresholdPercent } from './common.js';
import type { RuleModule } from './types.js';

export const criterionPercentAtLeast: RuleModule<'criterion-percent-at-least'> = {
  judges: (rule, zone) => [{ on: 'criterion', id: rule.criterion, threshold: threshold(rule, zone) }],
  status(rule, ctx) {
    const found = ctx.criteria.find((x) => x.id === rule.criterion);
    if (!found || !found.score.applicable) return 'not-evaluated';
    return cmp(found.score.percent!, threshold(rule, ctx.zone)) >= 0 ? 'passed' : 'failed';
  },
  evaluate(rule, ctx) {
    const t = threshold(rule, ctx.zone);
    const name = ctx.names.criterion(rule.criterion);
    const found = ctx.criteria.find((x) => x.id === rule.criterion);
    if (!found || !found.score.applicable) {
      const o = notEvaluated(rule.kind, t, rule.criterion);
      o.message = explain('rule.criterion.na', { name });
      return o;
    }
    const actual = found.score.percent!;
    const passed = cmp(actual, t) >= 0;
    const params = { name, score: scoreWords(found.score, true), threshold: thresholdPercent(t) };
    return {
      kind: rule.kind,
      status: passed ? 'passed' : 'failed',
      threshold: t,
      actual,
      target: rule.criterion,
      message: explain(passed ? 'rule.criterion.passed' : 'rule.node.failed', params),
    };
  },
};
