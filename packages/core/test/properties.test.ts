/**
 * Invariants of the engine, checked with fast-check over generated sets and answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmp, score } from '../src/index.js';
import type { Assessment, AssessmentAnswer, CriteriaSet, CriteriaSetItem, ScoreResult } from '../src/index.js';
import { assess, makeSet } from './helpers.js';

const points = fc.integer({ min: 0, max: 40 }).map((n) => n / 4); // quarters, read exactly
const itemArb = (id: string): fc.Arbitrary<CriteriaSetItem> =>
  fc.oneof(
    points.map((p): CriteriaSetItem => ({
      id,
      text: { vi: id },
      provenance: {},
      naAllowed: true,
      response: { kind: 'binary', points: p },
    })),
    fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 9 })).map(([p, q]): CriteriaSetItem => ({
      id,
      text: { vi: id },
      provenance: {},
      naAllowed: true,
      knockout: q === 0,
      response: { kind: 'graded', points: p, partialPoints: Math.min(q, p - 1) / 2 },
    })),
  );

const setArb: fc.Arbitrary<CriteriaSet> = fc
  .array(fc.array(fc.constant(0), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
  .chain((shape) => {
    let n = 0;
    const crits = shape.map((items, ci) =>
      fc
        .tuple(fc.integer({ min: 1, max: 3 }), fc.tuple(...items.map(() => itemArb(`i${n++}`))))
        .map(([w, its]) => ({ id: `c${ci}`, weight: w, items: its })),
    );
    return fc.tuple(fc.tuple(...crits), fc.constantFrom('sum' as const, 'mean-of-percentages' as const));
  })
  .map(([criteria, aggregation]) =>
    makeSet([{ id: 's', criteria }], {
      aggregation,
      passRules: [
        { kind: 'total-percent-at-least', percent: 80 },
        { kind: 'each-criterion-percent-at-least', percent: 50 },
        { kind: 'no-failed-knockout' },
      ],
    }),
  );

const items = (s: CriteriaSet) => s.sections.flatMap((x) => x.criteria).flatMap((c) => c.items);
const answerArb = (it: CriteriaSetItem): fc.Arbitrary<AssessmentAnswer | undefined> =>
  fc.constantFrom<(AssessmentAnswer | undefined)[]>(
    { value: 'met' },
    { value: 'not-met' },
    ...(it.response.kind === 'graded' ? [{ value: 'partial' }] : []),
    { na: true },
    undefined,
  );
const caseArb = setArb.chain((set) =>
  fc.tuple(fc.constant(set), fc.tuple(...items(set).map(answerArb))).map(([s, ans]) => {
    const answers: Record<string, AssessmentAnswer> = {};
    items(s).forEach((it, i) => {
      if (ans[i]) answers[it.id] = ans[i]!;
    });
    return { set: s, a: { ...assess(s, {}), answers } as Assessment };
  }),
);

const run = (set: CriteriaSet, a: Assessment): ScoreResult => {
  const r = score(set, a);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const allItems = (r: ScoreResult) => r.sections.flatMap((s) => s.criteria).flatMap((c) => c.items);
const RUNS = { numRuns: 300 };

describe('scoring invariants (fast-check)', () => {
  it('keeps 0 <= points <= max for every item, criterion, section and the total', () => {
    fc.assert(
      fc.property(caseArb, ({ set, a }) => {
        const r = run(set, a);
        const scores = [
          r.total,
          ...r.sections.map((s) => s.score),
          ...r.sections.flatMap((s) => s.criteria.map((c) => c.score)),
        ];
        for (const x of [...scores, ...allItems(r)]) {
          expect(cmp(x.points, { num: 0, den: 1 })).toBeGreaterThanOrEqual(0);
          expect(cmp(x.points, x.max)).toBeLessThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });
  it("never changes another item's points when one item is marked N/A", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ set, a }, k) => {
        const list = items(set);
        const target = list[k % list.length]!;
        const before = run(set, a);
        const after = run(set, { ...a, answers: { ...a.answers, [target.id]: { na: true } } });
        const pts = (r: ScoreResult) => new Map(allItems(r).map((i) => [i.id, i.points]));
        const pb = pts(before);
        const pa = pts(after);
        for (const it of list) if (it.id !== target.id) expect(pa.get(it.id)).toEqual(pb.get(it.id));
      }),
      RUNS,
    );
  });
  it('never lowers the percentage when an unanswered item is answered as met', () => {
    fc.assert(
      fc.property(caseArb, ({ set, a }) => {
        const before = run(set, a);
        for (const id of before.unanswered) {
          const after = run(set, { ...a, answers: { ...a.answers, [id]: { value: 'met' } } });
          if (before.total.percent && after.total.percent)
            expect(cmp(after.total.percent, before.total.percent)).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });
  it('does not depend on the order of the answers', () => {
    fc.assert(
      fc.property(caseArb, ({ set, a }) => {
        const reversed = Object.fromEntries(Object.entries(a.answers).reverse());
        expect(run(set, { ...a, answers: reversed })).toEqual(run(set, a));
      }),
      RUNS,
    );
  });
  it('is deterministic: the same input gives the same result, on a fresh copy of the set too', () => {
    fc.assert(
      fc.property(caseArb, ({ set, a }) => {
        expect(run(JSON.parse(JSON.stringify(set)), a)).toEqual(run(set, a));
      }),
      RUNS,
    );
  });
  it('never passes an incomplete assessment', () => {
    fc.assert(
      fc.property(caseArb, ({ set, a }) => {
        const r = run(set, a);
        if (r.unanswered.length) expect(r.decision).toBe('incomplete');
        if (r.decision === 'pass') expect(r.failedKnockouts).toEqual([]);
      }),
      RUNS,
    );
  });
});
