/**
 * The pinned-set comparison without the hashing code (issue 20, ADR 0017): `pin.ts` (validating scoring,
 * verification) gives it a hash it computes; trusted scoring one recorded ahead or computed once the hashing code
 * is loaded (`set-hash.ts`), and refuses the document while there is none.
 */
import type { Assessment, CriteriaSet } from './generated/types.js';
import type { Problem } from './outcome.js';
import { fillTemplate } from './catalogue.js';
import { PIN_MESSAGES } from './pin-messages.js';
import { trustedSetHash } from './set-hash.js';

/**
 * The set content hash `assessment` pins when it is submitted or locked; `undefined` otherwise (drafts, assessments
 * that pin no hash, malformed input: other checks report those).
 */
export function pinOf(set: CriteriaSet, assessment: Assessment): string | undefined {
  if (typeof assessment !== 'object' || assessment === null || typeof set !== 'object' || set === null) return;
  if (assessment.status !== 'locked' && assessment.status !== 'submitted') return;
  const want = assessment.criteriaSet?.contentHash;
  return typeof want === 'string' ? want : undefined;
}

/** The mismatch problem when the pinned hash `want` is not the set's hash `got`; empty when they are equal. */
export function pinProblems(want: string, got: string): Problem[] {
  if (got === want) return [];
  return [pinProblem('verify.set-pin-mismatch', { want: want.slice(0, 12), got: got.slice(0, 12) })];
}

/**
 * {@link pinProblems} for trusted scoring: the set's hash as `set-hash.ts` knows it; while it knows none (not
 * recorded ahead, hashing code not loaded) a pinned document is refused with `verify.set-pin-unchecked`.
 */
export function trustedPinProblems(set: CriteriaSet, assessment: Assessment): Problem[] {
  const want = pinOf(set, assessment);
  if (want === undefined) return [];
  const got = trustedSetHash(set);
  if (got === undefined) return [pinProblem('verify.set-pin-unchecked', { want: want.slice(0, 12) })];
  return pinProblems(want, got);
}

/** A pinned-set problem with its message in both languages, `{placeholders}` filled from `args`. */
function pinProblem(code: keyof typeof PIN_MESSAGES, args: Record<string, string>): Problem {
  const t = PIN_MESSAGES[code];
  return {
    code,
    pointer: '/criteriaSet/contentHash',
    message: { vi: fillTemplate(t.vi, args, 'vi'), en: fillTemplate(t.en, args, 'en') },
  };
}
