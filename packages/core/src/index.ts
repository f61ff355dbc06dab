/**
 * @tieuchi/core — criteria sets as data, an exact and explainable scoring engine, and validation.
 * Free of DOM, IndexedDB, Lit and pdfmake: it runs the same in Node and in the browser.
 *
 * @example
 * import { validateCriteriaSet, validateAssessment, score } from '@tieuchi/core';
 * const set = validateCriteriaSet(JSON.parse(setText));
 * if (!set.ok) throw new Error(set.errors[0].message.en);
 * const result = score(set.value, JSON.parse(assessmentText));
 * if (result.ok) console.log(result.value.decision, result.value.total.display.percent + ' %');
 */
import { contentHash as contentHashForTrustedScoring } from './hash.js';
import { installSetHasher } from './set-hash.js';
export { ENGINE_VERSION } from './score.js';
export { score } from './score-checked.js';
export { lockAssessment, lockedVerdict, type ScoredAtLock } from './lock-record.js';
export {
  validateCriteriaSet,
  validateAssessment,
  validateBundle,
  validateFacilityRegistry,
  validateImprovementPlan,
  SCHEMA_VERSION,
  SCHEMA_VERSIONS,
} from './validate.js';
export { contentHash, canonicalText, sha256Hex, verifyContentHash } from './hash.js';
export { formatExact, formatPercent, formatPoints } from './format.js';
export { formatDate, formatDateTime, parseDate, vietnamDate, vietnamToday, VIETNAM_TIME_ZONE } from './dates.js';
export {
  add,
  sub,
  mul,
  div,
  cmp,
  eq,
  frac,
  int,
  fromDecimal,
  percentOf,
  toNumber as exactToNumber,
  toFractionString,
  parseFraction,
  ZERO,
  ONE,
  HUNDRED,
  sign,
  neg,
  isZero,
} from './exact.js';
export { flattenItems, type ItemPlace } from './items.js';
export { toCsv } from './csv.js';
export { type Scored, facilityKey } from './loop/common.js';
export { proposePlan } from './loop/plan.js';
export {
  compareAssessments,
  type Comparison,
  type NodeDelta,
  type ItemDelta,
  type ItemChange,
} from './loop/compare.js';
export { reconcile, type Reconciliation, type Disagreement } from './loop/reconcile.js';
export {
  rankByScore,
  rankByImprovement,
  type ScoreRanking,
  type ScoreRow,
  type ImprovementRanking,
  type ImprovementRow,
  type Entry as RankEntry,
} from './loop/rank.js';
export { mergeAssessments, type MergeOutcome, type MergeConflict } from './loop/merge.js';
export { mergeThreeWay, resolveConflict, type Merge3Outcome, type ConflictCandidate } from './loop/merge3.js';
export { diffSets, localEdition, type SetChange } from './set-diff.js';
export { aggregate, type Aggregate, type CriterionAggregate, type ItemAggregate } from './loop/aggregate.js';
export { createAggregator, type Aggregator, type AggregatorState } from './loop/aggregate.js';
export { migrateForward, MIGRATIONS, type Migration, type DocumentKind } from './migrate.js';
export { message, type MessageCode } from './all-messages.js';
export {
  defineMessages,
  fillTemplate,
  type Lang,
  type MessageArgs,
  type MessageFn,
  type MessageTable,
  type Msg,
} from './catalogue.js';
export type { Outcome, Problem } from './outcome.js';
export type {
  Exact,
  LocalizedText,
  CriteriaSet,
  CriteriaSetSection,
  CriteriaSetCriterion,
  CriteriaSetItem,
  CriteriaSetResponse,
  CriteriaSetPassRule,
  CriteriaSetRating,
  CriteriaSetScoring,
  CriteriaSetFactProvenance,
  Assessment,
  AssessmentAnswer,
  AssessmentConflict,
  Facility,
  FacilityKind,
  FacilityRegistry,
  Zone,
  Bundle,
  ImprovementPlan,
  ScoreResult,
  ScoreResultScore,
  ScoreResultSectionResult,
  ScoreResultCriterionResult,
  ScoreResultItemResult,
  ScoreResultRuleOutcome,
} from './generated/types.js';
export { verifyAssessment, verifyBundle, decodeBase64, type VerifyContext } from './verify.js';
export { pinnedSetProblems, setContentHash } from './pin.js';
export { rememberSetHash, loadSetHashing, trustedSetHash } from './set-hash.js';
export {
  attestationKeyId,
  buildStatement,
  signStatement,
  statementBytes,
  verifyAttestations,
  verifyBundleSigned,
  type SignedBundleVerdict,
  toBase64Url,
  fromBase64Url,
  webCrypto,
  type Attestation,
  type Statement,
  type PublicKeyJwk,
  type RegisteredKey,
  type KeyStanding,
  type AttestationCheck,
  type AttestationReport,
  type SubtleLike,
} from './attest.js';
export { csvField } from './csv.js';
export { decimalPlaces } from './answers.js';
export { parseLocaleNumber, formatLocaleNumber, type ParsedNumber, type NumberLocale } from './parse-number.js';
export {
  formatLevel,
  formatAgreeing,
  formatPositive,
  formatThreshold,
  localizeDecimal,
  percentText,
  bothDecimal,
  bothPercent,
} from './format.js';
export { explain } from './messages.js';
export { namesOf, nameList, shortText, type SetNames } from './names.js';
export type { ScoreResultExplanation as Explanation } from './generated/types.js';
export { RESPONSE_KINDS, type ResponseKind, type ResponseOf } from './kinds/index.js';
export * from './table-import/index.js';
export { upgradeAssessment } from './migrate.js';
export { referencedPhotos } from './verify.js';
export * from './container/index.js';
// Start-up path (issue 20, ADR 0017): scoring of documents already verified, without the schema validators.
export { scoreTrusted } from './score.js';
export { resultFigures, type CriterionFigures, type ItemFigures } from './score.js';
export { partNumbers, type PartNumbers } from './names.js';
export { setSha256, type Sha256Hex } from './hash.js';
export { mergePlans, type PlanMerge, type PlanConflict } from './loop/plan-merge.js';
// Trusted scoring hashes any set a pinned document meets in programs on the full API (the CLI, the server); the
// validator-free part (`trusted.ts`) records hashes ahead or loads the hashing code (`set-hash.ts`, ADR 0017).
installSetHasher(contentHashForTrustedScoring);
