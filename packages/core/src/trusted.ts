/**
 * The part of core's public API that does not load the generated schema validators: for programs that show and
 * score documents they already verified (the app's start-up path, issue 20). Everything here is also exported by
 * `index.ts`, as the same functions. Validation, verification, locking and imports are not here: they are where
 * untrusted input enters and live in `index.ts` only. ADR 0017 says what is trusted where;
 * `test/trusted.test.ts` fails if anything here comes to import the validators.
 *
 * @example
 * import { scoreTrusted } from '@tieuchi/core/trusted'; // (the app's alias for this file)
 */
export { scoreTrusted, ENGINE_VERSION } from './score.js';
export { rememberSetHash, loadSetHashing, trustedSetHash } from './set-hash.js';
export { contentHash, canonicalText, sha256Hex, verifyContentHash } from './hash.js';
export { attestationKeyId } from './key-id.js';
export { formatDate, formatDateTime, parseDate, vietnamDate, vietnamToday, VIETNAM_TIME_ZONE } from './dates.js';
export {
  formatExact,
  formatPercent,
  formatPoints,
  formatLevel,
  formatAgreeing,
  formatPositive,
  formatThreshold,
  localizeDecimal,
  percentText,
  bothDecimal,
  bothPercent,
} from './format.js';
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
export { parseLocaleNumber, formatLocaleNumber } from './parse-number.js';
export { decimalPlaces } from './answers.js';
export { mergeThreeWay, resolveConflict } from './loop/merge3.js';
export { defineMessages, fillTemplate } from './catalogue.js';
export { upgradeAssessment } from './migrate.js';
export { facilityKey } from './loop/common.js';
export { proposePlan } from './loop/plan.js';
export { partNumbers, shortText, type PartNumbers } from './names.js';
export { mergePlans, type PlanMerge, type PlanConflict } from './loop/plan-merge.js';
