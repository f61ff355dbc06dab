/** `each-criterion-level-at-least`: levels model, every applicable criterion reaches level L. */
import type { ScoreResultRuleOutcome } from '../generated/types.js';
import { int } from '../exact.js';
import { explain } from '../messages.js';
import { nameList } from '../names.js';
import type { Msg } from '../catalogue.js';
import { notEvaluated } from './common.js';
import type { RuleModule } from './types.js';

export const eachCriterionLevelAtLeast: RuleModule<'each-criterion-level-at-least'> = {
  judges: () => [],
  status(rule, ctx) {
    let any = false;
    for (const r of ctx.criteria) {
      if (r.level === undefined) continue;
      if (r.level < rule.level) return 'failed';
      any = true;
    }
    return any ? 'passed' : 'not-evaluated';
  },
  evaluate(rule, ctx) {
    const t = int(rule.level);
    const failures: NonNullable<ScoreResultRuleOutcome['failures']> = [];
    const listed: Msg[] = [];
    let any = false;
    for (const r of ctx.criteria) {
      if (r.level === undefined) continue;
      any = true;
      if (r.level >= rule.level) continue;
      const name = ctx.names.criterion(r.id);
      failures.push({
        id: r.id,
        actual: int(r.level),
        shortfall: int(rule.level - r.level),
        message: explain('rule.level.failed', { name, actual: r.level, threshold: rule.level }),
      });
      listed.push({ vi: `${name.vi}: mức ${r.level}`, en: `${name.en}: level ${r.level}` });
    }
    if (!any) return notEvaluated(rule.kind, t);
    const o: ScoreResultRuleOutcome = {
      kind: rule.kind,
      status: failures.length ? 'failed' : 'passed',
      threshold: t,
      message:
        failures.length === 1
          ? failures[0]!.message!
          : failures.length
            ? explain('rule.each-level.failed', {
                count: failures.length,
                threshold: rule.level,
                list: nameList(listed, 5),
              })
            : explain('rule.each-level.passed', { threshold: rule.level }),
    };
    if (failures.length) o.failures = failures;
    return o;
  },
};
