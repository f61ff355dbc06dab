/**
 * The pinned set: a submitted or locked assessment records the content hash of the criteria set it was made
 * with, and nothing may score it with a set whose content differs, even when id and version are the same
 * (raising one threshold in a copy of a set would otherwise flip a locked verdict without a word).
 */
import type { Assessment, CriteriaSet } from './generated/types.js';
import { contentHash } from './hash.js';
import type { Problem } from './outcome.js';
import { fillTemplate } from './catalogue.js';
import { PIN_MESSAGES } from './pin-messages.js';

const hashes = new WeakMap<object, string>();

/**
 * The content hash of a set, computed from its content (a `contentHash` field the set carries is not trusted:
 * a copy could keep the old value). Cached per set object.
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
  if (typeof assessment !== 'object' || assessment === null || typeof set !== 'object' || set === null) return [];
  if (assessment.status !== 'locked' && assessment.status !== 'submitted') return [];
  const want = assessment.criteriaSet?.contentHash;
  if (typeof want !== 'string') return [];
  const got = setContentHash(set);
  if (got === want) return [];
  return [
    {
      code: 'verify.set-pin-mismatch',
      pointer: '/criteriaSet/contentHash',
      message: pinMessage({ want: want.slice(0, 12), got: got.slice(0, 12) }),
    },
  ];
}

/** The pinned-set message in both languages, `{placeholders}` filled from `args`. */
function pinMessage(args: Record<string, string>): { vi: string; en: string } {
  const t = PIN_MESSAGES['verify.set-pin-mismatch'];
  return { vi: fillTemplate(t.vi, args, 'vi'), en: fillTemplate(t.en, args, 'en') };
}
