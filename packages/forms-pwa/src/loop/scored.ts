/**
 * Small pure helpers over the assessments on the device for the loop views: pair each with its set and result
 * (core's `Scored`), find a facility's rounds and the previous assessment, format signed deltas.
 */
import {
  exactToNumber,
  facilityKey,
  formatPercent,
  localizeDecimal,
  percentText,
  sign,
  type Assessment,
  type CriteriaSet,
  type ScoreResult,
} from '../core.js';
import { locale } from '../i18n.js';
// Values from the start-up `../core.js` (loop/core.js imports all of core: ADR 0017).
import type { Exact, Scored } from './core.js';

/** What the loop views need from the store: a set and a result per assessment. */
export interface ScoredSource {
  setFor(a: Assessment): CriteriaSet | undefined;
  resultFor(a: Assessment): ScoreResult | undefined;
}

/** `a` with its set and core's result, or undefined when its set is missing. */
export function toScored(src: ScoredSource, a: Assessment): Scored | undefined {
  const set = src.setFor(a);
  const result = set && src.resultFor(a);
  return set && result ? { set, assessment: a, result } : undefined;
}

/** Every assessment of `list` that can be scored. */
export const scoredAll = (src: ScoredSource, list: Iterable<Assessment>): Scored[] =>
  [...list].map((a) => toScored(src, a)).filter((s): s is Scored => s !== undefined);

/** When an assessment was made (as core orders rounds): assessedOn, else submitted, created, updated time. */
export const when = (a: Assessment): string => a.assessedOn ?? a.submittedAt ?? a.createdAt ?? a.updatedAt ?? '';

/** Oldest first, by {@link when}. */
export const byWhen = (a: Assessment, b: Assessment): number =>
  when(a).localeCompare(when(b)) || a.id.localeCompare(b.id);

/** The assessments of `a`'s facility with the same set id (any version), oldest first; `a` included. */
export function sameFacility(list: Iterable<Assessment>, a: Assessment): Assessment[] {
  const k = facilityKey(a);
  return [...list].filter((x) => facilityKey(x) === k && x.criteriaSet.id === a.criteriaSet.id).sort(byWhen);
}

/**
 * The assessment before `a`: the latest one of the same facility, set id and kind, not a draft, made strictly
 * earlier (a revision made the same day is not "last time"; a self-assessment is not an inspection's last time).
 */
export function previousOf(list: Iterable<Assessment>, a: Assessment): Assessment | undefined {
  const w = when(a);
  return sameFacility(list, a)
    .filter(
      (x) =>
        x.id !== a.id &&
        x.assessmentKind === a.assessmentKind &&
        x.status !== 'draft' &&
        when(x).slice(0, 10) < w.slice(0, 10),
    )
    .at(-1);
}

/** A percentage for people, or a dash. */
export const pct = (x: Exact | undefined): string => (x ? percentText(formatPercent(x), locale()) : '—');

/** A signed percentage-point delta: "+24.0", "-3.5", "0.0". */
export function signed(x: Exact | undefined): string {
  if (!x) return '—';
  const s = localizeDecimal(formatPercent(x), locale());
  return sign(x) > 0 ? `+${s}` : s;
}

/** An exact value as a float, for drawing only (never for decisions). */
export const toNum = (x: Exact | undefined): number => (x ? exactToNumber(x) : 0);

/** Kinds that pair in reconciliation: the station's own view against an outside one. */
const isSelf = (a: Assessment): boolean => a.assessmentKind === 'self-assessment';

/**
 * The assessment to reconcile `a` with: for a self-assessment, an inspection (or contest round) of the same
 * facility and set version; for an inspection, a self-assessment. Of those, the one of the same round (same
 * `round.id`) first, then the one nearest in time — never simply the oldest.
 */
export function reconcilePartner(list: Iterable<Assessment>, a: Assessment): Assessment | undefined {
  const cands = sameFacility(list, a).filter(
    (x) => x.id !== a.id && isSelf(x) !== isSelf(a) && x.criteriaSet.version === a.criteriaSet.version,
  );
  if (!cands.length) return undefined;
  const round = a.round?.id;
  const sameRound = round ? cands.filter((x) => x.round?.id === round) : [];
  const pool = sameRound.length ? sameRound : cands;
  const t = Date.parse(when(a)) || 0;
  const dist = (x: Assessment) => Math.abs((Date.parse(when(x)) || 0) - t);
  return [...pool].sort((x, y) => dist(x) - dist(y) || byWhen(y, x))[0];
}

/**
 * The assessment to compare `a` with as "the previous round": the latest earlier one of the same facility, set id
 * and KIND (an inspection is never "the previous round" of the station's own self-assessment, nor the reverse).
 */
export function previousSameKind(list: Iterable<Assessment>, a: Assessment): Assessment | undefined {
  const w = when(a);
  return sameFacility(list, a)
    .filter((x) => x.id !== a.id && x.assessmentKind === a.assessmentKind && when(x) < w)
    .at(-1);
}

/** Whether an assessment is the station's own view (the "self" side of reconciliation). */
export const isSelfAssessment = isSelf;
