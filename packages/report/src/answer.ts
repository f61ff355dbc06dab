/**
 * How an answer reads in the report: "Đạt", an option's label, a number with its unit, "Không áp dụng", ...
 */
import type { AssessmentAnswer, CriteriaSetItem, ScoreResultItemResult } from '@tieuchi/core';
import type { SetIndex } from './context.js';
import { reportKind } from './kinds.js';

/** The answer of one item, in words. */
export function answerText(
  ix: SetIndex,
  item: CriteriaSetItem,
  r: ScoreResultItemResult | undefined,
  a: AssessmentAnswer | undefined,
): string {
  const status = r?.status ?? (a ? 'answered' : 'unanswered');
  if (status === 'na') return ix.say('answer.na');
  if (status === 'auto-na') return ix.say('answer.auto-na');
  if (status === 'unanswered') return ix.say('answer.unanswered');
  if (status === 'unassessed')
    return a?.unassessed ? `${ix.say('answer.unassessed')}: ${a.unassessed}` : ix.say('answer.unassessed');
  const v = r?.value ?? a?.value;
  return reportKind(item.response).answer(ix, item.response, v);
}
