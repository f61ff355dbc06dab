/**
 * The one place the app imports `@tieuchi/core` from. Types come from core's generated schema types;
 * functions from core's public API. Keeping them here means a rename in core is one edit.
 */
export type {
  MessageTable,
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
  localizeDecimal,
  percentText,
  exactToNumber,
  lockedVerdict,
  parseLocaleNumber,
  decimalPlaces,
  formatLocaleNumber,
  mergeThreeWay,
  resolveConflict,
  defineMessages,
} from '@tieuchi/core';
export type { Problem, Outcome, ParsedNumber } from '@tieuchi/core';
// Answer kinds (ADR 0011): the app's registries in src/kinds/ are typed by core's kind union.
export type { ResponseKind, ResponseOf } from '@tieuchi/core';
// Integrity (issue 15): signed statements made at lock and their verification.
export { attestationKeyId, buildStatement, signStatement, verifyAttestations } from '@tieuchi/core';
export type { Attestation, AttestationCheck, AttestationReport, PublicKeyJwk } from '@tieuchi/core';
// Table import (issue 17, decision 0014): an official table's rows → a new set version, or every problem.
export { importTable, parseColumnMap, parseCsv } from '@tieuchi/core';
export type { TableCell, TableImportResult, TableProblem, TableRow, TableColumn } from '@tieuchi/core';
// Migration rule (issue 18): readers verify as received, then migrate forward.
export { upgradeAssessment } from '@tieuchi/core';
export { partNumbers, shortText } from '@tieuchi/core';
