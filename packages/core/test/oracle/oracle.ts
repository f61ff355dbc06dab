/**
 * An independent reference scorer, written from docs/scoring.md alone. It imports nothing from core's
 * sources (not even types) and shares no code with score.ts: plain BigInt fractions, no fast paths, no
 * result objects beyond what the differential test compares. Slow and simple on purpose.
 */

/** A fraction n/d with d > 0, reduced. */
export type Q = readonly [bigint, bigint];

const gcd = (a: bigint, b: bigint): bigint => {
  if (a < 0n) a = -a;
  while (b) [a, b] = [b, a % b];
  return a;
};
const q = (n: bigint, d: bigint): Q => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
};
const qadd = (a: Q, b: Q): Q => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const qmul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
const qdiv = (a: Q, b: Q): Q => q(a[0] * b[1], a[1] * b[0]);
const qge = (a: Q, b: Q): boolean => a[0] * b[1] >= b[0] * a[1];
const qeq = (a: Q, b: Q): boolean => a[0] === b[0] && a[1] === b[1];
const Z: Q = [0n, 1n];
const I = (n: number): Q => [BigInt(n), 1n];
/** A decimal of a criteria file (≤ 4 decimals), exactly: via its shortest decimal text, never via a float product. */
export function dec(x: number): Q {
  const s = x.toFixed(4); // exact for ≤ 4 decimals within the validated range
  const neg = s.startsWith('-');
  const [w, f] = (neg ? s.slice(1) : s).split('.');
  const n = BigInt(w! + f!);
  return q(neg ? -n : n, 10000n);
}
/** "n" or "n/d", the form the differential test compares. */
export const str = (x: Q | undefined): string | undefined =>
  x === undefined ? undefined : x[1] === 1n ? String(x[0]) : `${x[0]}/${x[1]}`;

/* Minimal shapes of the documents (JSON as written; the oracle trusts that they validated). */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface OracleCriterion {
  id: string;
  applicable: boolean;
  points: Q;
  max: Q;
  percent?: Q | undefined;
  level?: number;
}
export interface OracleResult {
  decision: 'pass' | 'fail' | 'incomplete' | 'none';
  total: { applicable: boolean; points: Q; max: Q; percent?: Q | undefined };
  sections: { id: string; applicable: boolean; points: Q; max: Q; percent?: Q | undefined }[];
  criteria: OracleCriterion[];
  meanLevel?: Q;
  levelSum?: number;
  failedRules: string[];
  failedKnockouts: string[];
  unanswered: string[];
  rating?: string;
}

function itemMax(it: Json, levels: boolean): Q {
  const r = it.response;
  if (levels) return I(1);
  if (r.kind === 'binary' || r.kind === 'graded' || r.kind === 'count') return dec(r.points);
  const pts: Q[] = (r.kind === 'choice' ? r.options : r.bands).map((o: Json) => dec(o.points));
  return pts.reduce((m, p) => (qge(p, m) ? p : m), Z);
}

function earned(it: Json, value: unknown, levels: boolean): Q {
  const r = it.response;
  if (r.kind === 'binary') return value === 'met' ? itemMax(it, levels) : Z;
  if (r.kind === 'graded') return value === 'met' ? dec(r.points) : value === 'partial' ? dec(r.partialPoints) : Z;
  if (r.kind === 'choice') return dec(r.options.find((o: Json) => o.id === value).points);
  // count with a target: all the points once the count reaches the target, none below it
  if (r.kind === 'count') return (value as number) >= r.target ? dec(r.points) : Z;
  // numeric: the band [min, next min) that holds the value
  let p = Z;
  for (const b of r.bands) if ((value as number) >= b.min) p = dec(b.points);
  return p;
}

interface Node {
  applicable: boolean;
  points: Q;
  max: Q;
  percent?: Q | undefined;
  weight: Q;
}
/** Sum over sum, or the weighted mean of percentages, over applicable children of non-zero weight. */
function combine(children: Node[], mean: boolean): Omit<Node, 'weight'> {
  let P = Z;
  let M = Z;
  let W = Z;
  let WP = Z;
  for (const c of children) {
    if (!c.applicable || c.weight[0] === 0n) continue;
    P = qadd(P, qmul(c.weight, c.points));
    M = qadd(M, qmul(c.weight, c.max));
    W = qadd(W, c.weight);
    WP = qadd(WP, qmul(c.weight, c.percent!));
  }
  if (M[0] === 0n) return { applicable: false, points: P, max: M };
  return { applicable: true, points: P, max: M, percent: mean ? qdiv(WP, W) : qdiv(qmul(P, I(100)), M) };
}

