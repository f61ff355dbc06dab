/**
 * A set is validated and compiled once per object, then reused by every `score()` call on it.
 */
import type { CriteriaSet } from './generated/types.js';
import { type CompiledSet, compileSet } from './compile.js';
import type { Outcome } from './outcome.js';
import { ok } from './outcome.js';
import { validateCriteriaSet } from './validate-set.js';

const cache = new WeakMap<object, Outcome<CompiledSet>>();

/** The compiled form of `set`, or the problems that keep it from being scored. Cached per set object. */
export function prepareSet(set: CriteriaSet): Outcome<CompiledSet> {
  // Not an object (e.g. `null` from a broken file): nothing to cache, validation says what is wrong.
  if (typeof set !== 'object' || set === null) return validateCriteriaSet(set) as Outcome<never>;
  let c = cache.get(set);
  if (!c) {
    const v = validateCriteriaSet(set);
    c = v.ok ? ok(compileSet(v.value)) : v;
    cache.set(set, c);
  }
  return c;
}
