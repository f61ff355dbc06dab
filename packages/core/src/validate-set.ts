/**
 * Validation of a criteria set: the schema, then the checks JSON Schema cannot express (`semantic.ts`).
 */
import type { CriteriaSet } from './generated/types.js';
import { validateCriteriaSetSchema } from './generated/validators.js';
import { type Outcome, fail } from './outcome.js';
import { checkSetSemantics } from './semantic.js';
import { bySchema } from './by-schema.js';

/**
 * Validates a criteria set: the schema, then unique ids, exact decimals, stated maxima, bands, rules.
 * @returns the set itself when valid, or every problem found with its JSON Pointer.
 */
export function validateCriteriaSet(data: unknown): Outcome<CriteriaSet> {
  const r = bySchema<CriteriaSet>(validateCriteriaSetSchema, data);
  if (!r.ok) return r;
  const problems = checkSetSemantics(r.value);
  return problems.length ? fail(problems) : r;
}
