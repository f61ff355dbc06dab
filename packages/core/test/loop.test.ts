import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  compareAssessments,
  createAggregator,
  proposePlan,
  rankByImprovement,
  rankByScore,
  reconcile,
  score,
  validateImprovementPlan,
} from '../src/index.js';
import type { Assessment, CriteriaSet, Scored } from '../src/index.js';
import { assess, binary, element, f, graded, makeSet, oneSection, station } from './helpers.js';

const scored = (set: CriteriaSet, a: Assessment): Scored => {
  const r = score(set, a);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { set, assessment: a, result: r.value };
};

describe('improvement plan from a result', () => {
  // s1 weight 2: c1 (weight 1) items a 3 pts, b 1 pt; c2 (weight 3): g graded 2/1; s2: ko knockout 1 pt, ok 5 pts
  const set = makeSet(
    [
      {
        id: 's1',
        weight: 2,
        criteria: [
          { id: 'c1', items: [binary('a', 3), binary('b', 1)] },
          { id: 'c2', weight: 3, items: [graded('g', 2, 1)] },
        ],
      },
      { id: 's2', criteria: [{ id: 'c3', items: [binary('ko', 1, { knockout: true }), binary('ok', 5)] }] },
    ],
    { passRules: [{ kind: 'no-failed-knockout' }] },
  );
  const a = assess(set, {
    a: 'not-met',
    b: { value: 'not-met', note: 'Chưa có sổ' },
    g: 'partial',
    ko: 'not-met',
    ok: 'met',
  });
  const plan = proposePlan(scored(set, a), '2026-11-22T08:00:00Z');

  it('turns every failed, partial or knockout item into an action with the points it would gain', () => {
    // a: 3 x 1 x 2 = 6; b: 1 x 1 x 2 = 2; g: (2 - 1) x 3 x 2 = 6; ko: 1 x 1 x 1 = 1
    expect(plan.actions.map((x) => [x.itemId, f(x.pointsToGain)])).toEqual([
      ['ko', '1'],
      ['a', '6'],
      ['g', '6'],
      ['b', '2'],
    ]);
  });
  it('puts knockouts first, then by points to gain, then in the order of the set', () => {
    expect(plan.actions[0]).toMatchObject({ itemId: 'ko', knockout: true, status: 'planned' });
  });
  it('carries the finding into the problem and validates as an improvement plan', () => {
    expect(plan.actions.find((x) => x.itemId === 'b')!.problem).toBe('Chỉ tiêu b — Chưa có sổ');
    expect(validateImprovementPlan(plan).ok).toBe(true);
  });
  it('puts level-1 defects first in a levels-model set, without points', () => {
    const lv = oneSection([{ id: 'c', items: [element('d', 1), element('e2', 2), element('e3', 3)] }], {
      model: 'levels',
      levels: 3,
    });
    const p = proposePlan(scored(lv, assess(lv, { d: 'not-met', e2: 'met', e3: 'not-met' })), '2026-11-22T08:00:00Z');
    expect(p.actions.map((x) => x.itemId)).toEqual(['d', 'e3']);
    expect(p.actions[0]!.pointsToGain).toBeUndefined();
  });
  it('puts the actions that change the decision first, then the rest by points (1300 example)', () => {
    const root = new URL('../../../', import.meta.url);
    const read = <T>(p: string): T => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as T;
    const set = read<CriteriaSet>('criteria/qd1300-commune-health.json');
    const a = read<Assessment>('examples/qd1300-commune-health/fails-one-criterion.assessment.json');
    const p = proposePlan(scored(set, a), '2026-11-22T08:00:00Z');
    // Criterion 9 (1/3 < 50 %) fails: fixing 9.1 (2 points) passes it, so it comes before 8.2's 3 points.
    // Criterion 10 is at exactly 50 %: its item is ordered by points only. Ties keep the set's order.
    expect(p.actions.map((x) => [x.itemId, f(x.pointsToGain)])).toEqual([
      ['t9.1', '2'],
      ['t8.2', '3'],
      ['t3.5', '2'],
      ['t6.5', '2'],
      ['t10.2', '2'],
      ['t1.5', '1'],
      ['t4.4', '1'],
      ['t5.1', '1'],
      ['t7.3', '1'],
    ]);
    expect(p.actions[0]!.goal).toEqual({
      vi: 'Sửa 9.1 để đạt Tiêu chí 9 (Truyền thông - Giáo dục sức khỏe)',
      en: 'Fix 9.1 to pass Criterion 9 (Health communication and education)',
    });
    expect(p.actions.slice(1).every((x) => x.goal === undefined)).toBe(true);
    expect(validateImprovementPlan(p).ok).toBe(true);
  });
  it('says which level a failing criterion needs from each of its open elements', () => {
    const lv = oneSection([{ id: 'c', items: [element('d', 1), element('e2', 2), element('e3', 3)] }], {
      model: 'levels',
      levels: 3,
      passRules: [{ kind: 'each-criterion-level-at-least', level: 2 }],
    });
    const p = proposePlan(scored(lv, assess(lv, { d: 'met', e2: 'not-met', e3: 'not-met' })), '2026-11-22T08:00:00Z');
    // At level 1, level 2 needed: e2 changes the decision, e3 (level 3) does not.
    expect(p.actions.map((x) => [x.itemId, x.goal?.vi])).toEqual([
      ['e2', 'Sửa “Tiểu mục e2” để Tiêu chí c đạt mức 2'],
      ['e3', undefined],
    ]);
  });
});

