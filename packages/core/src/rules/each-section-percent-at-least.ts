/** `each-section-percent-at-least`: every applicable section reaches P % of its points. */
import { threshold } from './common.js';
import { eachNodeAtLeast, eachNodeStatus } from './node-percent.js';
import type { RuleModule } from './types.js';

export const eachSectionPercentAtLeast: RuleModule<'each-section-percent-at-least'> = {
  judges: (rule, zone) => [{ on: 'sections', threshold: threshold(rule, zone) }],
  status: (rule, ctx) => eachNodeStatus(threshold(rule, ctx.zone), ctx.sections),
  evaluate: (rule, ctx) =>
    eachNodeAtLeast(
      rule.kind,
      threshold(rule, ctx.zone),
      ctx.sections,
      ctx.names.section,
      ctx.set.set.scoring.aggregation !== 'mean-of-percentages',
      { passed: 'rule.each-section.passed', failed: 'rule.each-section.failed' },
    ),
};
