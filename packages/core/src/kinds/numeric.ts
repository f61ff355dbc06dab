/** Numeric answer kind: a number (a count, a rate) mapped to points by bands; met when it earns the maximum. */
import { type Exact, ZERO, cmp, eq, fromDecimal } from '../exact.js';
import type { KindModule } from './types.js';

/**
 * The decimal places of a number as written in its shortest form (`9.5` → 1, `12` → 0, `1e-7` → 7), the rule a
 * numeric item's `decimals` is checked by.
 */
export function decimalPlaces(x: number): number {
  if (!Number.isFinite(x)) return Infinity;
  const m = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(String(x));
  if (!m) return Infinity;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

/** The numeric kind. */
export const numeric: KindModule<'numeric'> = {
  kind: 'numeric',
  inLevels: false,
  check(r, p, ctx) {
    let m = ZERO;
    ctx.decimal(r.min, `${p}/min`);
    ctx.decimal(r.max, `${p}/max`);
    r.bands.forEach((b, bi) => {
      const bp = `${p}/bands/${bi}`;
      ctx.decimal(b.min, `${bp}/min`);
      const pts = ctx.exact(b.points, `${bp}/points`, ZERO);
      if (cmp(pts, m) > 0) m = pts;
      const prev = r.bands[bi - 1];
      if (prev && !(b.min > prev.min)) ctx.problem('set.bands-order', `${bp}/min`, { prev: prev.min, next: b.min });
    });
    if (r.min !== undefined && r.min < r.bands[0]!.min)
      ctx.problem('set.bands-start', `${p}/bands/0/min`, { expected: r.min });
    if (r.min !== undefined && r.max !== undefined && r.min > r.max)
      ctx.problem('set.numeric-range', p, { min: r.min, max: r.max });
    return m;
  },
  compile(r) {
    const bands = r.bands.map((b) => ({ min: b.min, points: fromDecimal(b.points) }));
    let max = ZERO;
    for (const b of bands) if (cmp(b.points, max) > 0) max = b.points;
    const lo = r.min ?? r.bands[0]!.min;
    const hi = r.max ?? Infinity;
    const decimals = r.decimals ?? Infinity;
    const points = (v: unknown): Exact | undefined => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) return undefined;
      if (decimals !== Infinity && decimalPlaces(v) > decimals) return undefined;
      let p: Exact | undefined;
      for (let i = 0; i < bands.length && bands[i]!.min <= v; i++) p = bands[i]!.points;
      return p;
    };
    const vi = (x: number) => String(x).replace('.', ','); // decimal comma
    const dVi =
      decimals === 0 ? ', số nguyên' : Number.isFinite(decimals) ? `, tối đa ${decimals} chữ số thập phân` : '';
    const dEn =
      decimals === 0
        ? ', a whole number'
        : Number.isFinite(decimals)
          ? `, at most ${decimals} decimal ${decimals === 1 ? 'place' : 'places'}`
          : '';
    const allowed = {
      vi: `một số${Number.isFinite(lo) ? ` ≥ ${vi(lo)}` : ''}${Number.isFinite(hi) ? ` và ≤ ${vi(hi)}` : ''}${dVi}`,
      en: `a number${Number.isFinite(lo) ? ` ≥ ${lo}` : ''}${Number.isFinite(hi) ? ` and ≤ ${hi}` : ''}${dEn}`,
    };
    return { max, points, met: (_v, p) => eq(p, max), allowed };
  },
};
