/** Small builders for sets and assessments used by the unit tests. */
import type {
  Assessment,
  AssessmentAnswer,
  CriteriaSet,
  CriteriaSetItem,
  CriteriaSetPassRule,
  CriteriaSetScoring,
  Facility,
} from '../src/index.js';

export const binary = (id: string, points: number, extra: Partial<CriteriaSetItem> = {}): CriteriaSetItem => ({
  id,
  text: { vi: `Chỉ tiêu ${id}` },
  response: { kind: 'binary', points },
  provenance: { wording: 'paraphrase' },
  ...extra,
});

export const graded = (
  id: string,
  points: number,
  partialPoints: number,
  extra: Partial<CriteriaSetItem> = {},
): CriteriaSetItem => ({
  id,
  text: { vi: `Chỉ tiêu ${id}` },
  response: { kind: 'graded', points, partialPoints },
  provenance: { wording: 'paraphrase' },
  ...extra,
});

export const element = (id: string, level: number, extra: Partial<CriteriaSetItem> = {}): CriteriaSetItem => ({
  id,
  text: { vi: `Tiểu mục ${id}` },
  response: { kind: 'binary' },
  level,
  provenance: { wording: 'paraphrase' },
  ...extra,
});

export interface CriterionSpec {
  id: string;
  weight?: number;
  items: CriteriaSetItem[];
}

/** A set with one section per entry of `sections` (each a list of criteria). */
export function makeSet(
  sections: { id: string; weight?: number; criteria: CriterionSpec[] }[],
  scoring: Partial<CriteriaSetScoring> & { passRules?: CriteriaSetPassRule[] } = {},
  extra: Partial<CriteriaSet> = {},
): CriteriaSet {
  return {
    schemaVersion: 1,
    kind: 'criteria-set',
    id: 'test-set',
    version: '1',
    title: { vi: 'Bộ thử' },
    source: { documents: [{ number: 'TEST', role: 'reference' }] },
    applicability: { facilityKinds: ['commune-station', 'hospital'], zones: ['1', '2', '3'] },
    wording: 'paraphrase',
    scoring: { model: 'points', aggregation: 'sum', ...scoring },
    sections: sections.map((s) => ({
      id: s.id,
      title: { vi: `Phần ${s.id}` },
      ...(s.weight !== undefined ? { weight: s.weight } : {}),
      criteria: s.criteria.map((c) => ({
        id: c.id,
        title: { vi: `Tiêu chí ${c.id}` },
        ...(c.weight !== undefined ? { weight: c.weight } : {}),
        items: c.items,
      })),
    })),
    ...extra,
  };
}

/** One section, the given criteria. */
export const oneSection = (criteria: CriterionSpec[], scoring: Parameters<typeof makeSet>[1] = {}): CriteriaSet =>
  makeSet([{ id: 's1', criteria }], scoring);

export const station: Facility = { id: 'tyt-test', name: 'Trạm Y tế xã Thử', kind: 'commune-station', zone: '2' };

export function assess(
  set: CriteriaSet,
  answers: Record<string, AssessmentAnswer | string | number>,
  facility: Facility = station,
): Assessment {
  const a: Record<string, AssessmentAnswer> = {};
  for (const [k, v] of Object.entries(answers)) a[k] = typeof v === 'object' ? v : { value: v };
  return {
    schemaVersion: 1,
    kind: 'assessment',
    id: 'a1',
    criteriaSet: { id: set.id, version: set.version },
    facility,
    assessmentKind: 'self-assessment',
    status: 'draft',
    answers: a,
  };
}

/** Answers every item of `set` with `value`. */
export function all(set: CriteriaSet, value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of set.sections) for (const c of s.criteria) for (const it of c.items) out[it.id] = value;
  return out;
}

export const f = (x: { num: number | string; den: number | string } | undefined): string =>
  x === undefined ? 'undefined' : x.den === 1 ? String(x.num) : `${x.num}/${x.den}`;
