/**
 * Across many facilities: pass rate per criterion and item, the weakest criteria, the distribution of scores.
 */
import { type Exact, ZERO, add, cmp, div, frac, int, fromDecimal, toNumber } from '../exact.js';
import type { ScoreResult } from '../generated/types.js';
import { resultFigures } from '../score.js';
import type { Scored } from './common.js';

export interface CriterionAggregate {
  id: string;
  /** Assessments in which the criterion was applicable. */
  applicable: number;
  /** Mean of the criterion's percentage over those assessments. */
  meanPercent?: Exact;
  /** How many reached the set's per-criterion threshold (when the set has an each-criterion rule). */
  passing?: number;
  passRate?: Exact;
}

export interface ItemAggregate {
  id: string;
  answered: number;
  met: number;
  metRate?: Exact;
}

export interface Aggregate {
  setId: string;
  count: number;
  decisions: Record<ScoreResult['decision'], number>;
  criteria: CriterionAggregate[];
  items: ItemAggregate[];
  /** Criterion ids, weakest mean percentage first. */
  weakest: string[];
  /** Total percentage in ten buckets [0,10) … [90,100]; incomplete results are not counted. */
  distribution: { from: number; to: number; count: number }[];
}

/**
 * A running aggregate: results are added one at a time and only the per-criterion and per-item counts and exact
 * sums are kept, so memory does not grow with the number of assessments (a council's 20,000 files, decision
 * 0020). `result()` may be called at any point and gives what {@link aggregate} gives for the entries added so far,
 * in the same order.
 */
export interface Aggregator {
  /** Counts one scored assessment (only its set's pass rules, facility zone and result are read). */
  add(s: Scored): void;
  /** The aggregate of everything added so far. */
  result(): Aggregate;
  /** What this aggregator has counted, as plain data (structured-cloneable: it can be sent to another thread). */
  state(): AggregatorState;
  /**
   * Counts everything another aggregator counted (its {@link Aggregator.state}) as if its results were added
   * here now, after this one's: merging the states of consecutive runs in their order gives what one aggregator
   * fed all the results in that order gives (same figures, same order of criteria and items).
   */
  merge(other: AggregatorState): void;
}

/** The counts and exact sums of an {@link Aggregator}, criteria and items in the order first seen. */
export interface AggregatorState {
  setId?: string | undefined;
  count: number;
  decisions: Aggregate['decisions'];
  criteria: [string, { applicable: number; sum: Exact; passing: number; threshold?: Exact | undefined }][];
  items: [string, { answered: number; met: number }][];
  /** Complete results by total percentage, ten buckets [0,10) … [90,100]. */
  buckets: number[];
}

/** A new, empty {@link Aggregator}. */
export function createAggregator(): Aggregator {
  let setId: string | undefined;
  let count = 0;
  const decisions: Aggregate['decisions'] = { pass: 0, fail: 0, incomplete: 0, none: 0 };
  const crit = new Map<string, { applicable: number; sum: Exact; passing: number; threshold?: Exact | undefined }>();
  const items = new Map<string, { answered: number; met: number }>();
  const buckets = Array.from({ length: 10 }, () => 0);
  return {
    add(s) {
      setId ??= s.set.id;
      count++;
      const r = s.result;
      decisions[r.decision]++;
      const rule = s.set.scoring.passRules?.find((x) => x.kind === 'each-criterion-percent-at-least');
      const zone = s.assessment.facility.zone;
      const threshold =
        rule && 'percent' in rule
          ? fromDecimal((zone && 'byZone' in rule ? rule.byZone?.[zone] : undefined) ?? rule.percent)
          : undefined;
      // The figures without the words (a result of score() builds those on the first read of its sections).
      const figures = resultFigures(r);
      for (const c of figures) {
        let a = crit.get(c.id);
        if (!a) crit.set(c.id, (a = { applicable: 0, sum: ZERO, passing: 0 }));
        if (threshold) a.threshold = threshold;
        if (!c.applicable || !c.percent) continue;
        a.applicable++;
        a.sum = add(a.sum, c.percent);
        if (threshold && cmp(c.percent, threshold) >= 0) a.passing++;
      }
      for (const c of figures)
        for (const i of c.items) {
          let a = items.get(i.id);
          if (!a) items.set(i.id, (a = { answered: 0, met: 0 }));
          if (i.status !== 'answered') continue;
          a.answered++;
          if (i.met) a.met++;
        }
      if (r.complete && r.total.percent) {
        const k = Math.min(9, Math.floor(toNumber(r.total.percent) / 10));
        // exact bucket: the float only picks a neighbour; correct it on the boundary
        let b = k;
        if (cmp(r.total.percent, int(b * 10)) < 0) b--;
        else if (b < 9 && cmp(r.total.percent, int((b + 1) * 10)) >= 0) b++;
        buckets[b]!++;
      }
    },
    state() {
      return {
        setId,
        count,
        decisions: { ...decisions },
        criteria: [...crit].map(([id, a]) => [id, { ...a }]),
        items: [...items].map(([id, a]) => [id, { ...a }]),
        buckets: [...buckets],
      };
    },
    merge(o) {
      setId ??= o.setId;
      count += o.count;
      for (const k of Object.keys(decisions) as (keyof typeof decisions)[]) decisions[k] += o.decisions[k];
      for (const [id, b] of o.criteria) {
        let a = crit.get(id);
        if (!a) crit.set(id, (a = { applicable: 0, sum: ZERO, passing: 0 }));
        // the threshold of the last result that had one, as add() keeps it
        if (b.threshold) a.threshold = b.threshold;
        a.applicable += b.applicable;
        a.sum = add(a.sum, b.sum);
        a.passing += b.passing;
      }
      for (const [id, b] of o.items) {
        let a = items.get(id);
        if (!a) items.set(id, (a = { answered: 0, met: 0 }));
        a.answered += b.answered;
        a.met += b.met;
      }
      o.buckets.forEach((n, i) => (buckets[i]! += n));
    },
    result() {
      const criteria: CriterionAggregate[] = [...crit].map(([id, a]) => {
        const o: CriterionAggregate = { id, applicable: a.applicable };
        if (a.applicable) o.meanPercent = div(a.sum, int(a.applicable));
        if (a.threshold) {
          o.passing = a.passing;
          if (a.applicable) o.passRate = frac(a.passing, a.applicable);
        }
        return o;
      });
      const itemList = [...items].map(([id, a]) => {
        const o: ItemAggregate = { id, answered: a.answered, met: a.met };
        if (a.answered) o.metRate = frac(a.met, a.answered);
        return o;
      });
      const weakest = criteria
        .filter((c) => c.meanPercent)
        .sort((a, b) => cmp(a.meanPercent!, b.meanPercent!) || a.id.localeCompare(b.id))
        .map((c) => c.id);
      return {
        setId: setId ?? '',
        count,
        decisions: { ...decisions },
        criteria,
        items: itemList,
        weakest,
        distribution: buckets.map((n, i) => ({ from: i * 10, to: i * 10 + 10, count: n })),
      };
    },
  };
}

/**
 * Aggregates results of one criteria set (versions may differ; criteria and items match by id): an
 * {@link Aggregator} fed every entry in order.
 */
export function aggregate(entries: Scored[]): Aggregate {
  const acc = createAggregator();
  for (const s of entries) acc.add(s);
  return acc.result();
}
