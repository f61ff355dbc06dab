/** Choice answer kind: one option among several, each with its points; met when the option earns the maximum. */
import { type Exact, ZERO, cmp, eq, fromDecimal } from '../exact.js';
import type { KindModule } from './types.js';

/** The choice kind. */
export const choice: KindModule<'choice'> = {
  kind: 'choice',
  inLevels: false,
  check(r, p, ctx) {
    let m = ZERO;
    const seen = new Map<string, string>();
    r.options.forEach((o, oi) => {
      const op = `${p}/options/${oi}`;
      const other = seen.get(o.id);
      if (other !== undefined) ctx.problem('set.duplicate-id', `${op}/id`, { id: o.id, other });
      else seen.set(o.id, op);
      const pts = ctx.exact(o.points, `${op}/points`, ZERO);
      if (cmp(pts, m) > 0) m = pts;
    });
    return m;
  },
  compile(r) {
    const options = new Map<string, Exact>();
    let max = ZERO;
    for (const o of r.options) {
      const p = fromDecimal(o.points);
      options.set(o.id, p);
      if (cmp(p, max) > 0) max = p;
    }
    const allowed = r.options.map((o) => `"${o.id}"`).join(', ');
    return {
      max,
      points: (v) => (typeof v === 'string' ? options.get(v) : undefined),
      met: (_v, p) => eq(p, max),
      allowed: { vi: allowed, en: allowed },
    };
  },
};
