/**
 * The validating scorer (the public `score`): the set and the assessment are checked against their schemas and
 * semantics first, then scored by the engine in `score.ts`. It is its own module so that `score.ts` does not
 * import the generated validators: the app scores documents it already verified with `scoreTrusted` and keeps the
 * validators off its start-up path (issue 20, ADR 0017).
 */
import type { Assessment, CriteriaSet, ScoreResult } from './generated/types.js';
import { checkAnswers, checkFacility } from './answers.js';
import { type Outcome, fail, ok } from './outcome.js';
import { pinnedSetProblems } from './pin.js';
import { prepareSet } from './prepare.js';
import { validateAssessmentHeader, validateAssessmentShape } from './validate.js';
import { compute, setMismatch } from './score.js';

/**
 * Scores `assessment` with `set`: pure and deterministic. Bad data (an invalid set or assessment, an answer
 * to an unknown item, a wrong value, a set that is not the one the assessment was made with) is returned as
 * problems, never scored.
 *
 * Valid input never throws; exact values past 2^53 come back with digit-string fields (ADR 0006). Each
 * criterion's `items` explanation is built on first read from the assessment's answers: treat the assessment as
 * immutable once scored (as the app and the CLI do), or read the items before changing it.
 *
 * @example
 * const r = score(set, assessment);
 * if (r.ok) console.log(r.value.decision, r.value.total.display.percent);
 * else for (const p of r.errors) console.error(p.pointer, p.message.en);
 */
export function score(set: CriteriaSet, assessment: Assessment): Outcome<ScoreResult> {
  // A locked assessment is scored only with the very set it pinned (src/pin.ts).
  const pinned = pinnedSetProblems(set, assessment);
  if (pinned.length) return fail(pinned);
  const prepared = prepareSet(set);
  if (!prepared.ok) return prepared;
  const c = prepared.value;
  // Fast path: the document by its schema with the answers set aside, then each answer checked by hand while it
  // is scored (one pass, answer-fast.ts). Anything doubtful (a field the check does not know, a value the item
  // refuses, an answer to no item, a facility problem) takes the full path below, which names the problems.
  const answers = (assessment as Partial<Assessment> | null)?.answers as unknown;
  if (typeof answers === 'object' && answers !== null && !Array.isArray(answers)) {
    const header = validateAssessmentHeader(assessment);
    if (header.ok) {
      const mismatch = setMismatch(set, assessment);
      if (mismatch) return mismatch;
      if (!checkFacility(c, assessment.facility).length) {
        const r = compute(c, assessment, true);
        if (r) return ok(r);
      }
    }
  }
  const shape = validateAssessmentShape(assessment);
  if (!shape.ok) return shape;
  const mismatch = setMismatch(set, assessment);
  if (mismatch) return mismatch;
  const problems = checkFacility(c, assessment.facility);
  problems.push(...checkAnswers(c, assessment.answers));
  if (problems.length) return fail(problems);
  return ok(compute(c, assessment, false)!);
}