/** Scores a valid assessment with a valid set, by the rules of docs/scoring.md. */
export function oracleScore(set: Json, a: Json): OracleResult {
  const levels = set.scoring.model === 'levels';
  const L: number = set.scoring.levels ?? 5;
  const mean = set.scoring.aggregation === 'mean-of-percentages';
  const zone: string | undefined = a.facility.zone;
  const kind: string = a.facility.kind;
  const unanswered: string[] = [];
  const failedKnockouts: string[] = [];
  const criteria: OracleCriterion[] = [];
  const sectionNodes: (Node & { id: string })[] = [];
  let mlNum = Z;
  let mlDen = Z;
  let levelSum = 0;

  for (const s of set.sections) {
    const sw = s.weight === undefined ? I(1) : dec(s.weight);
    const critNodes: Node[] = [];
    for (const c of s.criteria) {
      const cw = c.weight === undefined ? I(1) : dec(c.weight);
      let P = Z;
      let M = Z;
      let any = false;
      const status: { level: number; state: 'met' | 'not-met' | 'open' }[] = [];
      for (const it of c.items) {
        const notHere =
          (it.applicableZones && !it.applicableZones.includes(zone)) ||
          (it.applicableFacilityKinds && !it.applicableFacilityKinds.includes(kind));
        const ans = Object.prototype.hasOwnProperty.call(a.answers, it.id) ? a.answers[it.id] : undefined;
        if (notHere || ans?.na === true) continue;
        any = true;
        const m = itemMax(it, levels);
        M = qadd(M, m);
        if (ans === undefined || ans.value === undefined) {
          unanswered.push(it.id);
          status.push({ level: it.level, state: 'open' });
          continue;
        }
        const p = earned(it, ans.value, levels);
        P = qadd(P, p);
        const rk = it.response.kind;
        const met =
          rk === 'binary' || rk === 'graded'
            ? ans.value === 'met'
            : rk === 'count'
              ? ans.value >= it.response.target
              : qeq(p, m);
        if (it.knockout && !met) failedKnockouts.push(it.id);
        status.push({ level: it.level, state: met ? 'met' : 'not-met' });
      }
      const cr: OracleCriterion = { id: c.id, applicable: false, points: P, max: M };
      if (levels && any) {
        // Level 1 if any level-1 element is not met or still open; else the highest n with levels 2..n all met.
        let level = 1;
        if (!status.some((x) => x.level === 1 && x.state !== 'met')) {
          while (level < L && status.every((x) => x.level !== level + 1 || x.state === 'met')) level++;
        }
        cr.applicable = true;
        cr.level = level;
        cr.points = I(level);
        cr.max = I(L);
        cr.percent = q(BigInt(100 * level), BigInt(L));
        const w = qmul(sw, cw);
        mlNum = qadd(mlNum, qmul(w, I(level)));
        mlDen = qadd(mlDen, w);
        levelSum += level;
      } else if (!levels && any && M[0] > 0n) {
        cr.applicable = true;
        cr.percent = qdiv(qmul(P, I(100)), M);
      }
      criteria.push(cr);
      critNodes.push({ applicable: cr.applicable, points: cr.points, max: cr.max, percent: cr.percent, weight: cw });
    }
    sectionNodes.push({ id: s.id, ...combine(critNodes, mean), weight: sw });
  }
  const total = combine(sectionNodes, mean);
  const meanLevel = levels && mlDen[0] > 0n ? qdiv(mlNum, mlDen) : undefined;

  const threshold = (r: Json): Q =>
    dec(zone !== undefined && r.byZone?.[zone] !== undefined ? r.byZone[zone] : r.percent);
  const failedRules: string[] = [];
  for (const r of set.scoring.passRules ?? []) {
    let failed = false;
    if (r.kind === 'total-percent-at-least') failed = total.applicable && !qge(total.percent!, threshold(r));
    else if (r.kind === 'each-criterion-percent-at-least')
      failed = criteria.some((c) => c.applicable && !qge(c.percent!, threshold(r)));
    else if (r.kind === 'each-section-percent-at-least')
      failed = sectionNodes.some((s) => s.applicable && !qge(s.percent!, threshold(r)));
    else if (r.kind === 'criterion-percent-at-least') {
      const c = criteria.find((x) => x.id === r.criterion)!;
      failed = c.applicable && !qge(c.percent!, threshold(r));
    } else if (r.kind === 'no-failed-knockout') failed = failedKnockouts.length > 0;
    else if (r.kind === 'mean-level-at-least') failed = meanLevel !== undefined && !qge(meanLevel, dec(r.level));
    else if (r.kind === 'each-criterion-level-at-least')
      failed = criteria.some((c) => c.level !== undefined && c.level < r.level);
    if (failed) failedRules.push(r.kind);
  }
  const complete = unanswered.length === 0;
  const rules = set.scoring.passRules ?? [];
  const decision = !complete
    ? 'incomplete'
    : !total.applicable || rules.length === 0
      ? 'none'
      : failedRules.length
        ? 'fail'
        : 'pass';

  let rating: string | undefined;
  const rt = set.scoring.rating;
  if (rt && complete) {
    const v = rt.metric === 'points' ? total.points : rt.metric === 'percent' ? total.percent : meanLevel;
    if (v) for (const b of rt.bands) if (qge(v, dec(b.min))) rating = b.id;
  }
  const out: OracleResult = {
    decision,
    total,
    sections: sectionNodes.map(({ weight: _w, ...s }) => s),
    criteria,
    failedRules,
    failedKnockouts,
    unanswered,
    ...(meanLevel ? { meanLevel } : {}),
  };
  if (levels) out.levelSum = levelSum;
  if (rating !== undefined) out.rating = rating;
  return out;
}
