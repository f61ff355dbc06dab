/**
 * Valid input never throws: seeded random valid sets and assessments, drawn towards the extremes (weights and
 * points up to 10^6 with 4 decimals, criteria of prime sizes under mean of percentages), each scored; every
 * result must be a score (not a refusal, not an exception) and plain JSON whose exact values keep the
 * documented form: a safe integer, or a string of digits beyond that.
 */
import { describe, expect, it } from 'vitest';
import { score } from '../src/index.js';
import { validateResultSchema } from '../src/generated/validators.js';
import { randomCase, rng } from './oracle/generate.js';

const SEED = 20261201;
const COUNT = 2000;

/** Every {num, den} in a parsed result, checked against the documented form. */
function badExacts(x: unknown, path = '', out: string[] = []): string[] {
  if (Array.isArray(x)) x.forEach((v, i) => badExacts(v, `${path}/${i}`, out));
  else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if ('num' in o && 'den' in o) {
      const ok = (v: unknown, den: boolean) =>
        typeof v === 'number'
          ? Number.isSafeInteger(v) && (!den || v >= 1)
          : typeof v === 'string' &&
            (den ? /^[1-9]\d{15,}$/ : /^-?[1-9]\d{15,}$/).test(v) &&
            !Number.isSafeInteger(Number(v));
      if (!ok(o.num, false) || !ok(o.den, true)) out.push(`${path}: ${JSON.stringify(o)}`);
    } else for (const [k, v] of Object.entries(o)) badExacts(v, `${path}/${k}`, out);
  }
  return out;
}

describe('score() never throws on valid input', () => {
  it(`scores ${COUNT} seeded random valid cases drawn towards the extremes`, () => {
    const r = rng(SEED);
    let big = 0;
    for (let i = 0; i < COUNT; i++) {
      const { set, assessment } = randomCase(r, true);
      let out: ReturnType<typeof score>;
      try {
        out = score(set, assessment);
      } catch (e) {
        throw new Error(`case ${i} threw: ${(e as Error).message}\n${JSON.stringify({ set, assessment })}`);
      }
      if (!out.ok) throw new Error(`case ${i} refused: ${JSON.stringify(out.errors.slice(0, 2))}`);
      // The verdict is decided from the rules' statuses before any words are built (issue 16 §4); the rule
      // outcomes built later, with their words, must say the same.
      const v = out.value;
      if (v.complete && v.total.applicable && v.rules.length)
        expect(v.decision).toBe(v.rules.some((o) => o.status === 'failed') ? 'fail' : 'pass');
      const text = JSON.stringify(out.value);
      if (text.includes('":"-') || /"(num|den)":"/.test(text)) big++;
      const parsed = JSON.parse(text);
      expect(badExacts(parsed)).toEqual([]);
      // and every 10th result is a valid result document by its JSON Schema (digit strings included)
      if (i % 10 === 0 && !validateResultSchema(parsed))
        throw new Error(`case ${i}: ${JSON.stringify(validateResultSchema.errors?.slice(0, 2))}`);
    }
    // the extremes are reached: a good share of results carry values beyond a JSON number
    expect(big).toBeGreaterThan(COUNT / 10);
  });
});
