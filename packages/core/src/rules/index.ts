/**
 * The pass-rule kinds, one module each, in one registry typed by the schema's kinds: a kind the schema allows
 * but this registry lacks is a compile error: adding a kind means adding its module here (see core's CONTEXT.md).
 */
import type { CriteriaSetPassRule, ScoreResultRuleOutcome, Zone } from '../generated/types.js';
import type { Exact } from '../exact.js';
import { criterionPercentAtLeast } from './criterion-percent-at-least.js';
import { eachCriterionLevelAtLeast } from './each-criterion-level-at-least.js';
import { eachCriterionPercentAtLeast } from './each-criterion-percent-at-least.js';
import { eachSectionPercentAtLeast } from './each-section-percent-at-least.js';
import { meanLevelAtLeast } from './mean-level-at-least.js';
import { noFailedKnockout } from './no-failed-knockout.js';
import { totalPercentAtLeast } from './total-percent-at-least.js';
import type { RuleContext, RuleKind, RuleModule, RuleOf, RuleStatus, StatusContext } from './types.js';

export type { JudgedScore, RuleContext, RuleKind, RuleStatus, StatusContext } from './types.js';

const RULES: { readonly [K in RuleKind]: RuleModule<K> } = {
  'total-percent-at-least': totalPercentAtLeast,
  'each-criterion-percent-at-least': eachCriterionPercentAtLeast,
  'each-section-percent-at-least': eachSectionPercentAtLeast,
  'criterion-percent-at-least': criterionPercentAtLeast,
  'no-failed-knockout': noFailedKnockout,
  'mean-level-at-least': meanLevelAtLeast,
  'each-criterion-level-at-least': eachCriterionLevelAtLeast,
};

const moduleOf = <K extends RuleKind>(rule: RuleOf<K>): RuleModule<K> => RULES[rule.kind as K];

/** The verdict of one pass rule, from the scores alone (no words built). */
export function ruleStatus(rule: CriteriaSetPassRule, ctx: StatusContext): RuleStatus {
  return moduleOf(rule).status(rule as never, ctx);
}

/** The outcome of one pass rule. */
export function evaluateRule(rule: CriteriaSetPassRule, ctx: RuleContext): ScoreResultRuleOutcome {
  return moduleOf(rule).evaluate(rule as never, ctx);
}

/** What the shown values are judged against: the rules' thresholds and the rating's band minimums. */
export interface DisplayThresholds {
  total: { percent: Exact[]; points: Exact[] };
  sections: Exact[];
  criteria: Exact[];
  criterion: Map<string, Exact[]>;
  meanLevel: Exact[];
}

/** Collects the thresholds of `rules` (and of a rating's bands) by the value they judge. */
export function displayThresholds(
  rules: readonly CriteriaSetPassRule[],
  zone: Zone | undefined,
  rating?: { metric: 'points' | 'percent' | 'mean-level'; minimums: Exact[] },
): DisplayThresholds {
  const d: DisplayThresholds = {
    total: { percent: [], points: [] },
    sections: [],
    criteria: [],
    criterion: new Map(),
    meanLevel: [],
  };
  for (const rule of rules)
    for (const j of moduleOf(rule).judges(rule as never, zone)) {
      if (j.on === 'total') d.total.percent.push(j.threshold);
      else if (j.on === 'sections') d.sections.push(j.threshold);
      else if (j.on === 'criteria') d.criteria.push(j.threshold);
      else if (j.on === 'mean-level') d.meanLevel.push(j.threshold);
      else if (j.on === 'criterion') d.criterion.set(j.id, [...(d.criterion.get(j.id) ?? []), j.threshold]);
    }
  if (rating?.metric === 'percent') d.total.percent.push(...rating.minimums);
  else if (rating?.metric === 'points') d.total.points.push(...rating.minimums);
  else if (rating) d.meanLevel.push(...rating.minimums);
  return d;
}
