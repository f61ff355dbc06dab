/**
 * The scorer's fast path for answers: checks that accept an answer only when it is certainly valid by the
 * assessment schema's `Answer` definition AND fits its item (what `checkAnswers` calls fine). They are
 * conservative: anything they do not recognise (an unknown item, a field they do not check such as `evidence` or
 * `at`, a value out of range) makes them return `undefined`/false, and the caller then runs the full schema
 * validator and `checkAnswers`, which produce the problems. So they can only save work, never accept what
 * validation refuses (`test/answer-fast.test.ts` checks that against the generated validator).
 *
 * `score()` runs {@link fastAnswerPoints} on each answer while it scores (one pass: validated and scored
 * together); {@link answersCertainlyValid} is the same check over a whole answers object.
 */
import type { Assessment } from './generated/types.js';
import type { Exact } from './exact.js';
import type { CItem, CompiledSet } from './compile.js';

const hasOwn = Object.prototype.hasOwnProperty;

/** Returned by {@link fastAnswerPoints} for a valid answer without a value (N/A, unassessed, a note only). */
export const NO_VALUE: unique symbol = Symbol('no value');

/**
 * The points a raw answer `a` to item `it` earns when the answer is certainly valid (schema and item):
 * `NO_VALUE` when it is valid and has no value, `undefined` when it is not certainly valid.
 */
export function fastAnswerPoints(it: CItem, a: unknown): Exact | typeof NO_VALUE | undefined {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return undefined;
  const o = a as Record<string, unknown>;
  // One pass over the answer's own fields; a field this check does not know sends the answer the full way.
  for (const k in o) {
    const v = o[k];
    switch (k) {
      case 'value':
        if (!(typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) return undefined;
        break;
      case 'na':
        if (typeof v !== 'boolean') return undefined;
        break;
      // String lengths: the schema counts code points, never more than UTF-16 units, so these bounds are safe.
      case 'unassessed':
        if (typeof v !== 'string' || v.length < 1 || v.length > 4000) return undefined;
        break;
      case 'note':
        if (typeof v !== 'string' || v.length > 20000) return undefined;
        break;
      case 'by':
        if (typeof v !== 'string' || v.length > 500) return undefined;
        break;
      default:
        return undefined; // evidence, at, a typo: the full validator decides
    }
    if (!hasOwn.call(o, k)) return undefined;
  }
  const { value, na, unassessed } = o;
  if (value === undefined) return na === true && (!it.naAllowed || unassessed !== undefined) ? undefined : NO_VALUE;
  return na !== true && unassessed === undefined ? it.points(value) : undefined;
}

/** True when every answer in `answers` is schema-valid and valid for its item of `c`. */
export function answersCertainlyValid(c: CompiledSet, answers: unknown): answers is Assessment['answers'] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return false;
  const all = answers as Record<string, unknown>;
  for (const id in all) {
    if (!hasOwn.call(all, id)) return false;
    const it = c.items.get(id); // a known item id matches the Id pattern (the set's ids were validated with it)
    if (it === undefined || fastAnswerPoints(it, all[id]) === undefined) return false;
  }
  return true;
}

/**
 * True when a `for…in` over `o` visits exactly its own enumerable keys: its prototype is Object.prototype (with
 * no enumerable keys of its own) or null. The scorer's fast path reads the answers by `Object.keys`; the schema
 * validator walks them with `for…in`, so an object this refuses goes the full way.
 */
export function onlyOwnEnumerable(o: object): boolean {
  const proto: unknown = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const _ in Object.prototype) return false;
  return true;
}
