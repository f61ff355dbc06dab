/**
 * Progress and navigation read from core's score result: which items are done, which are left.
 * Done = answered, marked N/A, or given an 'unassessed' reason; items not applicable automatically
 * (zone or facility kind) are not counted at all.
 */
import type {
  ScoreResult,
  ScoreResultCriterionResult,
  ScoreResultItemResult,
  ScoreResultSectionResult,
} from '../core.js';

export interface Progress {
  done: number;
  total: number;
}

const counts = (s: ScoreResultItemResult['status']) => s !== 'auto-na';
const isDone = (s: ScoreResultItemResult['status']) => s === 'answered' || s === 'na' || s === 'unassessed';

/** Progress over one section's items. */
export function sectionProgress(section: ScoreResultSectionResult): Progress {
  let done = 0;
  let total = 0;
  for (const c of section.criteria)
    for (const i of c.items)
      if (counts(i.status)) {
        total++;
        if (isDone(i.status)) done++;
      }
  return { done, total };
}

/** Progress over the whole assessment. */
export function totalProgress(result: ScoreResult): Progress {
  return result.sections.map(sectionProgress).reduce((a, b) => ({ done: a.done + b.done, total: a.total + b.total }), {
    done: 0,
    total: 0,
  });
}

/** Item ids in form order. */
export function itemOrder(result: ScoreResult): ScoreResultItemResult[] {
  return result.sections.flatMap((s) => s.criteria.flatMap((c) => c.items));
}

/** Progress over one criterion's items. */
export function criterionProgress(criterion: ScoreResultCriterionResult): Progress {
  let done = 0;
  let total = 0;
  for (const i of criterion.items)
    if (counts(i.status)) {
      total++;
      if (isDone(i.status)) done++;
    }
  return { done, total };
}

/** Why "next" stopped at an item: it has no answer yet, or it is answered but lacks the photo its set requires. */
export type OpenReason = 'unanswered' | 'evidence';

/** An item that still needs the person's attention, and why. */
export interface OpenItem {
  id: string;
  why: OpenReason;
}

/** What still needs doing on one item, or undefined when nothing does. */
function openReason(it: ScoreResultItemResult): OpenReason | undefined {
  if (it.status === 'unanswered') return 'unanswered';
  if ((it.status === 'answered' || it.status === 'unassessed') && it.evidenceMissing) return 'evidence';
  return undefined;
}

/**
 * The next item that still needs something after `afterId` in form order, wrapping around: an item without an
 * answer, or an answered one without the photo its set requires (`why` says which). Undefined when none is left.
 */
export function nextOpen(result: ScoreResult, afterId?: string): OpenItem | undefined {
  const order = itemOrder(result);
  const start = afterId ? order.findIndex((i) => i.id === afterId) + 1 : 0;
  for (let k = 0; k < order.length; k++) {
    const it = order[(start + k) % order.length]!;
    const why = openReason(it);
    if (why) return { id: it.id, why };
  }
  return undefined;
}

/**
 * The next unanswered item after `afterId` in form order, wrapping around; undefined when none is left.
 */
export function nextUnanswered(result: ScoreResult, afterId?: string): string | undefined {
  const order = itemOrder(result);
  const start = afterId ? order.findIndex((i) => i.id === afterId) + 1 : 0;
  for (let k = 0; k < order.length; k++) {
    const it = order[(start + k) % order.length]!;
    if (it.status === 'unanswered') return it.id;
  }
  return undefined;
}

/** Percent 0..100 for a progress bar. */
export const percentOf = (p: Progress): number => (p.total === 0 ? 100 : Math.round((100 * p.done) / p.total));
