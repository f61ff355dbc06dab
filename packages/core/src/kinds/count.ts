/**
 * Count-with-target answer kind ("số lần kiểm tra trong năm ≥ 4"): the answer is a whole number ≥ 0; the item
 * is met when the count reaches the target (comparison `at-least`) and then earns `points`, otherwise 0. No
 * partial credit (docs/scoring.md, "Count with a target").
 */
import { ZERO, fromDecimal } from '../exact.js';
import { message } from '../messages.js';
import type { KindModule } from './types.js';

/** The count kind. */
export const count: KindModule<'count'> = {
  kind: 'count',
  inLevels: false,
  check(r, p, ctx) {
    return ctx.exact(r.points, `${p}/points`, ZERO);
  },
  compile(r) {
    const max = fromDecimal(r.points);
    const target = r.target;
    return {
      max,
      points: (v) =>
        typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? (v >= target ? max : ZERO) : undefined,
      met: (v) => (v as number) >= target,
      allowed: message('answer.count-allowed'),
    };
  },
};
