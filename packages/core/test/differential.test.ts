/**
 * The engine against the independent oracle (test/oracle/oracle.ts, written from docs/scoring.md): thousands
 * of seeded random valid cases per run, same seed and count every run. Any disagreement is a bug in the spec,
 * the oracle or the engine.
 */
import { describe, expect, it } from 'vitest';
import { score, toFractionString } from '../src/index.js';
import type { Exact, ScoreResult } from '../src/index.js';
import { oracleScore, str } from './oracle/oracle.js';
import { randomCase, rng } from './oracle/generate.js';

const SEED = 16_2026;
const COUNT = 2000;
const fr = (x: Exact | undefined) => (x === undefined ? undefined : toFractionString(x));

/** The comparable view of an engine result. */
function view(v: ScoreResult) {
  const criteria = v.sections.flatMap((s) => s.criteria);
  return {
    decision: v.decision,
    total: {
      applicable: v.total.applicable,
      points: fr(v.total.points),
      max: fr(v.total.max),
      percent: fr(v.total.percent),
    },
    sections: v.sections.map((s) => ({
      id: s.id,
      applicable: s.score.applicable,
      points: fr(s.score.points),
      max: fr(s.score.max),
      percent: fr(s.score.percent),
    })),
    criteria: criteria.map((c) => ({
      id: c.id,
      applicable: c.score.applicable,
      points: fr(c.score.points),
      max: fr(c.score.max),
      percent: fr(c.score.percent),
      level: c.level,
    })),
    meanLevel: fr(v.meanLevel),
    levelSum: v.levelSum,
    failedRules: v.rules.filter((r) => r.status === 'failed').map((r) => r.kind),
    failedKnockouts: v.failedKnockouts,
    open: [...v.unanswered, ...v.unassessed].sort(),
    rating: v.rating?.id,
  };
}

describe('differential: score() against the independent oracle', () => {
  it(`agrees on ${COUNT} seeded random valid cases (decision, exact totals, sections, criteria, levels)`, () => {
    const r = rng(SEED);
    const decisions: Record<string, number> = {};
    let disagreements = 0;
    const examples: unknown[] = [];
    for (let i = 0; i < COUNT; i++) {
      const { set, assessment } = randomCase(r, i % 4 === 3);
      // score() validates the set and the assessment against it: a refusal means the generator made an invalid case
      const got = score(set, assessment);
      if (!got.ok) throw new Error(`score refused a valid case ${i}: ${JSON.stringify(got.errors.slice(0, 3))}`);
      const o = oracleScore(set, assessment);
      const want = {
        decision: o.decision,
        total: {
          applicable: o.total.applicable,
          points: str(o.total.points),
          max: str(o.total.max),
          percent: str(o.total.percent),
        },
        sections: o.sections.map((s) => ({
          id: s.id,
          applicable: s.applicable,
          points: str(s.points),
          max: str(s.max),
          percent: str(s.percent),
        })),
        criteria: o.criteria.map((c) => ({
          id: c.id,
          applicable: c.applicable,
          points: str(c.points),
          max: str(c.max),
          percent: str(c.percent),
          level: c.level,
        })),
        meanLevel: str(o.meanLevel),
        levelSum: o.levelSum,
        failedRules: o.failedRules,
        failedKnockouts: o.failedKnockouts,
        open: [...o.unanswered].sort(),
        rating: o.rating,
      };
      const mine = view(got.value);
      decisions[mine.decision] = (decisions[mine.decision] ?? 0) + 1;
      if (JSON.stringify(mine) !== JSON.stringify(want)) {
        disagreements++;
        if (examples.length < 2) examples.push({ case: i, mine, want });
      }
    }
    expect(examples).toEqual([]);
    expect(disagreements).toBe(0);
    // the workload reaches every decision, so agreement is not agreement on one easy outcome
    for (const d of ['pass', 'fail', 'incomplete', 'none']) expect(decisions[d] ?? 0).toBeGreaterThan(50);
  });
});
