/**
 * The pinned set: a submitted or locked assessment records the content hash of the criteria set it was made
 * with, and nothing may score it with a set whose content differs, even when id and version are the same
 * (raising one threshold in a copy of a set would otherwise flip a locked verdict without a word).
 */
import type { Assessment, CriteriaSet } from './generated/types.js';
import { contentHash } from './hash.js';
import type { Problem } from './outcome.js';
import { pinOf, pinProblems } from './pin-check.js';

const hashes = new WeakMap<object, string>();

/**
 * The content hash of a set, computed from its content (a `contentHash` field the set carries is not trusted:
 * a copy could keep the old value, nor is a hash recorded for trusted scoring). Cached per set object.
 */
export function setContentHash(set: CriteriaSet): string {
  let h = hashes.get(set);
  if (h === undefined) {
    h = contentHash(set);
    hashes.set(set, h);
  }
  return h;
}

/**
 * Problems when `assessment` is submitted or locked and pins a set content hash other than `set`'s; empty
 * otherwise (drafts, assessments that pin no hash, malformed input: other checks report those).
 */
export function pinnedSetProblems(set: CriteriaSet, assessment: Assessment): Problem[] {
  const want = pinOf(set, assessment);
  return want === undefined ? [] : pinProblems(want, setContentHash(set));
}
