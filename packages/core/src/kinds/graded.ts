/** Graded answer kind: met / partially met / not met (WASH FIT style: points 2, partialPoints 1). */
import { ZERO, cmp, fromDecimal } from '../exact.js';
import type { KindModule } from './types.js';

const ALLOWED = { vi: '"met", "partial", "not-met"', en: '"met", "partial", "not-met"' };

/** The graded kind. */
export const graded: KindModule<'graded'> = {
  kind: 'graded',
  inLevels: false,
  check(r, p, ctx) {
    const full = ctx.exact(r.points, `${p}/points`, ZERO);
    const part = ctx.exact(r.partialPoints, `${p}/partialPoints`, ZERO);
    if (cmp(part, full) >= 0)
      ctx.problem('set.partial-too-high', `${p}/partialPoints`, { partial: r.partialPoints, points: r.points });
    return full;
  },
  compile(r) {
    const max = fromDecimal(r.points);
    const partial = fromDecimal(r.partialPoints);
    return {
      max,
      points: (v) => (v === 'met' ? max : v === 'partial' ? partial : v === 'not-met' ? ZERO : undefined),
      met: (v) => v === 'met',
      allowed: ALLOWED,
    };
  },
};
