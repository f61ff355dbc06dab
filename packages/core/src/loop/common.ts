/**
 * Shared shapes of the improvement loop (plans, comparisons, reconciliation, ranking, aggregation). These are
 * computed views, never stored as the truth, so they are TypeScript types rather than schemas; the stored
 * improvement plan has its schema (improvement-plan.schema.json).
 */
import type {
  Assessment,
  CriteriaSet,
  ScoreResult,
  ScoreResultCriterionResult,
  ScoreResultItemResult,
} from '../generated/types.js';

/** An assessment with its set and its result, as the loop functions take them. */
export interface Scored {
  set: CriteriaSet;
  assessment: Assessment;
  result: ScoreResult;
}

/** The identity that matches rounds of one facility: a provisional facility mapped later counts as its registry id. */
export const facilityKey = (a: Assessment): string => a.facility.registryId ?? a.facility.id;

export const allCriteria = (r: ScoreResult): ScoreResultCriterionResult[] => r.sections.flatMap((s) => s.criteria);
export const allItems = (r: ScoreResult): ScoreResultItemResult[] =>
  r.sections.flatMap((s) => s.criteria.flatMap((c) => c.items));

/** When an assessment was made, for ordering rounds: assessedOn, else submittedAt, createdAt, updatedAt. */
export const assessedWhen = (a: Assessment): string =>
  a.assessedOn ?? a.submittedAt ?? a.createdAt ?? a.updatedAt ?? '';
