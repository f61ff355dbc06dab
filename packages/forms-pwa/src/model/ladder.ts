/**
 * The level ladder of a set of levels (e.g. 6858): a criterion's elements grouped by level, what is still needed
 * for the next level, and whether a criterion has been assessed at all. Read from core's result, never computed
 * anew: core decides the level; this only says it in the ladder's terms.
 */
import type { CriteriaSetCriterion, CriteriaSetItem, ScoreResultCriterionResult } from '../core.js';
import { criterionProgress } from './progress.js';

/** One rung: a level and its elements, in the criterion's order. */
export interface Rung {
  level: number;
  items: CriteriaSetItem[];
}

/** The criterion's elements grouped by level, lowest first (an element without a level counts as level 1). */
export function rungs(c: CriteriaSetCriterion): Rung[] {
  const by = new Map<number, CriteriaSetItem[]>();
  for (const it of c.items) {
    const l = it.level ?? 1;
    by.set(l, [...(by.get(l) ?? []), it]);
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([level, items]) => ({ level, items }));
}

/** Where a criterion stands on its ladder. */
export type LadderState =
  | { kind: 'not-assessed' }
  | { kind: 'top'; level: number }
  | { kind: 'climbing'; level: number; provisional: boolean; next: number; needed: string[] };

/**
 * Where a criterion stands: not assessed (no element answered yet: never shown as level 1), at the top level, or
 * at core's level with the elements still needed for the next one (every applicable element up to the next level
 * that is not met: not answered yet, or answered "not met"). `provisional` while elements are still open.
 */
export function ladderState(cr: ScoreResultCriterionResult, c: CriteriaSetCriterion, top: number): LadderState {
  const p = criterionProgress(cr);
  if (p.done === 0 || cr.level === undefined) return { kind: 'not-assessed' };
  const level = cr.level;
  if (level >= top) return { kind: 'top', level };
  const next = level + 1;
  const levelOf = new Map(c.items.map((it) => [it.id, it.level ?? 1]));
  const needed = cr.items
    .filter((i) => (levelOf.get(i.id) ?? 1) <= next)
    .filter((i) => i.status === 'unanswered' || i.status === 'unassessed' || (i.status === 'answered' && !i.met))
    .map((i) => i.id);
  return { kind: 'climbing', level, provisional: p.done < p.total, next, needed };
}

/**
 * Whether an element is met but above the level its criterion reached (so it earns nothing yet): shown as "met,
 * not counted", never as earned.
 */
export const beyondLevel = (item: CriteriaSetItem, criterionLevel: number | undefined): boolean =>
  criterionLevel !== undefined && (item.level ?? 1) > criterionLevel;
