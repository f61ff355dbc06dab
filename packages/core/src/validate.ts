/**
 * Validation of every document kind: the generated ajv standalone validators (compiled at build time, so the
 * browser needs no `unsafe-eval`), then the checks JSON Schema cannot express. Criteria sets are validated in
 * `validate-set.ts` (which `prepare.ts` uses: no import cycle), re-exported here.
 */
import type { Assessment, Bundle, CriteriaSet, FacilityRegistry, ImprovementPlan } from './generated/types.js';
import {
  validateAssessmentSchema,
  validateBundleSchema,
  validateFacilityRegistrySchema,
  validateImprovementPlanSchema,
} from './generated/validators.js';
import { message } from './messages.js';
import { type Outcome, type Problem, fail, ok } from './outcome.js';
import { checkSetSemantics } from './semantic.js';
import { prepareSet } from './prepare.js';
import { SCHEMA_VERSIONS, bySchema, isObject } from './by-schema.js';
import { checkAnswers, checkFacility } from './answers.js';
import { setContentHash } from './pin.js';

export { SCHEMA_VERSION, SCHEMA_VERSIONS } from './by-schema.js';
export { validateCriteriaSet } from './validate-set.js';

/** Schema checks only (no semantics): used by the scorer, which checks answers against the set itself. */
export const validateAssessmentShape = (data: unknown): Outcome<Assessment> =>
  bySchema<Assessment>(validateAssessmentSchema, data, SCHEMA_VERSIONS.assessment);

/** Schema checks of everything but the answers (the scorer's fast path checks those itself: answer-fast.ts). */
export function validateAssessmentHeader(data: unknown): Outcome<Assessment> {
  // The full assessment validator on a shallow copy whose answers are empty: the same checks as a separate
  // "header" schema without a second generated validator (which would add ~12 KB gzip to the app's first load).
  if (!isObject(data)) return bySchema<Assessment>(validateAssessmentSchema, data, SCHEMA_VERSIONS.assessment);
  const r = bySchema<Assessment>(
    validateAssessmentSchema,
    { ...data, answers: NO_ANSWERS },
    SCHEMA_VERSIONS.assessment,
  );
  return r.ok ? ok(data as unknown as Assessment) : r;
}
const NO_ANSWERS = Object.freeze({});

/**
 * Validates an assessment; with `set`, also that it was made with that set (id, version, and content hash
 * when both carry one) and that every answer names an item of the set with a value valid for it.
 */
export function validateAssessment(data: unknown, set?: CriteriaSet): Outcome<Assessment> {
  const r = validateAssessmentShape(data);
  if (!r.ok || !set) return r;
  const a = r.value;
  const prepared = prepareSet(set);
  if (!prepared.ok) return prepared;
  const problems: Problem[] = [];
  if (a.criteriaSet.id !== set.id || a.criteriaSet.version !== set.version) {
    problems.push({
      code: 'answer.set-mismatch',
      pointer: '/criteriaSet',
      message: message('answer.set-mismatch', {
        want: `${a.criteriaSet.id}@${a.criteriaSet.version}`,
        got: `${set.id}@${set.version}`,
      }),
    });
  } else if (a.criteriaSet.contentHash) {
    const h = setContentHash(set); // computed, as verification does: the set's own `contentHash` field is not trusted
    if (h !== a.criteriaSet.contentHash) {
      problems.push({
        code: 'answer.hash-mismatch',
        pointer: '/criteriaSet/contentHash',
        message: message('answer.hash-mismatch', { want: a.criteriaSet.contentHash.slice(0, 12), got: h.slice(0, 12) }),
      });
    }
  }
  if (!problems.length)
    problems.push(...checkFacility(prepared.value, a.facility), ...checkAnswers(prepared.value, a.answers));
  return problems.length ? fail(problems) : r;
}

/** Validates an exchange bundle, including every criteria set inside it (schema and semantics). */
export function validateBundle(data: unknown): Outcome<Bundle> {
  const r = bySchema<Bundle>(validateBundleSchema, data);
  if (!r.ok) return r;
  const problems: Problem[] = [];
  r.value.criteriaSets?.forEach((s, i) => {
    for (const p of checkSetSemantics(s)) problems.push({ ...p, pointer: `/criteriaSets/${i}${p.pointer}` });
  });
  return problems.length ? fail(problems) : r;
}

export const validateFacilityRegistry = (data: unknown): Outcome<FacilityRegistry> =>
  bySchema<FacilityRegistry>(validateFacilityRegistrySchema, data);
export const validateImprovementPlan = (data: unknown): Outcome<ImprovementPlan> =>
  bySchema<ImprovementPlan>(validateImprovementPlanSchema, data);
