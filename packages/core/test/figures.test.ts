/**
 * Counting many results without their words (issue 20, CLI at council scale): `resultFigures` gives what reading
 * `sections` gives, without building the words of a fresh result, and aggregator states merged in order give what
 * one aggregator fed every result gives (the CLI aggregates in each worker and merges in argument order).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregate, createAggregator, resultFigures, score, validateCriteriaSet } from '../src/index.js';
import type { Assessment, CriteriaSet, ScoreResult, Scored } from '../src/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
const setOf = (id: string, version: string): CriteriaSet => {
  const later = join(root, 'criteria', `${id}@${version}.json`);
  const v = validateCriteriaSet(read(existsSync(later) ? later : join(root, 'criteria', `${id}.json`)));
  if (!v.ok) throw new Error(`set ${id}@${version}`);
  return v.value;
};
/** Every example assessment of every set, scored afresh (each call: a new result whose words are not built). */
const examples = (): Scored[] => {
  const out: Scored[] = [];
  for (const dir of readdirSync(join(root, 'examples'), { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(root, 'examples', dir.name)).filter((x) => x.endsWith('.assessment.json'))) {
      const a = read(join(root, 'examples', dir.name, f)) as Assessment;
      const set = setOf(a.criteriaSet.id, a.criteriaSet.version);
      const r = score(set, a);
      if (!r.ok) throw new Error(f);
      out.push({ set, assessment: a, result: r.value });
    }
  }
  return out;
};
/** The figures as read from the sections (what the aggregator read before). */
const fromSections = (r: ScoreResult) =>
  r.sections.flatMap((s) =>
    s.criteria.map((c) => ({
      id: c.id,
      applicable: c.score.applicable,
      ...(c.score.percent ? { percent: c.score.percent } : {}),
      items: c.items.map((i) => ({ id: i.id, status: i.status, ...(i.met === undefined ? {} : { met: i.met }) })),
    })),
  );

describe('resultFigures', () => {
  it('gives the figures of the sections without building the words of a fresh result', () => {
    const all = examples();
    expect(all.length).toBeGreaterThan(20);
    for (const s of all) {
      const figures = resultFigures(s.result);
      // still an accessor: the words (rules, reasons, sections) were not built
      expect(typeof Object.getOwnPropertyDescriptor(s.result, 'sections')?.get).toBe('function');
      expect(figures).toEqual(fromSections(s.result));
      // after the words are built, and on the JSON copy, the same figures
      expect(resultFigures(s.result)).toEqual(figures);
      expect(resultFigures(JSON.parse(JSON.stringify(s.result)) as ScoreResult)).toEqual(figures);
    }
  });
});

describe("a result's words", () => {
  it('reading the sections builds the tree, not the rules; the document is the same whichever is read first', () => {
    const sectionsFirst = examples();
    const rulesFirst = examples();
    for (const [k, s] of sectionsFirst.entries()) {
      expect(s.result.sections.length).toBeGreaterThan(0);
      // the rules and reasons are still accessors: their words (issue 20: not needed after each answer) not built
      expect(typeof Object.getOwnPropertyDescriptor(s.result, 'rules')?.get).toBe('function');
      expect(typeof Object.getOwnPropertyDescriptor(s.result, 'reasons')?.get).toBe('function');
      const other = rulesFirst[k]!.result;
      void other.rules;
      expect(Object.keys(s.result)).toEqual(Object.keys(other));
      expect(JSON.stringify(s.result)).toBe(JSON.stringify(other));
      expect(typeof Object.getOwnPropertyDescriptor(s.result, 'rules')?.get).toBe('undefined');
    }
  });
});

describe('aggregator states', () => {
  it('merged in order (through structuredClone) give what one aggregator gives, for every split', () => {
    const all = [...examples(), ...examples().reverse()].filter((s) => s.set.id === 'qd1300-commune-health');
    const one = aggregate(all);
    expect(one.count).toBeGreaterThan(10);
    for (let cut = 0; cut <= all.length; cut += 3)
      for (const cut2 of [cut, Math.min(all.length, cut + 5)]) {
        const parts = [all.slice(0, cut), all.slice(cut, cut2), all.slice(cut2)];
        const acc = createAggregator();
        for (const p of parts) {
          const part = createAggregator();
          for (const s of p) part.add(s);
          acc.merge(structuredClone(part.state()));
        }
        expect(acc.result()).toEqual(one);
      }
  });

  it('keeps the order in which criteria and items were first seen across the merged runs', () => {
    const all = examples();
    const one = aggregate(all); // several sets: criteria of later sets come after
    const acc = createAggregator();
    for (let i = 0; i < all.length; i += 4) {
      const part = createAggregator();
      for (const s of all.slice(i, i + 4)) part.add(s);
      acc.merge(part.state());
    }
    const r = acc.result();
    expect(r.criteria.map((c) => c.id)).toEqual(one.criteria.map((c) => c.id));
    expect(r.items.map((c) => c.id)).toEqual(one.items.map((c) => c.id));
    expect(r).toEqual(one);
  });
});
