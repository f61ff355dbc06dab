export {
  parseFraction,
  score,
  toFractionString,
  validateAssessment,
  validateCriteriaSet,
  validateFacilityRegistry,
} from '../src/index.js';
import { validateResultSchema } from '../src/generated/validators.js';

/** The result document conforms to result.schema.json. */
export const validateResultShape = (r: unknown): boolean => {
  const ok = validateResultSchema(r);
  if (!ok) throw new Error(JSON.stringify(validateResultSchema.errors?.slice(0, 3)));
  return ok;
};
