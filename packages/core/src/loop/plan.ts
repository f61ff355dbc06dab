/**
 * An improvement plan proposed from a result: every failed, partial or knockout item becomes an action with the
 * points it would gain. Order: failed knockouts first (in a levels-model set, level-1 defects), then the actions
 * that change the decision — items of a criterion or section that fails its rule ("Sửa 9.1 để đạt Tiêu chí 9") —
 * then the rest; within each group by points to gain, then in the set's order.
 */
import { type Exact, ONE, cmp, fromDecimal, mul, sub } from '../exact.js';
import type { ImprovementPlan, ScoreResult } from '../generated/types.js';
import { explain } from '../messages.js';
import { namesOf } from '../names.js';
import type { Scored } from './common.js';

type Action = ImprovementPlan['actions'][number];

/** The criteria and sections that fail a rule, and the level each criterion must reach. */
function failing(result: ScoreResult): { nodes: Set<string>; levels: Map<string, number> } {
  const nodes = new Set<string>();
  const levels = new Map<string, number>();
  for (const r of result.rules) {
    if (r.status !== 'failed') continue;
    if (r.kind === 'criterion-percent-at-least' && r.target !== undefined) nodes.add(r.target);
    else if (r.kind === 'each-criterion-percent-at-least' || r.kind === 'each-section-percent-at-least')
      for (const f of r.failures ?? []) nodes.add(f.id);
    else if (r.kind === 'each-criterion-level-at-least' && typeof r.threshold?.num === 'number')
      for (const f of r.failures ?? []) levels.set(f.id, r.threshold.num);
  }
  return { nodes, levels };
}

/**
 * The proposed plan for `s`. Points to gain are in the total's weighted points (item shortfall x criterion weight
 * x section weight); for a levels-model set they are left out (the gain is a level, see the criterion's reason).
 * An action that changes the decision says so in `goal`. `now` stamps the plan (the function stays pure).
 */
export function proposePlan(s: Scored, now: string): ImprovementPlan {
  const { set, assessment, result } = s;
  const names = namesOf(set);
  const text = new Map(
    set.sections.flatMap((sec) => sec.criteria.flatMap((c) => c.items.map((it) => [it.id, it] as const))),
  );
  const { nodes, levels } = failing(result);
  const candidates: { action: Action; order: number; gain: Exact; tier: number }[] = [];
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
        const item = src.code ?? names.item(it.id);
        const need = levels.get(c.id);
        let tier = 2;
        let goal: ReturnType<typeof explain> | undefined;
        if (it.knockoutFailed) {
          tier = 0;
          goal = explain('plan.goal.knockout', { item });
        } else if (nodes.has(c.id) || nodes.has(sec.id)) {
          tier = 1;
          goal = explain('plan.goal.node', {
            item,
            name: nodes.has(c.id) ? names.criterion(c.id) : names.section(sec.id),
          });
        } else if (need !== undefined && src.level !== undefined && src.level <= need) {
          tier = 1;
          goal = explain('plan.goal.level', { item, name: names.criterion(c.id), level: need });
        }
        // In a levels-model set, level-1 defects come first: they hold the criterion at level 1.
        if (result.criteriaSet.model === 'levels' && src.level === 1) tier = 0;
        if (goal) action.goal = { vi: goal.vi, en: goal.en! };
        if (it.knockoutFailed) action.knockout = true;
        if (result.criteriaSet.model === 'points') action.pointsToGain = gain;
        candidates.push({ action, order, gain, tier });
      }
    });
  });
  candidates.sort((a, b) => a.tier - b.tier || cmp(b.gain, a.gain) || a.order - b.order);
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
