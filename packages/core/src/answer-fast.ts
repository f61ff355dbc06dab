/**
 * The scorer's fast path for answers: one pass that accepts an answer only when it is certainly valid by the
 * assessment schema's `Answer` definition AND fits its item (what `checkAnswers` calls fine). It is conservative:
 * anything it does not recognise (an unknown item, a field it does not check such as `evidence` or `at`, a
 * value out of range) makes it return false, and the caller then runs the full schema validator and
 * `checkAnswers`, which produce the problems. So it can only save work, never accept what validation refuses
 * (`test/answer-fast.test.ts` checks that against the generated validator).
 */
import type { Assessment } from './generated/types.js';
import { pointsFor } from './answers.js';
import type { CompiledSet } from './compile.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** True when every answer in `answers` is schema-valid and valid for its item of `c`. */
export function answersCertainlyValid(c: CompiledSet, answers: unknown): answers is Assessment['answers'] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return false;
  const all = answers as Record<string, Record<string, unknown>>;
  for (const id in all) {
    if (!hasOwn.call(all, id)) return false;
    const it = c.items.get(id); // a known item id matches the Id pattern (the set's ids were validated with it)
    if (it === undefined) return false;
    const a = all[id];
    if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
    // One pass over the answer's own fields; a field this check does not know sends the answer the full way.
    for (const k in a) {
      const v = a[k];
      switch (k) {
        case 'value':
          if (!(typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) return false;
          break;
        case 'na':
          if (typeof v !== 'boolean') return false;
          break;
        // String lengths: the schema counts code points, never more than UTF-16 units, so these bounds are safe.
        case 'unassessed':
          if (typeof v !== 'string' || v.length < 1 || v.length > 4000) return false;
          break;
        case 'note':
          if (typeof v !== 'string' || v.length > 20000) return false;
          break;
        case 'by':
          if (typeof v !== 'string' || v.length > 500) return false;
          break;
        default:
          return false; // evidence, at, a typo: the full validator decides
      }
      if (!hasOwn.call(a, k)) return false;
    }
    const { value, na, unassessed } = a;
    const fine =
      value === undefined
        ? !(na === true && (!it.naAllowed || unassessed !== undefined))
        : na !== true && unassessed === undefined && pointsFor(it, value) !== undefined;
    if (!fine) return false;
  }
  return true;
}
