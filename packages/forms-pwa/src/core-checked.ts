/**
 * The validating half of `@tieuchi/core` the app uses: core's generated schema validators come with these, so
 * only lazily loaded modules import this file (locking and signing, verifying signatures on Results, the builder,
 * imports). The start-up path imports `./core.js` only and scores stored documents with `scoreTrusted`, because
 * they were verified before they were stored (ADR 0017). `quality/initial-load.quality.ts` fails if the
 * validators come back onto the start-up path.
 */
export {
  score,
  lockAssessment,
  lockedVerdict,
  buildStatement,
  signStatement,
  verifyAttestations,
  verifyAssessment,
  validateImprovementPlan,
  validateCriteriaSet,
  importTable,
  parseColumnMap,
  parseCsv,
} from '@tieuchi/core';
