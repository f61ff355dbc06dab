import { describe, expect, it } from 'vitest';
import { score, validateCriteriaSet } from '../src/index.js';
import type { ScoreResult } from '../src/index.js';
import { all, assess, binary, element, f, graded, makeSet, oneSection, station } from './helpers.js';

function ok(r: ReturnType<typeof score>): ScoreResult {
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
  return r.value;
}
const crit = (r: ScoreResult, id: string) => r.sections.flatMap((s) => s.criteria).find((c) => c.id === id)!;
const item = (r: ScoreResult, id: string) =>
  r.sections
    .flatMap((s) => s.criteria)
    .flatMap((c) => c.items)
    .find((i) => i.id === id)!;

describe('item responses', () => {
  const set = oneSection([
    {
      id: 'c1',
      items: [
        binary('b', 2),
        graded('g', 2, 1),
        {
          id: 'ch',
          text: { vi: 'Chọn' },
          provenance: {},
          response: {
            kind: 'choice',
            options: [
              { id: 'none', label: { vi: 'Không' }, points: 0 },
              { id: 'some', label: { vi: 'Một phần' }, points: 0.5 },
              { id: 'full', label: { vi: 'Đủ' }, points: 1.5 },
            ],
          },
        },
        {
          id: 'num',
          text: { vi: 'Tỷ lệ tiêm chủng' },
          provenance: {},
          response: {
            kind: 'numeric',
            min: 0,
            max: 100,
            bands: [
              { min: 0, points: 0 },
              { min: 80, points: 1 },
              { min: 95, points: 3 },
            ],
          },
        },
      ],
    },
  ]);

  it('gives a met binary item its points and a not-met one nothing', () => {
    expect(f(item(ok(score(set, assess(set, { b: 'met', g: 'met', ch: 'full', num: 100 }))), 'b').points)).toBe('2');
    expect(f(item(ok(score(set, assess(set, { b: 'not-met', g: 'met', ch: 'full', num: 100 }))), 'b').points)).toBe(
      '0',
    );
  });
  it('gives a partially met graded item its partial points (WASH FIT 2/1/0)', () => {
    const r = ok(score(set, assess(set, { b: 'met', g: 'partial', ch: 'full', num: 100 })));
    expect(f(item(r, 'g').points)).toBe('1');
    expect(item(r, 'g').met).toBe(false);
  });
  it('gives a choice the points of the chosen option; its maximum is the best option', () => {
    const r = ok(score(set, assess(set, { b: 'met', g: 'met', ch: 'some', num: 100 })));
    expect(f(item(r, 'ch').points)).toBe('1/2');
    expect(f(item(r, 'ch').max)).toBe('3/2');
  });
  it('maps a number to the points of the band [min, next min) that holds it', () => {
    const pts = (v: number) =>
      f(item(ok(score(set, assess(set, { b: 'met', g: 'met', ch: 'full', num: v }))), 'num').points);
    expect(pts(0)).toBe('0');
    expect(pts(79.99)).toBe('0');
    expect(pts(80)).toBe('1');
    expect(pts(94.999)).toBe('1');
    expect(pts(95)).toBe('3');
    expect(pts(100)).toBe('3');
  });
  it('adds the items of a criterion: 2 + 1 + 1/2 + 1 = 9/2 of 2 + 2 + 3/2 + 3 = 17/2', () => {
    const r = ok(score(set, assess(set, { b: 'met', g: 'partial', ch: 'some', num: 85 })));
    expect(f(crit(r, 'c1').score.points)).toBe('9/2');
    expect(f(crit(r, 'c1').score.max)).toBe('17/2');
    expect(f(crit(r, 'c1').score.percent)).toBe('900/17'); // 52.94 %
    expect(crit(r, 'c1').score.display).toEqual({ points: '4.5', max: '8.5', percent: '52.9' });
  });
  it('refuses values that do not fit the item, naming the place', () => {
    const r = score(set, assess(set, { b: 'yes', g: 'met', ch: 'lots', num: 101 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.pointer)).toEqual(['/answers/b/value', '/answers/ch/value', '/answers/num/value']);
    expect(r.errors[0]!.message.en).toContain('"met", "not-met"');
  });
});

describe('not applicable (không áp dụng)', () => {
  const set = oneSection(
    [
      { id: 'c1', items: [binary('a', 3), binary('b', 1, { naAllowed: true })] },
      { id: 'c2', items: [binary('c', 2, { naAllowed: true })] },
    ],
    {
      passRules: [
        { kind: 'total-percent-at-least', percent: 80 },
        { kind: 'each-criterion-percent-at-least', percent: 50 },
      ],
    },
  );

  it('removes an N/A item from both score and maximum', () => {
    const r = ok(score(set, assess(set, { a: 'met', b: { na: true }, c: 'met' })));
    expect(f(r.total.points)).toBe('5');
    expect(f(r.total.max)).toBe('5');
    expect(r.notApplicable).toEqual(['b']);
    expect(r.decision).toBe('pass');
  });
  it('drops a criterion with nothing applicable out of the per-criterion rule', () => {
    // c2 is N/A: without it, c1 alone decides; 3/4 = 75 % < 80 % fails the total rule only
    const r = ok(score(set, assess(set, { a: 'met', b: 'not-met', c: { na: true } })));
    expect(crit(r, 'c2').score.applicable).toBe(false);
    expect(f(r.total.max)).toBe('4');
    expect(r.rules.map((x) => x.status)).toEqual(['failed', 'passed']);
  });
  it('refuses N/A where the set does not allow it', () => {
    const r = score(set, assess(set, { a: { na: true }, b: 'met', c: 'met' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'answer.na-not-allowed', pointer: '/answers/a/na' });
  });
  it('makes items of another zone or facility kind N/A automatically', () => {
    const z = oneSection([
      {
        id: 'c1',
        items: [
          binary('a', 1),
          binary('z3', 1, { applicableZones: ['3'] }),
          binary('h', 1, { applicableFacilityKinds: ['hospital'] }),
        ],
      },
    ]);
    const r = ok(score(z, assess(z, { a: 'met' }, { ...station, zone: '2' })));
    expect(r.notApplicable).toEqual(['z3', 'h']);
    expect(item(r, 'z3').status).toBe('auto-na');
    expect(r.complete).toBe(true);
    expect(f(r.total.max)).toBe('1');
  });
  it('scores nothing as not applicable rather than dividing by zero', () => {
    const r = ok(score(set, assess(set, { a: 'met', b: { na: true }, c: { na: true } })));
    expect(f(r.total.percent)).toBe('100');
    const none = oneSection([{ id: 'c1', items: [binary('x', 1, { naAllowed: true })] }], {
      passRules: [{ kind: 'total-percent-at-least', percent: 80 }],
    });
    const r2 = ok(score(none, assess(none, { x: { na: true } })));
    expect(r2.total.applicable).toBe(false);
    expect(r2.total.percent).toBeUndefined();
    expect(r2.rules[0]!.status).toBe('not-evaluated');
  });
});

describe('weights', () => {
  it('multiplies criterion and section points and maxima by their weights', () => {
    // s1 (weight 2): c1 (w 1) 1/2 met, c2 (w 3) 1/1 met; s2 (w 1): c3 0/2
    // s1 = 2 x (1x1 + 3x1) = 8 of 2 x (1x2 + 3x1) = 10; s2 = 0 of 2; total 8/12 = 66.67 %
    const set = makeSet([
      {
        id: 's1',
        weight: 2,
        criteria: [
          { id: 'c1', items: [binary('a', 1), binary('b', 1)] },
          { id: 'c2', weight: 3, items: [binary('c', 1)] },
        ],
      },
      { id: 's2', criteria: [{ id: 'c3', items: [binary('d', 2)] }] },
    ]);
    const r = ok(score(set, assess(set, { a: 'met', b: 'not-met', c: 'met', d: 'not-met' })));
    expect(f(r.sections[0]!.score.points)).toBe('4');
    expect(f(r.sections[0]!.score.max)).toBe('5');
    expect(f(r.total.points)).toBe('8');
    expect(f(r.total.max)).toBe('12');
    expect(f(r.total.percent)).toBe('200/3');
    expect(r.total.display.percent).toBe('66.7'); // 66.66…, rounded half up
  });
});

describe('aggregation: sum over sum versus mean of percentages', () => {
  // c1: 9 of 10 (90 %); c2: 0 of 1 (0 %)
  const build = (aggregation: 'sum' | 'mean-of-percentages') =>
    oneSection(
      [
        { id: 'c1', items: [binary('a', 9), binary('b', 1)] },
        { id: 'c2', items: [binary('c', 1)] },
      ],
      { aggregation },
    );
  it('sum over sum: (9 + 0) / (10 + 1) = 900/11 %', () => {
    const set = build('sum');
    expect(f(ok(score(set, assess(set, { a: 'met', b: 'not-met', c: 'not-met' }))).total.percent)).toBe('900/11');
  });
  it('mean of percentages: (90 + 0) / 2 = 45 %', () => {
    const set = build('mean-of-percentages');
    expect(f(ok(score(set, assess(set, { a: 'met', b: 'not-met', c: 'not-met' }))).total.percent)).toBe('45');
  });
});

describe('pass rules of the national commune health criteria (1300/QĐ-BYT)', () => {
  // Two criteria of 10 points each, items of 1 point (and one of 0.5 + 0.5 to reach fractions).
  const items = (p: string, n: number) => Array.from({ length: n }, (_, i) => binary(`${p}${i + 1}`, 1));
  const rules = [
    { kind: 'total-percent-at-least', percent: 80 },
    { kind: 'each-criterion-percent-at-least', percent: 50 },
    { kind: 'no-failed-knockout' },
  ] as const;
  const set = oneSection(
    [
      { id: 't1', items: [...items('a', 9), binary('ko', 1, { knockout: true })] },
      { id: 't2', items: items('b', 10) },
    ],
    { passRules: [...rules] },
  );
  const answers = (metA: number, metB: number, ko = 'met') => {
    const x: Record<string, string> = { ko };
    for (let i = 1; i <= 9; i++) x[`a${i}`] = i <= metA ? 'met' : 'not-met';
    for (let i = 1; i <= 10; i++) x[`b${i}`] = i <= metB ? 'met' : 'not-met';
    return x;
  };
  it('passes at exactly 80 % with every criterion at least 50 %', () => {
    const r = ok(score(set, assess(set, answers(6, 9)))); // 7 + 9 = 16 of 20
    expect(f(r.total.percent)).toBe('80');
    expect(r.decision).toBe('pass');
    expect(r.reasons).toEqual([]);
  });
  it('fails below 80 % and says by how much', () => {
    const r = ok(score(set, assess(set, answers(5, 9)))); // 15 of 20 = 75 %
    expect(r.decision).toBe('fail');
    expect(r.rules[0]).toMatchObject({ kind: 'total-percent-at-least', status: 'failed' });
    expect(r.reasons[0]!.en).toBe(
      'The total is 15/20 points (75.0%); at least 80% is needed: 5 percentage points short',
    );
    expect(r.reasons[0]!.vi).toBe('Tổng điểm đạt 15/20 điểm (75,0 %), cần ít nhất 80 %: thiếu 5 điểm phần trăm');
    expect(r.reasons[0]!.code).toBe('rule.total.failed');
  });
  it('fails on one criterion under 50 % although the total is 85 %', () => {
    // t1 4/10 = 40 %, t2 ... cannot reach 85 % with 20 points; use weights: t2 weight 4
    const w = oneSection(
      [
        { id: 't1', items: [...items('a', 9), binary('ko', 1)] },
        { id: 't2', weight: 4, items: items('b', 10) },
      ],
      { passRules: [...rules] },
    );
    const r = ok(score(w, assess(w, answers(3, 10)))); // t1 4/10; total (4 + 40) / (10 + 40) = 88 %
    expect(f(r.total.percent)).toBe('88');
    expect(r.decision).toBe('fail');
    expect(r.rules.map((x) => x.status)).toEqual(['passed', 'failed', 'passed']);
    expect(r.rules[1]!.failures).toMatchObject([
      { id: 't1', actual: { num: 40, den: 1 }, shortfall: { num: 10, den: 1 } },
    ]);
    // The criterion is named by its title and the reason says what is needed: 4 of 10 points, 50 % needed.
    expect(r.reasons.map((x) => x.vi)).toEqual(['Tiêu chí t1 đạt 4/10 điểm (40,0 %), cần ít nhất 50 %']);
    expect(r.reasons[0]!.code).toBe('rule.node.failed');
  });
  it('fails on a failed knockout (điểm liệt) whatever the total', () => {
    const r = ok(score(set, assess(set, answers(9, 10, 'not-met')))); // 19 of 20 = 95 %
    expect(f(r.total.percent)).toBe('95');
    expect(r.decision).toBe('fail');
    expect(r.failedKnockouts).toEqual(['ko']);
    expect(r.reasons.map((x) => x.en)).toEqual(['1 knockout item (which must be met) failed: “Chỉ tiêu ko”']);
    expect(r.reasons.map((x) => x.vi)).toEqual(['Trượt 1 điểm liệt (chỉ tiêu bắt buộc phải đạt): “Chỉ tiêu ko”']);
  });
  it('decides on exact fractions: 79.96 % fails the 80 % rule', () => {
    // 1999 of 2500 points = 79.96 %
    const s = oneSection([{ id: 'c', items: [binary('x', 1999), binary('y', 501)] }], {
      passRules: [{ kind: 'total-percent-at-least', percent: 80 }],
    });
    const r = ok(score(s, assess(s, { x: 'met', y: 'not-met' })));
    expect(f(r.total.percent)).toBe('1999/25');
    // Rounded half up it would read "80.0", on the other side of the rule: more digits are shown (ADR 0010).
    expect(r.total.display.percent).toBe('79.96');
    expect(r.decision).toBe('fail');
    expect(r.reasons[0]!.vi).toBe(
      'Tổng điểm đạt 1999/2500 điểm (79,96 %), cần ít nhất 80 %: thiếu 0,04 điểm phần trăm',
    );
  });
  it('uses the zone threshold where the rule sets one', () => {
    const z = oneSection([{ id: 'c', items: [binary('x', 3), binary('y', 1)] }], {
      passRules: [{ kind: 'total-percent-at-least', percent: 80, byZone: { '3': 75 } }],
    });
    const at = (zone: '1' | '2' | '3') =>
      ok(score(z, assess(z, { x: 'met', y: 'not-met' }, { ...station, zone }))).decision;
    expect(at('1')).toBe('fail'); // 75 % < 80 %
    expect(at('3')).toBe('pass'); // 75 % >= 75 %
  });
  it('checks one named criterion when a rule names it', () => {
    const s = oneSection(
      [
        { id: 'c1', items: [binary('x', 1)] },
        { id: 'c2', items: [binary('y', 1)] },
      ],
      {
        passRules: [{ kind: 'criterion-percent-at-least', criterion: 'c2', percent: 100 }],
      },
    );
    const r = ok(score(s, assess(s, { x: 'met', y: 'not-met' })));
    expect(r.rules[0]).toMatchObject({ status: 'failed', target: 'c2' });
  });
  it('checks every section when a rule asks for it', () => {
    const s = makeSet(
      [
        { id: 's1', criteria: [{ id: 'c1', items: [binary('x', 1)] }] },
        { id: 's2', criteria: [{ id: 'c2', items: [binary('y', 1), binary('z', 1)] }] },
      ],
      { passRules: [{ kind: 'each-section-percent-at-least', percent: 60 }] },
    );
    const r = ok(score(s, assess(s, { x: 'met', y: 'met', z: 'not-met' })));
    expect(r.rules[0]!.failures!.map((x) => x.id)).toEqual(['s2']);
  });
});

describe('unanswered and unassessed items', () => {
  const set = oneSection([{ id: 'c', items: [binary('x', 1), binary('y', 1), binary('z', 1)] }], {
    passRules: [{ kind: 'total-percent-at-least', percent: 10 }],
  });
  it('marks the result incomplete, lists the items, and never passes', () => {
    const r = ok(score(set, assess(set, { x: 'met' })));
    expect(r.complete).toBe(false);
    expect(r.decision).toBe('incomplete');
    expect(r.unanswered).toEqual(['y', 'z']);
    // unanswered items count in the maximum with no points: the partial score is conservative
    expect(f(r.total.percent)).toBe('100/3');
    expect(r.reasons.at(-1)!.en).toBe('2 items not yet answered: “Chỉ tiêu y”, “Chỉ tiêu z”');
  });
  it('keeps items that could not be assessed apart, with the result incomplete', () => {
    const r = ok(
      score(set, assess(set, { x: 'met', y: 'met', z: { unassessed: 'Kho khóa, không có người giữ chìa' } })),
    );
    expect(r.unassessed).toEqual(['z']);
    expect(item(r, 'z').status).toBe('unassessed');
    expect(r.decision).toBe('incomplete');
  });
  it('has no decision when the set has no pass rules and all is answered', () => {
    const s = oneSection([{ id: 'c', items: [binary('x', 1)] }]);
    expect(ok(score(s, assess(s, { x: 'met' }))).decision).toBe('none');
  });
});

describe('rating bands (WHO IPCAF: 0-200, 201-400, 401-600, 601-800)', () => {
  const set = oneSection(
    [{ id: 'c', items: [binary('a', 200), binary('half', 0.5), binary('b', 0.5), binary('c2', 599)] }],
    {
      rating: {
        metric: 'points',
        bands: [
          { id: 'inadequate', label: { vi: 'Không đạt', en: 'Inadequate' }, min: 0 },
          { id: 'basic', label: { vi: 'Cơ bản', en: 'Basic' }, min: 201 },
          { id: 'intermediate', label: { vi: 'Trung bình', en: 'Intermediate' }, min: 401 },
          { id: 'advanced', label: { vi: 'Nâng cao', en: 'Advanced' }, min: 601 },
        ],
      },
    },
  );
  const rate = (ans: Record<string, string>) => ok(score(set, assess(set, ans))).rating!.id;
  it('puts 200.5 in the band below 201 (bands are [min, next min))', () => {
    expect(rate({ a: 'met', half: 'met', b: 'not-met', c2: 'not-met' })).toBe('inadequate');
  });
  it('puts exactly 201 in the next band', () => {
    expect(rate({ a: 'met', half: 'met', b: 'met', c2: 'not-met' })).toBe('basic');
  });
  it('puts the full 800 in the top band', () => {
    expect(rate(all(set, 'met'))).toBe('advanced');
  });
});

describe('cumulative level ladder (6858/QĐ-BYT)', () => {
  const crit5 = (id: string, weight?: number) => ({
    id,
    ...(weight !== undefined ? { weight } : {}),
    items: [
      element(`${id}-1`, 1),
      element(`${id}-2a`, 2),
      element(`${id}-2b`, 2),
      element(`${id}-3`, 3),
      element(`${id}-4`, 4),
      element(`${id}-5`, 5, { naAllowed: true }),
    ],
  });
  const set = oneSection([crit5('a1'), crit5('a2', 2)], { model: 'levels', levels: 5 });

  it('reaches level n only when every element of levels 2..n is met', () => {
    const ans = { ...all(set, 'met'), 'a1-3': 'not-met' };
    const r = ok(score(set, assess(set, ans)));
    expect(crit(r, 'a1').level).toBe(2);
    expect(crit(r, 'a1').levelReason!.en).toBe('At level 2; to reach level 3: “Tiểu mục a1-3”');
    expect(crit(r, 'a1').levelReason!.vi).toBe('Đạt mức 2; để đạt mức 3 cần: “Tiểu mục a1-3”');
    expect(crit(r, 'a2').level).toBe(5);
  });
  it('keeps a criterion at level 1 when a level-1 defect is present, even with higher elements met', () => {
    const r = ok(score(set, assess(set, { ...all(set, 'met'), 'a1-1': 'not-met' })));
    expect(crit(r, 'a1').level).toBe(1);
    expect(crit(r, 'a1').levelReason!.en).toBe('Level 1: a defect is present at “Tiểu mục a1-1”');
  });
  it('does not let a met element above a gap raise the level', () => {
    const r = ok(score(set, assess(set, { ...all(set, 'met'), 'a1-2b': 'not-met' })));
    expect(crit(r, 'a1').level).toBe(1);
  });
  it('ignores N/A elements', () => {
    const r = ok(score(set, assess(set, { ...all(set, 'met'), 'a1-5': { na: true } })));
    expect(crit(r, 'a1').level).toBe(5);
  });
  it('takes the weighted mean level over applicable criteria: (2 x 1 + 5 x 2) / 3 = 4', () => {
    const r = ok(score(set, assess(set, { ...all(set, 'met'), 'a1-3': 'not-met' })));
    expect(r.levelSum).toBe(7);
    expect(f(r.weightedLevelSum)).toBe('12');
    expect(f(r.meanLevel)).toBe('4');
    expect(r.levelCounts).toEqual([0, 1, 0, 0, 1]);
  });
  it('reproduces the published example: 82 criteria, 1 at level 2, 6 at 3, 29 at 4, 46 at 5, sum to 366', () => {
    const criteria = Array.from({ length: 82 }, (_, i) => crit5(`k${i}`));
    const big = oneSection(criteria, { model: 'levels', levels: 5 });
    const levelOf = (i: number) => (i < 1 ? 2 : i < 7 ? 3 : i < 36 ? 4 : 5);
    const ans: Record<string, string> = all(big, 'met');
    criteria.forEach((c, i) => {
      const l = levelOf(i);
      if (l < 5) ans[c.items.find((x) => x.level === l + 1)!.id] = 'not-met';
    });
    const r = ok(score(big, assess(big, ans)));
    expect(r.levelCounts).toEqual([0, 1, 6, 29, 46]);
    expect(r.levelSum).toBe(366);
    expect(f(r.meanLevel)).toBe('183/41'); // 366 / 82
  });
  it('applies level rules', () => {
    const s = oneSection([crit5('a1'), crit5('a2')], {
      model: 'levels',
      levels: 5,
      passRules: [
        { kind: 'mean-level-at-least', level: 3 },
        { kind: 'each-criterion-level-at-least', level: 2 },
      ],
    });
    const r = ok(score(s, assess(s, { ...all(s, 'met'), 'a1-1': 'not-met' }))); // levels 1 and 5: mean 3
    expect(r.rules.map((x) => x.status)).toEqual(['passed', 'failed']);
  });
});

describe('evidence and bad input', () => {
  it('lists items whose required photo is missing', () => {
    const set = oneSection([
      {
        id: 'c',
        items: [
          binary('x', 1, { evidence: { photo: 'when-not-met' } }),
          binary('y', 1, { evidence: { photo: 'always' } }),
        ],
      },
    ]);
    const r = ok(score(set, assess(set, { x: 'not-met', y: { value: 'met', evidence: ['a'.repeat(64)] } })));
    expect(r.missingEvidence).toEqual(['x']);
  });
  it('refuses answers to items the set does not have', () => {
    const set = oneSection([{ id: 'c', items: [binary('x', 1)] }]);
    const r = score(set, assess(set, { x: 'met', ghost: 'met' }));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        {
          code: 'answer.unknown-item',
          pointer: '/answers/ghost',
          message: expect.objectContaining({ en: expect.stringContaining('ghost') }),
        },
      ]);
  });
  it('refuses an answer with both a value and N/A', () => {
    const set = oneSection([{ id: 'c', items: [binary('x', 1, { naAllowed: true })] }]);
    const r = score(set, assess(set, { x: { value: 'met', na: true } }));
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['answer.conflict']);
  });
  it('refuses to score with a set other than the one the assessment names', () => {
    const set = oneSection([{ id: 'c', items: [binary('x', 1)] }]);
    const a = { ...assess(set, { x: 'met' }), criteriaSet: { id: 'test-set', version: '2' } };
    const r = score(set, a);
    expect(r.ok ? '' : r.errors[0]!.code).toBe('answer.set-mismatch');
  });
  it('refuses an invalid set instead of scoring it', () => {
    const set = oneSection([{ id: 'c', items: [binary('x', 1), binary('x', 1)] }]);
    const r = score(set, assess(set, { x: 'met' }));
    expect(r.ok ? '' : r.errors[0]!.code).toBe('set.duplicate-id');
    expect(validateCriteriaSet(set).ok).toBe(false);
  });
  it('refuses an assessment that does not match the schema', () => {
    const set = oneSection([{ id: 'c', items: [binary('x', 1)] }]);
    const a = { ...assess(set, { x: 'met' }), status: 'done' } as unknown as Parameters<typeof score>[1];
    const r = score(set, a);
    expect(r.ok ? '' : r.errors[0]!.pointer).toBe('/status');
  });
  it('is not fooled by an answer keyed "__proto__" or "constructor"', () => {
    const set = oneSection([{ id: 'c', items: [binary('x', 1)] }]);
    const a = assess(set, { x: 'met' });
    a.answers = JSON.parse('{"x":{"value":"met"},"__proto__":{"value":"met"}}');
    expect(score(set, a).ok).toBe(false);
    a.answers = JSON.parse('{"x":{"value":"met"},"constructor":{"value":"met"}}');
    const r = score(set, a);
    expect(r.ok ? '' : r.errors[0]!.code).toBe('answer.unknown-item');
  });
});
