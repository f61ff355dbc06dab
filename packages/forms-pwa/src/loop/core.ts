/**
 * The improvement-loop part of `@tieuchi/core` the app uses. Imported here, not through `src/core.ts`, so the
 * loop views (lazy-loaded) pull it in without touching the fill-in path's imports.
 */
export {
  proposePlan,
  compareAssessments,
  reconcile,
  rankByScore,
  rankByImprovement,
  aggregate,
  mergeAssessments,
  facilityKey,
  formatPercent,
  formatExact,
  exactToNumber,
  score,
  add,
  sub,
  ZERO,
  mul,
  sign,
  HUNDRED,
} from '@tieuchi/core';
export type {
  Scored,
  Comparison,
  NodeDelta,
  ItemDelta,
  Reconciliation,
  Disagreement,
  ScoreRanking,
  ScoreRow,
  ImprovementRanking,
  ImprovementRow,
  Aggregate,
  MergeOutcome,
  MergeConflict,
  Exact,
  ImprovementPlan,
  RankEntry,
} from '@tieuchi/core';
