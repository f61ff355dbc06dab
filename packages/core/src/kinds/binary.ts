/** Binary answer kind: met / not met; met earns `points` (levels model: an element, 1). */
import { ONE, ZERO, fromDecimal } from '../exact.js';
import type { KindModule } from './types.js';

const ALLOWED = { vi: '"met", "not-met"', en: '"met", "not-met"' };

/** The binary kind. */
export const binary: KindModule<'binary'> = {
  kind: 'binary',
  inLevels: true,
  check(r, p, ctx) {
    if (ctx.model === 'points' && r.points === undefined) ctx.problem('set.points-missing', p);
    return ctx.exact(r.points, `${p}/points`, ZERO);
  },
  compile(r, model) {
    const max = model === 'levels' ? ONE : fromDecimal(r.points ?? 0);
    return {
      max,
      points: (v) => (v === 'met' ? max : v === 'not-met' ? ZERO : undefined),
      met: (v) => v === 'met',
      allowed: ALLOWED,
    };
  },
};
