/**
 * The one place the app imports `@tieuchi/core` from. Types come from core's generated schema types;
 * functions from core's public API. Keeping them here means a rename in core is one edit.
 */
export type {
  Assessment,
  AssessmentAnswer,
  Bundle,
  CriteriaSet,
  CriteriaSetCriterion,
  CriteriaSetItem,
  CriteriaSetSection,
  Exact,
  Facility,
  FacilityKind,
  FacilityRegistry,
  ImprovementPlan,
  LocalizedText,
  ScoreResult,
  ScoreResultCriterionResult,
  ScoreResultItemResult,
  ScoreResultScore,
  ScoreResultSectionResult,
  Zone,
} from '@tieuchi/core';
export {
  formatDate,
  formatDateTime,
  parseDate,
  vietnamDate,
  vietnamToday,
  score,
  contentHash,
  sha256Hex,
  lockAssessment,
  formatExact,
  formatPercent,
  exactToNumber,
  lockedVerdict,
  parseLocaleNumber,
  decimalPlaces,
  formatLocaleNumber,
  mergeThreeWay,
  resolveConflict,
} from '@tieuchi/core';
export type { Problem, Outcome, ParsedNumber } from '@tieuchi/core';
// Integrity (issue 15): signed statements made at lock and their verification.
export { attestationKeyId, buildStatement, signStatement, verifyAttestations } from '@tieuchi/core';
export type { Attestation, AttestationCheck, AttestationReport, PublicKeyJwk } from '@tieuchi/core';
// One message catalogue (issue 18): the council-server views' table (src/sync/messages.ts) uses it.
export { defineMessages } from '@tieuchi/core';
export type { MessageTable } from '@tieuchi/core';
