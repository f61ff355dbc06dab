/**
 * A synthetic 300-item criteria set and seeded random assessments for the scoring benchmark.
 *
 * The set mixes every response kind the official sets need: 10 sections x 3 criteria x 10 items, with binary
 * items of 1-3 points, graded items (2 points, 1 when partial), 3-option choices, numeric items mapped to
 * points by bands, N/A allowed on some items, 5 knockouts, and the 1300/QĐ-BYT pass rules (total >= 80 %, each
 * criterion >= 50 %, no failed knockout). All points are integers so that a float engine can match exactly.
 */

/** mulberry32: a tiny deterministic PRNG; the same seed gives the same assessments on every machine. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SECTIONS = 10;
export const CRITERIA_PER_SECTION = 3;
export const ITEMS_PER_CRITERION = 10;

const pad = (n, w) => String(n).padStart(w, '0');
const text = (vi, en) => ({ vi, en });
const CHOICE_POINTS = [
  [0, 1, 3],
  [0, 2, 3],
  [0, 1, 2],
];

/** The response (and flags) of item `j` of criterion `c` of section `s`. */
function itemShape(s, c, j) {
  const k = s * CRITERIA_PER_SECTION + c;
  if (j <= 4) {
    // binary; the first item of criterion 1 of sections 1-5 is a knockout (điểm liệt)
    const knockout = j === 0 && c === 0 && s < 5;
    return { response: { kind: 'binary', points: 1 + ((s + c + j) % 3) }, naAllowed: j === 3, knockout };
  }
  if (j <= 6) return { response: { kind: 'graded', points: 2, partialPoints: 1 }, naAllowed: j === 6 };
  if (j <= 8) {
    const pts = CHOICE_POINTS[(k + j) % 3];
    const options = ['none', 'some', 'full'].map((id, i) => ({
      id,
      label: text(`Mức ${i}`, `Level ${i}`),
      points: pts[i],
    }));
    return { response: { kind: 'choice', options }, naAllowed: j === 8 };
  }
  if (k % 2 === 0) {
    // numeric: a rate in percent, 0-100, mapped to 0 / 1 / 2 points by bands [0, 50) [50, 80) [80, 100]
    const bands = [
      { min: 0, points: 0 },
      { min: 50, points: 1 },
      { min: 80, points: 2 },
    ];
    return { response: { kind: 'numeric', unit: text('%', '%'), min: 0, max: 100, bands }, naAllowed: k % 4 === 0 };
  }
  return { response: { kind: 'binary', points: 2 }, naAllowed: false };
}

/** The maximum points of an item's response. */
export function responseMax(r) {
  if (r.kind === 'binary' || r.kind === 'graded') return r.points;
  if (r.kind === 'choice') return Math.max(...r.options.map((o) => o.points));
  return Math.max(...r.bands.map((b) => b.points));
}

/** Builds the synthetic set (a plain JSON object, valid per criteria-set.schema.json). */
export function buildSet() {
  const sections = [];
  let total = 0;
  for (let s = 0; s < SECTIONS; s++) {
    const criteria = [];
    for (let c = 0; c < CRITERIA_PER_SECTION; c++) {
      const items = [];
      let cmax = 0;
      for (let j = 0; j < ITEMS_PER_CRITERION; j++) {
        const { response, naAllowed, knockout } = itemShape(s, c, j);
        const item = {
          id: `s${pad(s + 1, 2)}c${c + 1}i${pad(j + 1, 2)}`,
          code: `${s + 1}.${c + 1}.${j + 1}`,
          text: text(`Chỉ tiêu tổng hợp ${s + 1}.${c + 1}.${j + 1}`, `Synthetic item ${s + 1}.${c + 1}.${j + 1}`),
          verification: ['observe'],
          response,
          provenance: { wording: 'unverified', points: 'unverified' },
        };
        if (naAllowed) item.naAllowed = true;
        if (knockout) item.knockout = true;
        items.push(item);
        cmax += responseMax(response);
      }
      total += cmax;
      criteria.push({
        id: `s${pad(s + 1, 2)}c${c + 1}`,
        title: text(`Tiêu chí ${s + 1}.${c + 1}`, `Criterion ${s + 1}.${c + 1}`),
        maxPoints: cmax,
        items,
      });
    }
    sections.push({ id: `s${pad(s + 1, 2)}`, title: text(`Phần ${s + 1}`, `Section ${s + 1}`), criteria });
  }
  return {
    schemaVersion: 1,
    kind: 'criteria-set',
    id: 'bench-synthetic-300',
    version: '1.0.0',
    title: text('Bộ tiêu chí tổng hợp 300 chỉ tiêu (đo hiệu năng)', 'Synthetic 300-item set (benchmark)'),
    source: { documents: [{ number: 'bench/synthetic', role: 'reference' }] },
    applicability: { facilityKinds: ['commune-station'] },
    wording: 'paraphrase',
    scoring: {
      model: 'points',
      aggregation: 'sum',
      maxPoints: total,
      passRules: [
        { kind: 'total-percent-at-least', percent: 80 },
        { kind: 'each-criterion-percent-at-least', percent: 50 },
        { kind: 'no-failed-knockout' },
      ],
    },
    sections,
  };
}

/** Every item of the set in document order. */
export function itemsOf(set) {
  return set.sections.flatMap((s) => s.criteria.flatMap((c) => c.items));
}

/**
 * `n` seeded random assessments as plain JSON objects (assessment.schema.json). Each facility has a quality q
 * in [0.55, 1): an item is met with probability about q. One assessment in five is unfinished, with about 5 % of
 * its items left unanswered (about 1 % of all item answers); N/A is chosen on 8 % of the items that allow it.
 */
export function buildAssessments(set, n, seed) {
  const rand = mulberry32(seed);
  const items = itemsOf(set);
  const out = [];
  for (let a = 0; a < n; a++) {
    const q = 0.55 + 0.45 * rand();
    const miss = rand() < 0.2 ? 0.05 : 0;
    const answers = {};
    for (const it of items) {
      if (rand() < miss) continue;
      if (it.naAllowed && rand() < 0.08) {
        answers[it.id] = { na: true };
        continue;
      }
      const u = rand();
      const r = it.response;
      let value;
      if (it.knockout) value = u < 0.99 ? 'met' : 'not-met';
      else if (r.kind === 'binary') value = u < q ? 'met' : 'not-met';
      else if (r.kind === 'graded') value = u < q * 0.85 ? 'met' : u < q ? 'partial' : 'not-met';
      else if (r.kind === 'choice') value = u < q * 0.8 ? 'full' : u < q ? 'some' : 'none';
      else value = Math.min(100, Math.max(0, Math.round((q * 100 + (u - 0.5) * 50) * 10) / 10));
      answers[it.id] = { value };
    }
    out.push({
      schemaVersion: 1,
      kind: 'assessment',
      id: `bench-a${pad(a + 1, 5)}`,
      criteriaSet: { id: set.id, version: set.version },
      facility: {
        id: `bench-f${pad((a % 500) + 1, 3)}`,
        name: `Trạm y tế tổng hợp ${(a % 500) + 1}`,
        kind: 'commune-station',
      },
      assessmentKind: 'self-assessment',
      status: 'draft',
      answers,
    });
  }
  return out;
}
