/**
 * The one place the app's start-up path imports `@tieuchi/core` from. Types come from core's generated schema
 * types; functions from `@tieuchi/core/trusted`, core's validator-free part (issue 20, ADR 0017): documents the
 * store holds were verified before they were stored, so the views score them with `scoreTrusted`. Validating,
 * verifying, locking and imports come from `./core-checked.js`, which only lazily loaded modules import.
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
  scoreTrusted,
  rememberSetHash,
  loadSetHashing,
  trustedSetHash,
  contentHash,
  sha256Hex,
  formatExact,
  formatPercent,
  localizeDecimal,
  percentText,
  exactToNumber,
  parseLocaleNumber,
  decimalPlaces,
  formatLocaleNumber,
  mergeThreeWay,
  mergePlans,
  resolveConflict,
  defineMessages,
  proposePlan,
  facilityKey,
  sign,
  ZERO,
  add,
} from '@tieuchi/core/trusted';
export type { Problem, Outcome, ParsedNumber } from '@tieuchi/core';
// Answer kinds (ADR 0011): the app's registries in src/kinds/ are typed by core's kind union.
export type { ResponseKind, ResponseOf } from '@tieuchi/core';
// Integrity (issue 15): signed statements made at lock and their verification.
export { attestationKeyId } from '@tieuchi/core/trusted';
// score, lockAssessment, lockedVerdict, buildStatement, signStatement, verifyAttestations: `./core-checked.js`.
export type { Attestation, AttestationCheck, AttestationReport, PublicKeyJwk } from '@tieuchi/core';
// Table import (issue 17, decision 0014): an official table's rows → a new set version, or every problem.
// importTable, parseColumnMap, parseCsv: `./core-checked.js` (the builder loads them).
export type { TableCell, TableImportResult, TableProblem, TableRow, TableColumn } from '@tieuchi/core';
// Migration rule (issue 18): readers verify as received, then migrate forward.
export { upgradeAssessment, partNumbers, shortText } from '@tieuchi/core/trusted';
