/** `each-criterion-percent-at-least`: every applicable criterion reaches P % of its own points. */
import { threshold } from './common.js';
import { eachNodeAtLeast, eachNodeStatus } from './node-percent.js';
import type { RuleModule } from './types.js';

export const eachCriterionPercentAtLeast: RuleModule<'each-criterion-percent-at-least'> = {
  judges: (rule, zone) => [{ on: 'criteria', threshold: threshold(rule, zone) }],
  status: (rule, ctx) => eachNodeStatus(threshold(rule, ctx.zone), ctx.criteria),
  evaluate: (rule, ctx) =>
    eachNodeAtLeast(rule.kind, threshold(rule, ctx.zone), ctx.criteria, ctx.names.criterion, true, {
      passed: 'rule.each-criterion.passed',
      failed: 'rule.each-criterion.failed',
    }),
};
