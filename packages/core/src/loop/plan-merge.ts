/**
 * Three-way merge of two copies of one improvement plan (ADR 0021): the unit of change is one FIELD of one action
 * (its status, owner, due date, note, proof photos…), as an answer is for an assessment. Each side's change since
 * the revision both shared (`base`) is kept; the same field of the same action changed differently on both sides
 * is a real conflict: the merged plan keeps `theirs` (the copy already stored, e.g. on the server) and the conflict
 * is returned with both values, never dropped in silence. Device clocks decide nothing (`updatedAt` is the later
 * of the two only as a stamp). Pure; valid input never throws.
 */
import type { ImprovementPlan } from '../generated/types.js';

type Action = ImprovementPlan['actions'][number];

/** One field of one action changed differently on both sides since the shared revision. */
export interface PlanConflict {
  actionId: string;
  /** The action's item (what a person recognises). */
  itemId: string;
  /** The field (`status`, `owner`, `completionEvidence`…), or `action` when one side removed the whole action. */
  field: string;
  /** This side's value (`undefined`: cleared or removed). */
  ours: unknown;
  /** The stored side's value, which the merged plan keeps. */
  theirs: unknown;
}

/** What {@link mergePlans} returns. */
export interface PlanMerge {
  merged: ImprovementPlan;
  conflicts: PlanConflict[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The value of a field with keys in a stable order (so two equal objects compare equal). */
function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, stable((v as Record<string, unknown>)[k])]),
    );
  return v;
}
const eq = (a: unknown, b: unknown) => same(stable(a), stable(b));

/** Merges one action present on both sides, field by field. */
function mergeAction(base: Action | undefined, ours: Action, theirs: Action, conflicts: PlanConflict[]): Action {
  const out: Record<string, unknown> = { ...theirs };
  const o = ours as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  const b = base as unknown as Record<string, unknown> | undefined;
  const keys = new Set([...Object.keys(o), ...Object.keys(t)]);
  for (const k of [...keys].sort()) {
    if (eq(o[k], t[k])) continue;
    const bv = b?.[k];
    if (b && eq(t[k], bv)) {
      // Only ours changed it.
      if (o[k] === undefined) delete out[k];
      else out[k] = o[k];
    } else if (b && eq(o[k], bv))
      continue; // only theirs changed it: kept
    else conflicts.push({ actionId: theirs.id, itemId: theirs.itemId, field: k, ours: o[k], theirs: t[k] });
  }
  return out as unknown as Action;
}

/**
 * Merges `ours` into `theirs`, both descended from `base` (null: no shared revision — every difference is then a
 * conflict kept as `theirs`). Actions are matched by id; the result lists `theirs`' actions in their order, then the
 * actions only `ours` added, in its order. An action one side removed stays removed unless the other side changed
 * it (then it is kept and the removal is a conflict).
 * @returns the merged plan and the real conflicts; `null` when the two are not copies of one plan (id,
 *   assessment or facility differ).
 */
export function mergePlans(
  base: ImprovementPlan | null,
  ours: ImprovementPlan,
  theirs: ImprovementPlan,
): PlanMerge | null {
  if (ours.id !== theirs.id || ours.assessmentId !== theirs.assessmentId || ours.facilityId !== theirs.facilityId)
    return null;
  const conflicts: PlanConflict[] = [];
  const byId = (p: ImprovementPlan | null) => new Map((p?.actions ?? []).map((a) => [a.id, a] as const));
  const b = byId(base);
  const o = byId(ours);
  const actions: Action[] = [];
  for (const t of theirs.actions) {
    const mine = o.get(t.id);
    const was = b.get(t.id);
    if (mine) actions.push(mergeAction(was, mine, t, conflicts));
    else if (!was)
      actions.push(t); // added there
    else if (eq(was, t))
      continue; // removed here, untouched there
    else {
      actions.push(t); // removed here, changed there: kept
      conflicts.push({ actionId: t.id, itemId: t.itemId, field: 'action', ours: undefined, theirs: t });
    }
  }
  const inTheirs = new Set(theirs.actions.map((a) => a.id));
  for (const mine of ours.actions) {
    if (inTheirs.has(mine.id)) continue;
    const was = b.get(mine.id);
    if (!was)
      actions.push(mine); // added here
    else if (!eq(was, mine)) {
      actions.push(mine); // changed here, removed there: kept
      conflicts.push({ actionId: mine.id, itemId: mine.itemId, field: 'action', ours: mine, theirs: undefined });
    }
    // else removed there, untouched here: stays removed
  }
  const stamps = [ours.updatedAt, theirs.updatedAt].filter((s): s is string => typeof s === 'string').sort();
  const merged: ImprovementPlan = { ...theirs, actions };
  const updatedAt = stamps[stamps.length - 1];
  if (updatedAt !== undefined) merged.updatedAt = updatedAt;
  return { merged, conflicts };
}
