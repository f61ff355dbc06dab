/**
 * Bad input, fuzzed: malformed and hostile criteria sets, assessments and bundles (wrong types, missing fields,
 * huge strings, deep nesting, prototype-pollution keys, HTML and script in every text field). Nothing may throw,
 * nothing invalid may be scored, and Object.prototype must stay clean. The number of cases run is printed.
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  score,
  validateAssessment,
  validateBundle,
  validateCriteriaSet,
  validateFacilityRegistry,
} from '../src/index.js';
import type { Assessment, CriteriaSet } from '../src/index.js';
import { validateResultSchema } from '../src/generated/validators.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const baseSet = JSON.parse(readFileSync(join(root, 'criteria', 'tt20-medical-waste.json'), 'utf8')) as CriteriaSet;
const baseAssessment = JSON.parse(
  readFileSync(join(root, 'examples', 'tt20-medical-waste', 'pass.assessment.json'), 'utf8'),
) as Assessment;
let cases = 0;

const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  '\u0000\u202e',
  'x'.repeat(100_000),
];
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '',
  ' ',
  'kind',
  'id',
  'schemaVersion',
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.1234567, -0, 'met', 'partial'),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 1, max: 200 }).map((d) => JSON.parse('['.repeat(d) + ']'.repeat(d))),
);

/** All paths to values inside a JSON document. */
function paths(x: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(x)) x.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) paths(v, [...prefix, k], out);
  return out;
}

type Mutation = { kind: 'set' | 'delete' | 'addKey'; pick: number; key: string; value: unknown };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set' as const, 'delete' as const, 'addKey' as const),
  pick: fc.nat(),
  key: hostileKey,
  value: hostileValue,
});

/** Applies mutations to a deep copy made with JSON.parse, so "__proto__" becomes an own key as in a real file. */
function mutate<T>(doc: T, ms: Mutation[]): unknown {
  const text = JSON.stringify(doc);
  let copy: unknown = JSON.parse(text);
  for (const m0 of ms) {
    // each mutation inserts its own copy (a shared object would make the document cyclic, unlike any file)
    const m = { ...m0, value: JSON.parse(JSON.stringify(m0.value)) as unknown };
    const all = paths(copy);
    const path = all[m.pick % all.length]!;
    if (path.length === 0) {
      if (m.kind === 'set') copy = m.value;
      continue;
    }
    let parent = copy as Record<string | number, unknown>;
    for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (m.kind === 'set') parent[last] = m.value;
    else {
      const target = parent[last];
      if (target && typeof target === 'object' && !Array.isArray(target)) {
        // an own property named e.g. "__proto__", as JSON.parse would make it
        Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
      }
    }
  }
  return copy;
}

function assertSane(r: ReturnType<typeof score>): void {
  if (!r.ok) {
    for (const e of r.errors) {
      expect(typeof e.pointer).toBe('string');
      expect(e.message.vi.length).toBeGreaterThan(0);
    }
    return;
  }
  expect(validateResultSchema(r.value)).toBe(true);
}

describe('fuzzed bad input', () => {
  it('criteria sets: validation never throws; a set it accepts scores without throwing', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (ms) => {
        cases++;
        const doc = mutate(baseSet, ms);
        const v = validateCriteriaSet(doc);
        if (v.ok)
          assertSane(score(v.value, { ...baseAssessment, criteriaSet: { id: v.value.id, version: v.value.version } }));
        else expect(score(doc as CriteriaSet, baseAssessment).ok).toBe(false); // nothing invalid is scored
      }),
      { numRuns: 400 },
    );
  });
  it('assessments: scoring never throws, and what it accepts is a valid result', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (ms) => {
        cases++;
        const doc = mutate(baseAssessment, ms) as Assessment;
        const v = validateAssessment(doc, baseSet);
        const r = score(baseSet, doc);
        expect(r.ok).toBe(v.ok);
        assertSane(r);
      }),
      { numRuns: 600 },
    );
  });
  it('answers with hostile keys and values are refused, not scored', () => {
    fc.assert(
      fc.property(hostileKey, hostileValue, (k, v) => {
        cases++;
        const answers = JSON.parse(`{${JSON.stringify(k)}: ${JSON.stringify({ value: v }) ?? 'null'}}`);
        const r = score(baseSet, { ...baseAssessment, answers });
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
  it('bundles and registries: validation never throws', () => {
    const bundle = {
      schemaVersion: 1,
      kind: 'bundle',
      createdAt: '2026-11-22T00:00:00Z',
      assessments: [baseAssessment],
      criteriaSets: [baseSet],
    };
    const registry = JSON.parse(readFileSync(join(root, 'examples', 'facilities.json'), 'utf8'));
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (ms) => {
        cases += 2;
        validateBundle(mutate(bundle, ms));
        validateFacilityRegistry(mutate(registry, ms));
      }),
      { numRuns: 300 },
    );
  });
  it('arbitrary JSON values of any shape are refused with a message', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (x) => {
        cases += 3;
        for (const f of [validateCriteriaSet, validateBundle, (d: unknown) => validateAssessment(d)]) {
          const r = f(x);
          if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('refuses extremely deep nesting (5,000 levels) anywhere without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(5000) + ']'.repeat(5000));
    const obj = JSON.parse('{"a":'.repeat(5000) + '1' + '}'.repeat(5000));
    for (const v of [deep, obj]) {
      cases += 4;
      expect(validateCriteriaSet({ ...baseSet, sections: v }).ok).toBe(false);
      expect(validateAssessment({ ...baseAssessment, answers: { x: { value: v } } }).ok).toBe(false);
      expect(score(baseSet, { ...baseAssessment, facility: v }).ok).toBe(false);
      expect(
        validateBundle({ schemaVersion: 1, kind: 'bundle', createdAt: '2026-11-22T00:00:00Z', assessments: v }).ok,
      ).toBe(false);
    }
  });
  it('leaves Object.prototype untouched', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).value).toBeUndefined();
  });
});

afterAll(() => {
  console.log(`fuzz: ${cases} hostile cases run against validation and scoring`);
});
