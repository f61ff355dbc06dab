/**
 * Reconciles a facility's self-assessment with the council's external inspection of the same facility and set:
 * agreement per item, the disagreements, an agreement rate and Cohen's kappa, all exact.
 */
import { type Exact, ZERO, add, cmp, div, frac, mul, sub, ONE } from '../exact.js';
import { message } from '../messages.js';
import { type Outcome, fail, ok } from '../outcome.js';
import type { ScoreResultItemResult } from '../generated/types.js';
import { type Scored, allItems, facilityKey } from './common.js';
import { prepareSet } from '../prepare.js';

export interface Disagreement {
  id: string;
  self: string;
  inspection: string;
  /** Self-assessed points minus inspected points: positive when the facility rated itself higher. */
  pointsDifference: Exact;
}

export interface Reconciliation {
  facilityId: string;
  /** Items both sides answered (or both marked N/A): the base of the agreement rate. */
  compared: number;
  agreed: number;
  /** agreed / compared, or absent when nothing could be compared. */
  agreementRate?: Exact;
  /** Cohen's kappa; absent (with `kappaNote`) when it does not apply. */
  kappa?: Exact;
  kappaNote?: string;
  disagreements: Disagreement[];
  /** Items one side or both left unanswered or unassessed, not compared. */
  notCompared: string[];
  /** Total points self minus inspection (weighted, as in the results). */
  totalDifference: Exact;
}

/** The category an answer falls in: its value (numeric answers by the band they reach), or "na". */
function category(i: ScoreResultItemResult, bandOf: (id: string, v: number) => number): string | undefined {
  if (i.status === 'na' || i.status === 'auto-na') return 'na';
  if (i.status !== 'answered') return undefined;
  return typeof i.value === 'number' ? `band:${bandOf(i.id, i.value)}` : String(i.value);
}

/**
 * Agreement between `self` and `inspection`. Both must be of the same facility and the same set version.
 * Kappa = (p_o - p_e) / (1 - p_e), with p_e from each side's category shares; it is left out when p_e = 1
 * (every answer on both sides in one category: agreement by chance cannot be told from real agreement).
 */
export function reconcile(self: Scored, inspection: Scored): Outcome<Reconciliation> {
  const fs = facilityKey(self.assessment);
  const fi = facilityKey(inspection.assessment);
  if (fs !== fi)
    return fail([
      {
        code: 'loop.different-facility',
        pointer: '/facility/id',
        message: message('loop.different-facility', { a: fs, b: fi }),
      },
    ]);
  if (self.set.id !== inspection.set.id || self.set.version !== inspection.set.version) {
    return fail([
      {
        code: 'loop.different-set',
        pointer: '/criteriaSet',
        message: message('loop.different-set', {
          a: `${self.set.id}@${self.set.version}`,
          b: `${inspection.set.id}@${inspection.set.version}`,
        }),
      },
    ]);
  }
  const prepared = prepareSet(self.set);
  if (!prepared.ok) return prepared;
  const compiled = prepared.value;
  const bandOf = (id: string, v: number): number => {
    const r = compiled.items.get(id)?.src.response;
    const bands = r?.kind === 'numeric' ? r.bands : [];
    let k = -1;
    for (let j = 0; j < bands.length && bands[j]!.min <= v; j++) k = j;
    return k;
  };
  const insp = new Map(allItems(inspection.result).map((i) => [i.id, i]));
  const countsS = new Map<string, number>();
  const countsI = new Map<string, number>();
  let compared = 0;
  let agreed = 0;
  const disagreements: Disagreement[] = [];
  const notCompared: string[] = [];
  for (const s of allItems(self.result)) {
    const i = insp.get(s.id)!;
    const cs = category(s, bandOf);
    const ci = category(i, bandOf);
    if (cs === undefined || ci === undefined) {
      notCompared.push(s.id);
      continue;
    }
    compared++;
    countsS.set(cs, (countsS.get(cs) ?? 0) + 1);
    countsI.set(ci, (countsI.get(ci) ?? 0) + 1);
    if (cs === ci) agreed++;
    else disagreements.push({ id: s.id, self: cs, inspection: ci, pointsDifference: sub(s.points, i.points) });
  }
  const r: Reconciliation = {
    facilityId: fs,
    compared,
    agreed,
    disagreements,
    notCompared,
    totalDifference: sub(self.result.total.points, inspection.result.total.points),
  };
  if (compared > 0) {
    const po = frac(agreed, compared);
    r.agreementRate = po;
    let pe = ZERO;
    for (const [k, n] of countsS) pe = add(pe, mul(frac(n, compared), frac(countsI.get(k) ?? 0, compared)));
    if (cmp(pe, ONE) === 0) r.kappaNote = 'every answer on both sides is in one category: kappa is undefined';
    else r.kappa = div(sub(po, pe), sub(ONE, pe));
  } else r.kappaNote = 'nothing to compare';
  return ok(r);
}
