/**
 * Pure helpers for improvement plans (core's `ImprovementPlan`): start from core's proposal, edit one action,
 * add gaps found after the plan was made, and the "last time" hints the next assessment shows per item.
 */
import type { ImprovementPlan } from '../core.js';
import { ZERO, add, proposePlan } from '../core.js';
import type { Exact, Scored } from './core.js';

export type PlanAction = ImprovementPlan['actions'][number];
export const ACTION_STATUSES = [
  'planned',
  'in-progress',
  'done',
  'verified',
] as const satisfies readonly PlanAction['status'][];

/** What an edit may carry; `undefined` or '' removes a field. */
export type ActionPatch = { [K in keyof PlanAction]?: PlanAction[K] | undefined };

/** The plan with one action changed (a new object; the old one is untouched). Throws on an unknown action id. */
export function withAction(plan: ImprovementPlan, actionId: string, patch: ActionPatch, now: string): ImprovementPlan {
  const i = plan.actions.findIndex((x) => x.id === actionId);
  if (i < 0) throw new Error(`No action "${actionId}" in plan "${plan.id}"`);
  const next: Record<string, unknown> = { ...plan.actions[i]! };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[k];
    else next[k] = v;
  }
  const actions = [...plan.actions];
  actions[i] = next as PlanAction;
  return { ...plan, actions, updatedAt: now };
}

/** Points the plan would gain if every action not yet verified succeeded (points-model sets). */
export function totalGain(plan: ImprovementPlan): Exact {
  return plan.actions.reduce(
    (sum, x) => (x.pointsToGain && x.status !== 'verified' ? add(sum, x.pointsToGain) : sum),
    ZERO,
  );
}

/**
 * The plan to edit for `s`: the stored one, with any gap it does not cover yet appended (a draft may have been
 * answered further since), or core's proposal when none is stored. `changed` says whether it must be saved.
 */
export function planFor(
  s: Scored,
  stored: ImprovementPlan | undefined,
  now: string,
): { plan: ImprovementPlan; changed: boolean } {
  const proposed = proposePlan(s, now);
  if (!stored) return { plan: proposed, changed: true };
  const have = new Set(stored.actions.map((x) => x.itemId));
  const extra = proposed.actions.filter((x) => !have.has(x.itemId));
  if (!extra.length) return { plan: stored, changed: false };
  return { plan: { ...stored, actions: [...stored.actions, ...extra], updatedAt: now }, changed: true };
}

/** What was found on an item last time, and what was planned for it. */
export interface LastTime {
  itemId: string;
  /** When the previous assessment was made (ISO date or date-time). */
  when: string;
  /** The previous answer's value ('not-met', 'partial', an option id, a number) or 'unassessed'. */
  value: string | number;
  points: string;
  max: string;
  note?: string;
  action?: string;
  actionStatus?: PlanAction['status'];
}

/**
 * Hints for the next assessment, by item id: every item answered and not met last time (or not assessed), with
 * the planned action when the plan has one.
 */
export function lastTimeHints(
  prev: Scored,
  plan: ImprovementPlan | undefined,
  display: (x: Exact) => string,
): Map<string, LastTime> {
  const actions = new Map(plan?.actions.map((x) => [x.itemId, x]));
  const when = prev.assessment.assessedOn ?? prev.assessment.submittedAt ?? prev.assessment.createdAt ?? '';
  const out = new Map<string, LastTime>();
  for (const sec of prev.result.sections)
    for (const c of sec.criteria)
      for (const it of c.items) {
        const act = actions.get(it.id);
        const missed = (it.status === 'answered' && !it.met) || it.status === 'unassessed';
        if (!missed && !act) continue;
        const h: LastTime = {
          itemId: it.id,
          when,
          value: it.status === 'unassessed' ? 'unassessed' : (it.value ?? ''),
          points: display(it.points),
          max: display(it.max),
        };
        const note = prev.assessment.answers[it.id]?.note;
        if (note) h.note = note;
        if (act?.action) h.action = act.action;
        if (act) h.actionStatus = act.status;
        out.set(it.id, h);
      }
  return out;
}
