/**
 * Data-driven tests over the repository's data, as ajv runs the JSON-Schema-Test-Suite: every criteria set in
 * criteria/ validates, every example assessment in examples/ validates against its set and scores to the
 * hand-computed expectation stored beside it.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  parseFraction,
  score,
  toFractionString,
  validateAssessment,
  validateCriteriaSet,
  validateFacilityRegistry,
  validateResultShape,
} from './data-helpers.js';
import type { CriteriaSet, Exact, ScoreResult } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const read = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
const setFiles = readdirSync(join(root, 'criteria')).filter((f) => f.endsWith('.json'));
const sets = new Map<string, CriteriaSet>();

describe('criteria/', () => {
  it('holds the built-in sets', () => {
    expect(setFiles.length).toBeGreaterThanOrEqual(4);
  });
  for (const file of setFiles) {
    it(`${file} validates (schema and semantics)`, () => {
      const r = validateCriteriaSet(read(join(root, 'criteria', file)));
      if (!r.ok) throw new Error(r.errors.map((e) => `${e.pointer}: ${e.message.en}`).join('\n'));
      // The first published version is `<id>.json`; later versions sit beside it as `<id>@<version>.json`, so a
      // locked assessment of an older version still finds its set unchanged (decision 0014).
      expect([`${r.value.id}.json`, `${r.value.id}@${r.value.version}.json`]).toContain(file);
      sets.set(`${r.value.id}@${r.value.version}`, r.value);
    });
  }
});

describe('examples/facilities.json', () => {
  it('validates as a facility registry with unique ids', () => {
    const r = validateFacilityRegistry(read(join(root, 'examples', 'facilities.json')));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const ids = r.value.facilities.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

interface Expected {
  decision: ScoreResult['decision'];
  total?: { points: string; max: string };
  percent?: string;
  meanLevel?: string;
  rating?: string;
  failedRules?: string[];
  failedKnockouts?: string[];
  notApplicable?: string[];
  unanswered?: string[];
  criteria?: Record<string, { points?: string; max?: string; level?: number }>;
}

/** The file of set `id`@`version`: `<id>@<version>.json` for a later version, else the first one, `<id>.json`. */
function setFileOf(id: string, version: string): string {
  const later = join(root, 'criteria', `${id}@${version}.json`);
  return existsSync(later) ? later : join(root, 'criteria', `${id}.json`);
}

const exampleDirs = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('examples/ score to their hand-computed expectations', () => {
  for (const dir of exampleDirs) {
    const cases = readdirSync(join(root, 'examples', dir)).filter((f) => f.endsWith('.assessment.json'));
    describe(dir, () => {
      it('has at least three cases', () => expect(cases.length).toBeGreaterThanOrEqual(3));
      for (const file of cases) {
        const base = file.replace(/\.assessment\.json$/, '');
        it(base, () => {
          const doc = read(join(root, 'examples', dir, file)) as { criteriaSet: { id: string; version: string } };
          const setPath = setFileOf(doc.criteriaSet.id, doc.criteriaSet.version);
          expect(existsSync(setPath), `set file for ${doc.criteriaSet.id}@${doc.criteriaSet.version}`).toBe(true);
          const set = validateCriteriaSet(read(setPath));
          if (!set.ok) throw new Error('set invalid');
          const a = validateAssessment(doc, set.value);
          if (!a.ok) throw new Error(a.errors.map((e) => `${e.pointer}: ${e.message.en}`).join('\n'));
          const r = score(set.value, a.value);
          if (!r.ok) throw new Error(JSON.stringify(r.errors));
          const got = r.value;
          expect(validateResultShape(got)).toBe(true);
          const exp = read(join(root, 'examples', dir, `${base}.expected.json`)) as Expected;
          expect(got.decision).toBe(exp.decision);
          const fr = (x: Exact | undefined) => (x ? toFractionString(x) : undefined);
          const norm = (s: string) => toFractionString(parseFraction(s));
          if (exp.total)
            expect({ points: fr(got.total.points), max: fr(got.total.max) }).toEqual({
              points: norm(exp.total.points),
              max: norm(exp.total.max),
            });
          if (exp.percent !== undefined) expect(fr(got.total.percent)).toBe(norm(exp.percent));
          if (exp.meanLevel !== undefined) expect(fr(got.meanLevel)).toBe(norm(exp.meanLevel));
          if (exp.rating !== undefined) expect(got.rating?.id).toBe(exp.rating);
          if (exp.failedRules)
            expect(got.rules.filter((x) => x.status === 'failed').map((x) => x.kind)).toEqual(exp.failedRules);
          if (exp.failedKnockouts) expect([...got.failedKnockouts].sort()).toEqual([...exp.failedKnockouts].sort());
          if (exp.notApplicable) expect([...got.notApplicable].sort()).toEqual([...exp.notApplicable].sort());
          if (exp.unanswered) expect([...got.unanswered].sort()).toEqual([...exp.unanswered].sort());
          for (const [id, c] of Object.entries(exp.criteria ?? {})) {
            const cr = got.sections.flatMap((s) => s.criteria).find((x) => x.id === id);
            expect(cr, `criterion ${id}`).toBeDefined();
            if (c.points !== undefined) expect(fr(cr!.score.points), `${id} points`).toBe(norm(c.points));
            if (c.max !== undefined) expect(fr(cr!.score.max), `${id} max`).toBe(norm(c.max));
            if (c.level !== undefined) expect(cr!.level, `${id} level`).toBe(c.level);
          }
        });
      }
    });
  }
});

describe.each(setFiles.filter((f) => f.startsWith('qd1300-commune-health')))(
  'verified facts of the national commune health criteria (1300/QĐ-BYT): %s',
  (file) => {
    const path = join(root, 'criteria', file);
    const set = read(path) as CriteriaSet;
    const criteria = set.sections.flatMap((s) => s.criteria);
    const maxOf = (c: (typeof criteria)[number]) =>
      c.items.reduce(
        (t, it) =>
          t +
          (it.response.kind === 'binary' || it.response.kind === 'graded' || it.response.kind === 'count'
            ? (it.response.points ?? 0)
            : it.response.kind === 'choice'
              ? Math.max(...it.response.options.map((o) => o.points))
              : Math.max(...it.response.bands.map((b) => b.points))),
        0,
      );

    it('has 10 criteria whose items add up to 14, 10, 12, 9, 19, 12, 6, 11, 3, 4 points (100 in all)', () => {
      expect(criteria.map((c) => maxOf(c))).toEqual([14, 10, 12, 9, 19, 12, 6, 11, 3, 4]);
      expect(criteria.map((c) => c.maxPoints)).toEqual([14, 10, 12, 9, 19, 12, 6, 11, 3, 4]);
      expect(set.scoring.maxPoints).toBe(100);
    });
    it('has 47 indicators', () => {
      expect(criteria.reduce((n, c) => n + c.items.length, 0)).toBe(47);
    });
    it('passes at >= 80 % in total, every criterion >= 50 %, and no failed knockout', () => {
      expect(set.scoring.passRules).toEqual([
        expect.objectContaining({ kind: 'total-percent-at-least', percent: 80 }),
        expect.objectContaining({ kind: 'each-criterion-percent-at-least', percent: 50 }),
        expect.objectContaining({ kind: 'no-failed-knockout' }),
      ]);
    });
  },
);
