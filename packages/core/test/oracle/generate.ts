/**
 * Seeded random valid criteria sets and assessments for the differential and never-throws tests.
 * Plain JSON, built without core's sources. `extreme` draws weights and points up to the schema's 10^6 with
 * 4 decimals and criteria of many prime sizes, so that exact values grow far past 2^53.
 */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** mulberry32: a small, well-known seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['commune-station', 'hospital', 'clinic'] as const;
const ZONES = ['1', '2', '3'] as const;

export function randomCase(r: () => number, extreme = false): { set: Json; assessment: Json } {
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  /** A decimal with at most 4 decimals. */
  const decimal = (hi: number): number => {
    const v = pick([int(0, hi), int(0, hi * 2) / 2, int(0, hi * 4) / 4, int(0, hi * 10000) / 10000]);
    return extreme && chance(0.3) ? pick([1e6, 999999.9999, 0.0001, int(1, 999999) + int(1, 9999) / 10000]) : v;
  };
  const weight = (): number | undefined =>
    chance(0.5) ? undefined : extreme ? decimal(1e6) : pick([0, 1, 2, 3, 0.5, 1.5, 0.25, 0.1]);
  const levelsModel = chance(0.25);
  const L = int(2, 5);
  let n = 0;
  const item = (level?: number): Json => {
    const id = `i${n++}`;
    const it: Json = { id, text: { vi: id }, provenance: {} };
    if (chance(0.3)) it.naAllowed = true;
    if (chance(0.15)) it.knockout = true;
    if (chance(0.1)) it.applicableZones = [pick(ZONES)];
    if (chance(0.05)) it.applicableFacilityKinds = [pick(KINDS)];
    if (levelsModel) {
      it.level = level;
      it.response = { kind: 'binary' };
      return it;
    }
    const k = pick(['binary', 'binary', 'graded', 'choice', 'numeric', 'count']);
    if (k === 'binary') it.response = { kind: 'binary', points: decimal(10) };
    else if (k === 'graded') {
      const p = Math.max(0.0001, decimal(10));
      it.response = { kind: 'graded', points: p, partialPoints: Math.floor(p * r() * 10000) / 10000 };
      if (it.response.partialPoints >= p) it.response.partialPoints = 0;
    } else if (k === 'choice')
      it.response = {
        kind: 'choice',
        options: Array.from({ length: int(2, 4) }, (_, o) => ({
          id: `o${o}`,
          label: { vi: `o${o}` },
          points: decimal(5),
        })),
      };
    else if (k === 'count')
      it.response = {
        kind: 'count',
        target: int(1, 12),
        points: decimal(5),
        ...(chance(0.5) ? { comparison: 'at-least' } : {}),
      };
    else {
      let min = int(-5, 5);
      const bands = Array.from({ length: int(1, 4) }, () => {
        const b = { min, points: decimal(5) };
        min += int(1, 20) + int(0, 3) / 4;
        return b;
      });
      it.response = { kind: 'numeric', min: bands[0]!.min, ...(chance(0.5) ? { max: min + 10 } : {}), bands };
    }
    return it;
  };
  const primes = [1, 2, 3, 5, 7, 11, 13, 17, 19, 23, 29];
  const sections = Array.from({ length: int(1, 3) }, (_, si) => ({
    id: `s${si}`,
    title: { vi: `s${si}` },
    ...(() => {
      const w = weight();
      return w === undefined ? {} : { weight: w };
    })(),
    criteria: Array.from({ length: int(1, extreme ? 5 : 4) }, (_, ci) => {
      const size = levelsModel ? L + int(0, 3) : extreme ? pick(primes) : int(1, 6);
      const items = Array.from({ length: size }, (_, k) => item(levelsModel ? (k < L ? k + 1 : int(1, L)) : undefined));
      const w = weight();
      return { id: `s${si}c${ci}`, title: { vi: `c${ci}` }, ...(w === undefined ? {} : { weight: w }), items };
    }),
  }));
  // at least one weight must be non-zero
  if (sections.every((s: Json) => s.weight === 0 || s.criteria.every((c: Json) => c.weight === 0))) {
    delete (sections[0] as Json).weight;
    delete (sections[0]!.criteria[0] as Json).weight;
  }
  const criterionIds = sections.flatMap((s) => s.criteria.map((c) => c.id));
  const pct = (): number => pick([50, 80, 0, 100, 66.6667, 33.3333, int(0, 10000) / 100]);
  const rules: Json[] = [];
  if (levelsModel) {
    if (chance(0.6)) rules.push({ kind: 'mean-level-at-least', level: pick([1, 1.5, 2, 2.5, 3.25, int(1, L)]) });
    if (chance(0.5)) rules.push({ kind: 'each-criterion-level-at-least', level: int(1, L) });
    if (chance(0.3)) rules.push({ kind: 'no-failed-knockout' });
  } else {
    if (chance(0.6))
      rules.push({
        kind: 'total-percent-at-least',
        percent: pct(),
        ...(chance(0.3) ? { byZone: { [pick(ZONES)]: pct() } } : {}),
      });
    if (chance(0.4)) rules.push({ kind: 'each-criterion-percent-at-least', percent: pct() });
    if (chance(0.3)) rules.push({ kind: 'each-section-percent-at-least', percent: pct() });
    if (chance(0.3)) rules.push({ kind: 'criterion-percent-at-least', criterion: pick(criterionIds), percent: pct() });
    if (chance(0.4)) rules.push({ kind: 'no-failed-knockout' });
  }
  const scoring: Json = {
    model: levelsModel ? 'levels' : 'points',
    aggregation: chance(0.5) ? 'sum' : 'mean-of-percentages',
  };
  if (levelsModel) scoring.levels = L;
  if (rules.length) scoring.passRules = rules;
  if (chance(0.3)) {
    const metric = levelsModel ? pick(['mean-level', 'percent']) : pick(['percent', 'points']);
    const start = metric === 'mean-level' ? 1 : 0;
    const bands = [{ id: 'b0', label: { vi: 'b0' }, min: start }];
    // (a points band above 0 could exceed the reachable maximum, which validation refuses)
    if (metric !== 'points')
      bands.push({ id: 'b1', label: { vi: 'b1' }, min: start + (metric === 'mean-level' ? 0.5 : 50) });
    scoring.rating = { metric, bands };
  }
  const set: Json = {
    schemaVersion: 1,
    kind: 'criteria-set',
    id: 'random-set',
    version: '1',
    title: { vi: 'Ngẫu nhiên' },
    source: { documents: [{ number: 'TEST', role: 'reference' }] },
    applicability: { facilityKinds: [...KINDS], zones: [...ZONES] },
    wording: 'paraphrase',
    scoring,
    sections,
  };
  const answers: Json = {};
  for (const s of sections)
    for (const c of s.criteria as Json[])
      for (const it of c.items) {
        const x = r();
        if (x < 0.04) continue; // unanswered
        if (x < 0.06) answers[it.id] = { unassessed: 'no access' };
        else if (x < 0.12 && it.naAllowed) answers[it.id] = { na: true };
        else {
          const rs = it.response;
          const value =
            rs.kind === 'binary'
              ? pick(['met', 'met', 'not-met'])
              : rs.kind === 'graded'
                ? pick(['met', 'partial', 'not-met'])
                : rs.kind === 'choice'
                  ? pick(rs.options.map((o: Json) => o.id))
                  : rs.kind === 'count'
                    ? int(0, 2 * rs.target)
                    : rs.bands[0].min + r() * ((rs.max ?? rs.bands[rs.bands.length - 1].min + 5) - rs.bands[0].min);
          answers[it.id] = { value };
        }
      }
  const assessment = {
    schemaVersion: 1,
    kind: 'assessment',
    id: 'a',
    criteriaSet: { id: 'random-set', version: '1' },
    facility: { id: 'f', name: 'F', kind: pick(KINDS), zone: pick(ZONES) },
    assessmentKind: 'self-assessment',
    status: 'draft',
    answers,
  };
  return { set, assessment };
}
