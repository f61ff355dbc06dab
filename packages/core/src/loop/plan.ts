/**
 * An improvement plan proposed from a result: every failed, partial or knockout item becomes an action with the
 * points it would gain; knockouts first, then by points to gain, then in the set's order.
 */
import { type Exact, ONE, cmp, fromDecimal, mul, sub } from '../exact.js';
import type { ImprovementPlan } from '../generated/types.js';
import type { Scored } from './common.js';

type Action = ImprovementPlan['actions'][number];

/**
 * The proposed plan for `s`. Points to gain are in the total's weighted points (item shortfall x criterion weight
 * x section weight); for a levels-model set they are left out (the gain is a level, see the criterion's reason),
 * and level-1 defects come first. `now` stamps the plan (the function stays pure).
 */
export function proposePlan(s: Scored, now: string): ImprovementPlan {
  const { set, assessment, result } = s;
  const text = new Map(
    set.sections.flatMap((sec) => sec.criteria.flatMap((c) => c.items.map((it) => [it.id, it] as const))),
  );
  const candidates: { action: Action; order: number; gain: Exact; first: boolean }[] = [];
  let order = 0;
  result.sections.forEach((sec, si) => {
    const w = set.sections[si]!.weight;
    const sw = w === undefined ? ONE : fromDecimal(w);
    sec.criteria.forEach((c) => {
      for (const it of c.items) {
        order++;
        if (it.status !== 'answered' || it.met) continue;
        const src = text.get(it.id)!;
        const gain = mul(mul(sub(it.max, it.points), c.weight), sw);
        const note = assessment.answers[it.id]?.note;
        const action: Action = {
          id: `act-${it.id}`,
          itemId: it.id,
          problem: note ? `${src.text.vi} — ${note}` : src.text.vi,
          action: '',
          status: 'planned',
        };
        // Knockouts first; in a levels-model set, level-1 defects (they hold the criterion at level 1).
        const first = it.knockoutFailed === true || (result.criteriaSet.model === 'levels' && src.level === 1);
        if (it.knockoutFailed) action.knockout = true;
        if (result.criteriaSet.model === 'points') action.pointsToGain = gain;
        candidates.push({ action, order, gain, first });
      }
    });
  });
  candidates.sort((a, b) => (a.first !== b.first ? (a.first ? -1 : 1) : cmp(b.gain, a.gain) || a.order - b.order));
  return {
    schemaVersion: 1,
    kind: 'improvement-plan',
    id: `${assessment.id}-plan`.slice(0, 128),
    assessmentId: assessment.id,
    facilityId: assessment.facility.registryId ?? assessment.facility.id,
    createdAt: now,
    updatedAt: now,
    actions: candidates.map((c) => c.action),
  };
}
