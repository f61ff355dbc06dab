/**
 * The two "every node reaches P %" kinds share one evaluation: `each-criterion-percent-at-least` and
 * `each-section-percent-at-least`. Each failure is a sentence of its own ("Tiêu chí 9 (…) đạt 1/3 điểm (33,3 %),
 * cần ít nhất 50 %"); the rule's message is that sentence when one node fails, a list when several do.
 */
import type { ScoreResultRuleOutcome, ScoreResultScore } from '../generated/types.js';
import { type Exact, cmp, sub } from '../exact.js';
import { bothPercent } from '../format.js';
import { explain } from '../messages.js';
import { nameList } from '../names.js';
import type { Msg } from '../catalogue.js';
import { notEvaluated, scoreWords, thresholdPercent } from './common.js';
import type { JudgedScore, RuleStatus } from './types.js';

/** The verdict of {@link eachNodeAtLeast} alone: failed when an applicable node is below `t`. */
export function eachNodeStatus(t: Exact, nodes: readonly { readonly score: JudgedScore }[]): RuleStatus {
  let any = false;
  for (const n of nodes) {
    if (!n.score.applicable) continue;
    if (cmp(n.score.percent!, t) < 0) return 'failed';
    any = true;
  }
  return any ? 'passed' : 'not-evaluated';
}

interface Node {
  id: string;
  score: ScoreResultScore;
}

/** Judges every applicable node against `t`; `name` names a node, `withPoints` says whether points make its score. */
export function eachNodeAtLeast(
  kind: string,
  t: Exact,
  nodes: readonly Node[],
  name: (id: string) => Msg,
  withPoints: boolean,
  codes: {
    passed: 'rule.each-criterion.passed' | 'rule.each-section.passed';
    failed: 'rule.each-criterion.failed' | 'rule.each-section.failed';
  },
): ScoreResultRuleOutcome {
  const failures: NonNullable<ScoreResultRuleOutcome['failures']> = [];
  const listed: Msg[] = [];
  let any = false;
  for (const n of nodes) {
    if (!n.score.applicable) continue;
    any = true;
    const p = n.score.percent!;
    if (cmp(p, t) >= 0) continue;
    const nm = name(n.id);
    failures.push({
      id: n.id,
      actual: p,
      shortfall: sub(t, p),
      message: explain('rule.node.failed', {
        name: nm,
        score: scoreWords(n.score, withPoints),
        threshold: thresholdPercent(t),
      }),
    });
    const pct = bothPercent(n.score.display.percent!);
    listed.push({ vi: `${nm.vi}: ${pct.vi}`, en: `${nm.en}: ${pct.en}` });
  }
  if (!any) return notEvaluated(kind, t);
  const threshold = thresholdPercent(t);
  const o: ScoreResultRuleOutcome = {
    kind,
    status: failures.length ? 'failed' : 'passed',
    threshold: t,
    message:
      failures.length === 1
        ? failures[0]!.message!
        : failures.length
          ? explain(codes.failed, { count: failures.length, threshold, list: nameList(listed, 5) })
          : explain(codes.passed, { threshold }),
  };
  if (failures.length) o.failures = failures;
  return o;
}
