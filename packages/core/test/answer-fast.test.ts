/**
 * The scorer's fast answer check must never accept what the full validation refuses: thousands of seeded random
 * answers, valid and broken in every way the schema or the set can refuse, against `validateAssessment`.
 */
import { describe, expect, it } from 'vitest';
import { score, validateAssessment } from '../src/index.js';
import { answersCertainlyValid } from '../src/answer-fast.js';
import { prepareSet } from '../src/prepare.js';
import { assess, binary, graded, oneSection } from './helpers.js';
import { rng } from './oracle/generate.js';

const set = oneSection([
  {
    id: 'c',
    items: [
      binary('b', 1, { naAllowed: true }),
      graded('g', 2, 1),
      {
        ...binary('n', 0),
        response: {
          kind: 'numeric',
          min: 0,
          max: 10,
          bands: [
            { min: 0, points: 0 },
            { min: 5, points: 1 },
          ],
        },
      },
      { ...binary('k', 0), response: { kind: 'count', target: 4, points: 2 } },
    ],
  },
]);
const compiled = (() => {
  const p = prepareSet(set);
  if (!p.ok) throw new Error('set');
  return p.value;
})();

const VALUES: unknown[] = [
  'met',
  'not-met',
  'partial',
  'x',
  '',
  3,
  7,
  -1,
  11,
  5.5,
  4,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  null,
  [],
  {},
];
const FIELDS: [string, unknown[]][] = [
  ['value', VALUES],
  ['na', [true, false, 'true', 1]],
  ['unassessed', ['no access', '', 'x'.repeat(4000), 'x'.repeat(4001), 5]],
  ['note', ['ghi chú', 'x'.repeat(20001), null]],
  ['by', ['Lan', 'x'.repeat(501), 3]],
  ['at', ['2026-12-01T10:00:00Z', 'yesterday']],
  ['evidence', [['a'.repeat(64)], ['nothash']]],
  ['valeu', ['met']],
];

describe('the fast answer check', () => {
  it('accepts only what full validation accepts (4,000 seeded random answer sets)', () => {
    const r = rng(4242);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      const answers: Record<string, unknown> = {};
      for (const id of ['b', 'g', 'n', 'k', 'zz']) {
        if (r() < 0.3 || (id === 'zz' && r() < 0.9)) continue;
        const a: Record<string, unknown> = {};
        for (const [k, vals] of FIELDS) if (r() < (k === 'value' ? 0.8 : 0.12)) a[k] = pick(vals);
        answers[id] = r() < 0.02 ? pick([null, 'met', [a]]) : a;
      }
      const doc = { ...assess(set, {}), answers };
      const fast = answersCertainlyValid(compiled, answers);
      const full = validateAssessment(doc, set).ok;
      if (fast) {
        accepted++;
        expect(full).toBe(true);
      }
      // and score() says the same as validation either way
      expect(score(set, doc as never).ok).toBe(full);
    }
    expect(accepted).toBeGreaterThan(80); // the fast path is taken, not just skipped
  });
});

describe('the one-pass scoring (validated while scored)', () => {
  it('refuses an answer naming no item even when every other answer is fine', () => {
    const r = score(set, assess(set, { b: 'met', g: 'partial', zz: 'met' }));
    expect(!r.ok && r.errors.map((p) => `${p.code} ${p.pointer}`)).toEqual(['answer.unknown-item /answers/zz']);
  });

  it('reads only own enumerable answers, as validation does (a hidden property is no answer)', () => {
    const answers: Record<string, unknown> = { b: { value: 'met' } };
    Object.defineProperty(answers, 'g', { value: { value: 'met' }, enumerable: false });
    const r = score(set, { ...assess(set, {}), answers } as never);
    expect(r.ok && [r.value.unanswered, r.value.total.points]).toEqual([['g', 'n', 'k'], { num: 1, den: 1 }]);
    const items = r.ok ? r.value.sections[0]!.criteria[0]!.items : [];
    expect(items.map((i) => i.status)).toEqual(['answered', 'unanswered', 'unanswered', 'unanswered']);
  });

  it('never takes an inherited property for an answer', () => {
    const answers = Object.assign(Object.create({ g: { value: 'met' } }), { b: { value: 'met' } });
    const r = score(set, { ...assess(set, {}), answers });
    expect(r.ok && [r.value.unanswered, r.value.total.points]).toEqual([['g', 'n', 'k'], { num: 1, den: 1 }]);
  });
});