describe('comparison between rounds', () => {
  const v1 = oneSection([
    { id: 'c1', items: [binary('a', 2), binary('b', 2)] },
    { id: 'c2', items: [graded('g', 2, 1), binary('old', 1)] },
  ]);
  const v2: CriteriaSet = {
    ...oneSection([
      { id: 'c1', items: [binary('a', 2), binary('b', 2)] },
      { id: 'c2', items: [graded('g', 2, 1), binary('new', 1)] },
    ]),
    version: '2',
  };
  const before = scored(v1, { ...assess(v1, { a: 'not-met', b: 'met', g: 'partial', old: 'met' }), id: 'r1' });
  const after = scored(v2, {
    ...assess(v2, { a: 'met', b: 'not-met', g: 'met', new: 'met' }),
    id: 'r2',
    criteriaSet: { id: 'test-set', version: '2' },
  });
  const c = compareAssessments(before, after);
  if (!c.ok) throw new Error('compare failed');
  const cmp = c.value;

  it('lists newly met and newly lost items', () => {
    expect(cmp.newlyMet).toEqual(['a', 'g']);
    expect(cmp.newlyLost).toEqual(['b']);
  });
  it('matches items across two versions of a set by id, reporting added and removed ones', () => {
    expect(cmp.added).toEqual(['new']);
    expect(cmp.removed).toEqual(['old']);
  });
  it('gives deltas per criterion and total: before 2 + 1 + 1 = 4 of 7, after 2 + 2 + 1 = 5 of 7', () => {
    expect(f(cmp.total.deltaPoints)).toBe('1');
    expect(f(cmp.total.deltaPercent)).toBe('100/7'); // 500/7 - 400/7
    const c2 = cmp.criteria.find((x) => x.id === 'c2')!;
    expect(f(c2.deltaPercent)).toBe('100/3'); // (2 + 1)/3 - (1 + 1)/3 = 1/3
    expect(f(cmp.criteria.find((x) => x.id === 'c1')!.deltaPoints)).toBe('0');
  });
  it('refuses two different facilities', () => {
    const other = scored(v2, { ...after.assessment, facility: { ...station, id: 'tyt-khac' } });
    const r = compareAssessments(before, other);
    expect(r.ok ? '' : r.errors[0]!.code).toBe('loop.different-facility');
  });
});

describe('self-assessment against inspection', () => {
  const set = oneSection([
    {
      id: 'k',
      items: [
        binary('a', 1),
        binary('b', 1),
        binary('c', 1),
        binary('d', 1),
        binary('e', 1, { naAllowed: true }),
        binary('u', 1),
      ],
    },
  ]);
  const self = scored(set, {
    ...assess(set, { a: 'met', b: 'met', c: 'met', d: 'not-met', e: { na: true }, u: 'met' }),
    assessmentKind: 'self-assessment',
  });
  const insp = scored(set, {
    ...assess(set, { a: 'met', b: 'not-met', c: 'met', d: 'not-met', e: { na: true } }),
    id: 'i1',
    assessmentKind: 'external-inspection',
  });
  const r = reconcile(self, insp);
  if (!r.ok) throw new Error('reconcile failed');

  it('compares items both sides answered; the unanswered one is listed apart', () => {
    expect(r.value.compared).toBe(5);
    expect(r.value.notCompared).toEqual(['u']);
  });
  it('gives the agreement rate 4/5 and lists the disagreement with who rated higher', () => {
    expect(f(r.value.agreementRate)).toBe('4/5');
    expect(r.value.disagreements).toEqual([
      { id: 'b', self: 'met', inspection: 'not-met', pointsDifference: { num: 1, den: 1 } },
    ]);
  });
  it("computes Cohen's kappa exactly: p_o = 4/5, p_e = 3/5 x 2/5 + 1/5 x 2/5 + 1/5 x 1/5 = 9/25, kappa = 11/16", () => {
    // self: met 3, not-met 1, na 1; inspection: met 2, not-met 2, na 1
    expect(f(r.value.kappa)).toBe('11/16');
  });
  it('leaves kappa out when everything on both sides is in one category', () => {
    const s2 = scored(set, assess(set, { a: 'met', b: 'met', c: 'met', d: 'met', e: 'met', u: 'met' }));
    const k = reconcile(s2, s2);
    expect(k.ok && k.value.kappa).toBe(undefined);
    expect(k.ok && k.value.kappaNote).toMatch(/undefined/);
  });
});

