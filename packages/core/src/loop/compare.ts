/**
 * Compares two assessments of the same facility: deltas per item, criterion, section and total, newly met and
 * newly lost items. Works across two versions of a set by item id, reporting items added or removed.
 */
import { type Exact, sign, sub } from '../exact.js';
import { message } from '../messages.js';
import { type Outcome, fail, ok } from '../outcome.js';
import type { ScoreResultItemResult, ScoreResultScore } from '../generated/types.js';
import { type Scored, allCriteria, allItems, facilityKey } from './common.js';

export interface NodeDelta {
  id: string;
  before?: ScoreResultScore & { level?: number };
  after?: ScoreResultScore & { level?: number };
  /** after - before, in percentage points, when both are applicable. */
  deltaPercent?: Exact;
  /** after - before, in (weighted) points, when both exist. */
  deltaPoints?: Exact;
  deltaLevel?: number;
}

export type ItemChange = 'newly-met' | 'newly-lost' | 'improved' | 'worsened' | 'same' | 'added' | 'removed' | 'other';

export interface ItemDelta {
  id: string;
  change: ItemChange;
  before?: { status: string; value?: string | number; points: Exact; max: Exact; met?: boolean };
  after?: { status: string; value?: string | number; points: Exact; max: Exact; met?: boolean };
  deltaPoints?: Exact;
}

export interface Comparison {
  facilityId: string;
  before: { assessmentId: string; setVersion: string; when?: string; decision: string };
  after: { assessmentId: string; setVersion: string; when?: string; decision: string };
  total: NodeDelta;
  sections: NodeDelta[];
  criteria: NodeDelta[];
  items: ItemDelta[];
  newlyMet: string[];
  newlyLost: string[];
  added: string[];
  removed: string[];
}

function nodeDelta(
  id: string,
  b: (ScoreResultScore & { level?: number }) | undefined,
  a: (ScoreResultScore & { level?: number }) | undefined,
): NodeDelta {
  const d: NodeDelta = { id };
  if (b) d.before = b;
  if (a) d.after = a;
  if (a && b) {
    d.deltaPoints = sub(a.points, b.points);
    if (a.percent && b.percent) d.deltaPercent = sub(a.percent, b.percent);
    if (a.level !== undefined && b.level !== undefined) d.deltaLevel = a.level - b.level;
  }
  return d;
}

const ANSWERED = new Set(['answered']);

/**
 * Compares `before` and `after` (each scored with its own set version). Refuses two different facilities or
 * two different sets (by id); versions may differ.
 */
export function compareAssessments(before: Scored, after: Scored): Outcome<Comparison> {
  const fb = facilityKey(before.assessment);
  const fa = facilityKey(after.assessment);
  if (fb !== fa)
    return fail([
      {
        code: 'loop.different-facility',
        pointer: '/facility/id',
        message: message('loop.different-facility', { a: fb, b: fa }),
      },
    ]);
  if (before.set.id !== after.set.id) {
    return fail([
      {
        code: 'loop.different-set',
        pointer: '/criteriaSet/id',
        message: message('loop.different-set', { a: before.set.id, b: after.set.id }),
      },
    ]);
  }
  const rb = before.result;
  const ra = after.result;
  const lvl = (c: { score: ScoreResultScore; level?: number }) =>
    c.level !== undefined ? { ...c.score, level: c.level } : c.score;

  const secB = new Map(rb.sections.map((s) => [s.id, s.score]));
  const secA = new Map(ra.sections.map((s) => [s.id, s.score]));
  const sectionIds = [...new Set([...secA.keys(), ...secB.keys()])];
  const critB = new Map(allCriteria(rb).map((c) => [c.id, lvl(c)]));
  const critA = new Map(allCriteria(ra).map((c) => [c.id, lvl(c)]));
  const criterionIds = [...new Set([...critA.keys(), ...critB.keys()])];

  const itemsB = new Map(allItems(rb).map((i) => [i.id, i]));
  const itemsA = new Map(allItems(ra).map((i) => [i.id, i]));
  const items: ItemDelta[] = [];
  const newlyMet: string[] = [];
  const newlyLost: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  const pick = (i: ScoreResultItemResult) => {
    const o: NonNullable<ItemDelta['before']> = { status: i.status, points: i.points, max: i.max };
    if (i.value !== undefined) o.value = i.value;
    if (i.met !== undefined) o.met = i.met;
    return o;
  };
  for (const id of [...new Set([...itemsA.keys(), ...itemsB.keys()])]) {
    const b = itemsB.get(id);
    const a = itemsA.get(id);
    let change: ItemChange;
    if (!b) {
      change = 'added';
      added.push(id);
    } else if (!a) {
      change = 'removed';
      removed.push(id);
    } else if (ANSWERED.has(b.status) && ANSWERED.has(a.status)) {
      if (!b.met && a.met) change = 'newly-met';
      else if (b.met && !a.met) change = 'newly-lost';
      else {
        const d = sub(a.points, b.points);
        change = sign(d) > 0 ? 'improved' : sign(d) < 0 ? 'worsened' : 'same';
      }
    } else change = b.status === a.status ? 'same' : 'other';
    if (change === 'newly-met') newlyMet.push(id);
    if (change === 'newly-lost') newlyLost.push(id);
    const d: ItemDelta = { id, change };
    if (b) d.before = pick(b);
    if (a) d.after = pick(a);
    if (a && b) d.deltaPoints = sub(a.points, b.points);
    items.push(d);
  }
  const side = (s: Scored) => {
    const o: Comparison['before'] = {
      assessmentId: s.assessment.id,
      setVersion: s.set.version,
      decision: s.result.decision,
    };
    const when = s.assessment.assessedOn ?? s.assessment.submittedAt;
    if (when) o.when = when;
    return o;
  };
  return ok({
    facilityId: fa,
    before: side(before),
    after: side(after),
    total: nodeDelta('total', rb.total, ra.total),
    sections: sectionIds.map((id) => nodeDelta(id, secB.get(id), secA.get(id))),
    criteria: criterionIds.map((id) => nodeDelta(id, critB.get(id), critA.get(id))),
    items,
    newlyMet,
    newlyLost,
    added,
    removed,
  });
}
