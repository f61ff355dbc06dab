/**
 * Checks on a criteria set that JSON Schema cannot express: unique ids, exact decimals, points that add up
 * to the stated maxima, bands that cover their range without gaps or overlaps, rules that refer to existing
 * criteria and fit the scoring model.
 */
import type { CriteriaSet, CriteriaSetItem } from './generated/types.js';
import { type Exact, ZERO, add, cmp, eq, fromDecimal, int, isDecimal4, mul, toFractionString } from './exact.js';
import { formatPoints } from './format.js';
import { type MessageCode, message } from './all-messages.js';
import type { Problem } from './outcome.js';
import { type CheckContext, allowedInLevels, checkResponse } from './kinds/index.js';

type Args = Record<string, string | number>;

/**
 * The largest set validation accepts. The largest built-in set has 89 items and 32 criteria; these are more
 * than a hundred and sixty times that (the issue asks for at least ten times). Stated in ADR 0006.
 */
export const LIMITS = { items: 10_000, criteria: 2_000 } as const;

/** Numbers in a criteria file are read exactly when |x| × 10^4 is a safe integer: |x| up to 9 × 10^11. */
const DECIMAL_RANGE = 900_000_000_000;

export function checkSetSemantics(set: CriteriaSet): Problem[] {
  const problems: Problem[] = [];
  const add_ = (code: MessageCode, pointer: string, args: Args = {}): void => {
    problems.push({ code, pointer, message: message(code, args) });
  };
  const model = set.scoring.model;
  const levels = set.scoring.levels;
  const zones = set.applicability.zones ? new Set<string>(set.applicability.zones) : null;

  // Every number read as exact must have at most 4 decimals.
  const dec = (x: number | undefined, pointer: string): boolean => {
    if (x === undefined) return true;
    if (isDecimal4(x)) return true;
    if (Math.abs(x) > DECIMAL_RANGE) add_('set.number-range', pointer, { value: x, limit: DECIMAL_RANGE });
    else add_('set.decimals', pointer, { value: x });
    return false;
  };
  const ex = (x: number | undefined, pointer: string, fallback: Exact): Exact =>
    x !== undefined && dec(x, pointer) ? fromDecimal(x) : fallback;

  if (model === 'levels' && levels === undefined) add_('set.levels-missing', '/scoring');

  const ids = new Map<string, string>();
  const unique = (id: string, pointer: string): void => {
    const other = ids.get(id);
    if (other !== undefined) add_('set.duplicate-id', `${pointer}/id`, { id, other });
    else ids.set(id, pointer);
  };

  // Each response kind checks its own fields (kinds/): the points it can earn, bands, options.
  const ctx: CheckContext = { model, problem: add_, decimal: dec, exact: ex };
  const itemMax = (it: CriteriaSetItem, p: string): Exact => checkResponse(it.response, `${p}/response`, ctx);

  const checkStated = (stated: number | undefined, computed: Exact, pointer: string): void => {
    if (stated === undefined || !dec(stated, pointer)) return;
    if (!eq(fromDecimal(stated), computed))
      add_('set.max-mismatch', pointer, {
        stated,
        computed:
          formatPoints(computed) === toFractionString(computed) ? formatPoints(computed) : toFractionString(computed),
      });
  };

  // Size limits (docs/decisions/0006-scoring-engine-ii.md): far above any real set, low enough that scoring
  // stays interactive even when every value needs BigInt.
  let itemCount = 0;
  let criterionCount = 0;
  for (const s of set.sections) {
    criterionCount += s.criteria.length;
    for (const c of s.criteria) itemCount += c.items.length;
  }
  if (itemCount > LIMITS.items) add_('set.too-many-items', '/sections', { count: itemCount, limit: LIMITS.items });
  if (criterionCount > LIMITS.criteria)
    add_('set.too-many-criteria', '/sections', { count: criterionCount, limit: LIMITS.criteria });

  let total = ZERO;
  let totalWeight = ZERO;
  const criterionIds = new Set<string>();
  set.sections.forEach((s, si) => {
    const sp = `/sections/${si}`;
    unique(s.id, sp);
    const sw = ex(s.weight, `${sp}/weight`, int(1));
    let sectionMax = ZERO;
    s.criteria.forEach((c, ci) => {
      const cp = `${sp}/criteria/${ci}`;
      unique(c.id, cp);
      criterionIds.add(c.id);
      const cw = ex(c.weight, `${cp}/weight`, int(1));
      totalWeight = add(totalWeight, mul(sw, cw));
      let cmax = ZERO;
      c.items.forEach((it, ii) => {
        const ip = `${cp}/items/${ii}`;
        unique(it.id, ip);
        cmax = add(cmax, itemMax(it, ip));
        if (model === 'levels') {
          if (it.level === undefined || (levels !== undefined && it.level > levels))
            add_('set.level-missing', `${ip}/level`, { levels: levels ?? 5 });
          if (!allowedInLevels(it.response.kind)) add_('set.levels-binary-only', `${ip}/response/kind`);
        } else if (it.level !== undefined) add_('set.level-unexpected', `${ip}/level`);
        it.applicableZones?.forEach((z, zi) => {
          if (zones && !zones.has(z)) add_('set.zone-unknown', `${ip}/applicableZones/${zi}`, { zone: z });
        });
      });
      if (model === 'points') checkStated(c.maxPoints, cmax, `${cp}/maxPoints`);
      else if (levels !== undefined) {
        // Every level of the ladder needs an element: a level without one can be neither reached nor refused.
        const present = new Set(c.items.map((it) => it.level));
        const missing: number[] = [];
        for (let l = 1; l <= levels; l++) if (!present.has(l)) missing.push(l);
        if (missing.length)
          add_('set.level-empty', `${cp}/items`, { levels: missing.length === 1 ? missing[0]! : missing.join(', ') });
      }
      sectionMax = add(sectionMax, mul(cw, cmax));
    });
    if (model === 'points') checkStated(s.maxPoints, sectionMax, `${sp}/maxPoints`);
    total = add(total, mul(sw, sectionMax));
  });
  if (model === 'points') checkStated(set.scoring.maxPoints, total, '/scoring/maxPoints');
  if (totalWeight.num === 0) add_('set.no-weight', '/sections');

  const levelRules = new Set(['mean-level-at-least', 'each-criterion-level-at-least', 'no-failed-knockout']);
  const pointRules = new Set([
    'total-percent-at-least',
    'each-criterion-percent-at-least',
    'each-section-percent-at-least',
    'criterion-percent-at-least',
    'no-failed-knockout',
  ]);
  (set.scoring.passRules ?? []).forEach((r, ri) => {
    const rp = `/scoring/passRules/${ri}`;
    if (!(model === 'levels' ? levelRules : pointRules).has(r.kind))
      add_('set.rule-model', `${rp}/kind`, { kind: r.kind, model });
    if ('percent' in r) dec(r.percent, `${rp}/percent`);
    if (r.kind === 'mean-level-at-least') dec(r.level, `${rp}/level`);
    if (r.kind === 'criterion-percent-at-least' && !criterionIds.has(r.criterion))
      add_('set.rule-unknown-criterion', `${rp}/criterion`, { id: r.criterion });
    if ('byZone' in r && r.byZone) {
      for (const [z, v] of Object.entries(r.byZone)) {
        dec(v, `${rp}/byZone/${z}`);
        if (zones && !zones.has(z)) add_('set.zone-unknown', `${rp}/byZone/${z}`, { zone: z });
      }
    }
  });

  const rating = set.scoring.rating;
  if (rating) {
    if (rating.metric === 'mean-level' ? model !== 'levels' : false)
      add_('set.rule-model', '/scoring/rating/metric', { kind: rating.metric, model });
    const start = rating.metric === 'mean-level' ? 1 : 0;
    const top = rating.metric === 'percent' ? int(100) : rating.metric === 'mean-level' ? int(levels ?? 5) : total;
    rating.bands.forEach((b, bi) => {
      const bp = `/scoring/rating/bands/${bi}/min`;
      if (!dec(b.min, bp)) return;
      const prev = rating.bands[bi - 1];
      if (prev && !(b.min > prev.min)) add_('set.bands-order', bp, { prev: prev.min, next: b.min });
      if (bi === 0 && b.min > start) add_('set.bands-start', bp, { expected: start });
      if (model === 'points' || rating.metric !== 'points') {
        if (cmp(fromDecimal(b.min), top) > 0) add_('set.bands-beyond', bp, { value: b.min, max: formatPoints(top) });
      }
    });
  }
  return problems;
}