// The example stations of examples/qd1300-commune-health: contest rounds 2025-r1 and 2026-r1.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const set1300 = JSON.parse(readFileSync(join(root, 'criteria', 'qd1300-commune-health.json'), 'utf8')) as CriteriaSet;
const dir = join(root, 'examples', 'qd1300-commune-health');
const examples = readdirSync(dir)
  .filter((x) => x.endsWith('.assessment.json'))
  .map((x) => JSON.parse(readFileSync(join(dir, x), 'utf8')) as Assessment)
  // Examples of a later version of the set (decision 0014) are not part of these contest rounds.
  .filter((a) => a.criteriaSet.version === set1300.version)
  .map((a) => scored(set1300, a));

describe('contest ranking with the example stations', () => {
  it('ranks the 2026 round by final score: Thường Thạnh 100, Thạnh Tiến 94, Thuận Hưng 88', () => {
    const r = rankByScore(examples, '2026-r1');
    expect(r.rows.map((x) => [x.rank, x.facilityId, f(x.percent)])).toEqual([
      [1, 'cantho-tyt-thuong-thanh', '100'],
      [2, 'cantho-tyt-thanh-tien', '94'],
      [3, 'cantho-tyt-thuan-hung', '88'],
    ]);
    expect(r.ties).toEqual([]);
  });
  it('ranks by percentage-point gain: Thạnh Tiến +24, Thường Thạnh +10, Thuận Hưng +9', () => {
    const r = rankByImprovement(examples, '2025-r1', '2026-r1', 'gain');
    expect(r.rows.map((x) => [x.facilityId, f(x.gain), f(x.gapClosed)])).toEqual([
      ['cantho-tyt-thanh-tien', '24', '4/5'], // (94 - 70) / (100 - 70)
      ['cantho-tyt-thuong-thanh', '10', '1'], // (100 - 90) / (100 - 90)
      ['cantho-tyt-thuan-hung', '9', '3/7'], // (88 - 79) / (100 - 79)
    ]);
  });
  it('ranks by share of the gap closed: Thường Thạnh 1, Thạnh Tiến 4/5, Thuận Hưng 3/7', () => {
    const r = rankByImprovement(examples, '2025-r1', '2026-r1', 'gap-closed');
    expect(r.rows.map((x) => x.facilityId)).toEqual([
      'cantho-tyt-thuong-thanh',
      'cantho-tyt-thanh-tien',
      'cantho-tyt-thuan-hung',
    ]);
  });
});

describe('ranking edge cases', () => {
  const set = oneSection([{ id: 'k', items: Array.from({ length: 10 }, (_, i) => binary(`i${i}`, 1)) }]);
  const at = (fid: string, round: string, met: number, extra: Partial<Assessment> = {}) => {
    const ans: Record<string, string> = {};
    for (let i = 0; i < 10; i++) ans[`i${i}`] = i < met ? 'met' : 'not-met';
    return scored(set, {
      ...assess(set, ans, { ...station, id: fid, name: fid }),
      id: `${fid}-${round}`,
      round: { id: round },
      ...extra,
    });
  };
  it('states ties and gives tied facilities the same rank (1, 1, 3)', () => {
    const r = rankByScore([at('x', 'r', 8), at('y', 'r', 8), at('z', 'r', 7)], 'r');
    expect(r.rows.map((x) => [x.facilityId, x.rank, x.tied])).toEqual([
      ['x', 1, true],
      ['y', 1, true],
      ['z', 3, false],
    ]);
    expect(r.ties).toEqual([['x', 'y']]);
  });
  it('lists a facility at 100 % at baseline apart instead of dividing by zero, and facilities missing a round', () => {
    const r = rankByImprovement(
      [
        at('full', 'b', 10),
        at('full', 'f', 10),
        at('gone', 'b', 5),
        at('new', 'f', 6),
        at('x', 'b', 5),
        at('x', 'f', 7),
      ],
      'b',
      'f',
    );
    expect(r.alreadyFull.map((x) => x.facilityId)).toEqual(['full']);
    expect(r.missing).toEqual([
      expect.objectContaining({ facilityId: 'gone', missing: 'followup' }),
      expect.objectContaining({ facilityId: 'new', missing: 'baseline' }),
    ]);
    expect(r.rows.map((x) => [x.facilityId, f(x.gain), f(x.gapClosed)])).toEqual([['x', '20', '2/5']]);
  });
  it('keeps incomplete assessments out of the ranking but lists them', () => {
    const inc = scored(set, {
      ...assess(set, { i0: 'met' }, { ...station, id: 'half', name: 'half' }),
      round: { id: 'r' },
    });
    const r = rankByScore([inc, at('x', 'r', 5)], 'r');
    expect(r.incomplete.map((x) => x.facilityId)).toEqual(['half']);
    expect(r.rows).toHaveLength(1);
  });
  it('uses the latest assessment of a facility in a round and lists the one it replaced', () => {
    const r = rankByScore(
      [at('x', 'r', 5, { assessedOn: '2026-01-01' }), at('x', 'r', 9, { assessedOn: '2026-02-01', id: 'x-later' })],
      'r',
    );
    expect(r.rows.map((x) => x.assessmentId)).toEqual(['x-later']);
    expect(r.superseded.map((x) => x.assessmentId)).toEqual(['x-r']);
  });
});

