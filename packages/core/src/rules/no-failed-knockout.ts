/** `no-failed-knockout`: no knockout item (điểm liệt) was answered without earning its full points. */
import { ZERO } from '../exact.js';
import { explain } from '../messages.js';
import { nameList } from '../names.js';
import type { RuleModule } from './types.js';

export const noFailedKnockout: RuleModule<'no-failed-knockout'> = {
  judges: () => [],
  status: (_rule, ctx) => (ctx.failedKnockouts.length ? 'failed' : 'passed'),
  evaluate(rule, ctx) {
    const failed = ctx.failedKnockouts;
    if (failed.length === 0) {
      let defined = false;
      for (const it of ctx.set.items.values()) if (it.knockout) defined = true;
      return {
        kind: rule.kind,
        status: 'passed',
        message: explain(defined ? 'rule.knockout.passed' : 'rule.knockout.none-defined'),
      };
    }
    return {
      kind: rule.kind,
      status: 'failed',
      message: explain('rule.knockout.failed', {
        count: failed.length,
        list: nameList(
          failed.map((id) => ctx.names.item(id)),
          5,
        ),
      }),
      failures: failed.map((id) => ({ id, actual: ZERO })),
    };
  },
};