describe('aggregate across facilities', () => {
  it('gives pass rates per criterion, met rates per item, the weakest criteria and the distribution', () => {
    const set = oneSection(
      [
        { id: 'c1', items: [binary('a', 1), binary('b', 1)] },
        { id: 'c2', items: [binary('c', 2)] },
      ],
      {
        passRules: [{ kind: 'each-criterion-percent-at-least', percent: 50 }],
      },
    );
    const mk = (id: string, ans: Record<string, string>) =>
      scored(set, { ...assess(set, ans, { ...station, id }), id });
    const agg = aggregate([
      mk('x', { a: 'met', b: 'met', c: 'not-met' }),
      mk('y', { a: 'met', b: 'not-met', c: 'met' }),
      mk('z', { a: 'not-met', b: 'not-met', c: 'met' }),
    ]);
    // c1: 100 %, 50 %, 0 % -> mean 50 %, passing 2 of 3; c2: 0, 100, 100 -> mean 200/3, passing 2 of 3
    expect(agg.criteria.map((c) => [c.id, f(c.meanPercent), c.passing, f(c.passRate)])).toEqual([
      ['c1', '50', 2, '2/3'],
      ['c2', '200/3', 2, '2/3'],
    ]);
    expect(agg.items.map((i) => [i.id, f(i.metRate)])).toEqual([
      ['a', '2/3'],
      ['b', '1/3'],
      ['c', '2/3'],
    ]);
    expect(agg.weakest).toEqual(['c1', 'c2']);
    // totals: x 2/4 = 50 %, y 3/4 = 75 %, z 2/4 = 50 %
    expect(agg.distribution.filter((d) => d.count).map((d) => [d.from, d.count])).toEqual([
      [50, 2],
      [70, 1],
    ]);
    expect(agg.decisions).toEqual({ pass: 1, fail: 2, incomplete: 0, none: 0 });
  });

  it('streams: results added one at a time give the same aggregate at every step, and keep no document', () => {
    const set = oneSection(
      [
        { id: 'c1', items: [binary('a', 1), binary('b', 1)] },
        { id: 'c2', items: [binary('c', 2)] },
      ],
      { passRules: [{ kind: 'each-criterion-percent-at-least', percent: 50 }] },
    );
    const mk = (id: string, ans: Record<string, string>) =>
      scored(set, { ...assess(set, ans, { ...station, id }), id });
    const all = [
      mk('x', { a: 'met', b: 'met', c: 'not-met' }),
      mk('y', { a: 'met', b: 'not-met', c: 'met' }),
      mk('z', { a: 'not-met', b: 'not-met', c: 'met' }),
      mk('w', { a: 'met', b: 'met', c: 'met' }),
    ];
    const acc = createAggregator();
    expect(acc.result()).toEqual(aggregate([]));
    all.forEach((s, i) => {
      acc.add(s);
      expect(acc.result()).toEqual(aggregate(all.slice(0, i + 1)));
    });
    // c1: 100, 50, 0, 100 -> mean 250/4 = 125/2 %, passing 3 of 4; the total of w is 100 % (last bucket)
    const r = acc.result();
    expect(r.criteria.map((c) => [c.id, f(c.meanPercent), c.passing, f(c.passRate)])).toEqual([
      ['c1', '125/2', 3, '3/4'],
      ['c2', '75', 3, '3/4'],
    ]);
    expect(r.distribution[9]).toEqual({ from: 90, to: 100, count: 1 });
    // a later add does not change an aggregate already returned
    acc.add(all[0]!);
    expect(r.count).toBe(4);
    expect(r.decisions.pass + r.decisions.fail).toBe(4);
  });
});
