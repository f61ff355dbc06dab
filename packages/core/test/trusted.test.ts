/**
 * `src/trusted.ts` (issue 20, ADR 0017): the validator-free part of the API the app's start-up path uses, and
 * `scoreTrusted`, which scores verified documents without the schema validators but with every other check.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as trusted from '../src/trusted.js';
import type { Assessment, CriteriaSet } from '../src/index.js';
import { assess, binary, graded, oneSection } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, '..', 'src');
const root = join(here, '..', '..', '..');
const read = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));

/**
 * The relative modules `file` loads when it runs (type-only imports left out), each with the module that first
 * imported it: the same graph a bundler puts on the start-up path.
 */
function runtimeImports(file: string): Map<string, string | undefined> {
  const seen = new Map<string, string | undefined>([[file, undefined]]);
  const queue = [file];
  const re = /^(?:import|export)\s+(type\s+)?(?:([^;]*?)\s+from\s+)?'(\.[^']+)'/gms;
  while (queue.length) {
    const f = queue.shift()!;
    for (const m of readFileSync(f, 'utf8').matchAll(re)) {
      if (m[1]) continue;
      const braces = /^\{([^}]*)\}$/.exec((m[2] ?? '').trim());
      const names =
        braces?.[1]
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean) ?? [];
      if (braces && names.every((n) => n.startsWith('type '))) continue;
      let p = resolve(dirname(f), m[3]!);
      if (!existsSync(p)) p = p.replace(/\.js$/, '.ts');
      if (!seen.has(p)) {
        seen.set(p, f);
        queue.push(p);
      }
    }
  }
  return seen;
}

describe('core/trusted: the validator-free API', () => {
  it('never loads the generated validators, validation or verification, however deep', () => {
    const graph = runtimeImports(join(src, 'trusted.ts'));
    expect(graph.size).toBeGreaterThan(10); // the walk did follow imports
    const banned = ['generated/validators.js', 'validate.ts', 'validate-set.ts', 'verify.ts', 'score-checked.ts'];
    const chains = [...graph.keys()]
      .filter((p) => banned.some((b) => p.endsWith(b)))
      .map((p) => {
        const chain: string[] = [];
        for (let x: string | undefined = p; x; x = graph.get(x)) chain.unshift(x.slice(src.length + 1));
        return chain.join(' -> ');
      });
    expect(chains).toEqual([]);
  });

  it('trusted scoring does not load the hashing code (SHA-256, canonical JSON): the app loads it when needed', () => {
    const graph = runtimeImports(join(src, 'score.ts'));
    expect(graph.size).toBeGreaterThan(10);
    expect([...graph.keys()].filter((p) => p.endsWith('/hash.ts') || p.endsWith('/pin.ts'))).toEqual([]);
    // …while the validating scorer does (so the check above can fail).
    expect([...runtimeImports(join(src, 'score-checked.ts')).keys()].some((p) => p.endsWith('/hash.ts'))).toBe(true);
  });

  it('the walk finds the validators behind the validating scorer (so the check above can fail)', () => {
    const graph = runtimeImports(join(src, 'score-checked.ts'));
    expect([...graph.keys()].some((p) => p.endsWith('generated/validators.js'))).toBe(true);
  });

  it('exports the very functions index.ts exports (one implementation)', () => {
    const names = Object.keys(trusted);
    expect(names.length).toBeGreaterThan(20);
    for (const n of names) expect(trusted[n as keyof typeof trusted], n).toBe(api[n as keyof typeof api]);
  });
});

describe('scoreTrusted', () => {
  const setFile = (id: string, version: string): string => {
    const later = join(root, 'criteria', `${id}@${version}.json`);
    return existsSync(later) ? later : join(root, 'criteria', `${id}.json`);
  };

  it('gives the same result as score() on every shipped example', () => {
    let n = 0;
    for (const dir of readdirSync(join(root, 'examples'), { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const f of readdirSync(join(root, 'examples', dir.name)).filter((x) => x.endsWith('.assessment.json'))) {
        const a = read(join(root, 'examples', dir.name, f)) as Assessment;
        const set = read(setFile(a.criteriaSet.id, a.criteriaSet.version)) as CriteriaSet;
        const checked = api.score(set, a);
        expect(checked.ok, f).toBe(true);
        expect(JSON.parse(JSON.stringify(trusted.scoreTrusted(set, a))), f).toEqual(
          JSON.parse(JSON.stringify(checked)),
        );
        n++;
      }
    }
    expect(n).toBeGreaterThan(10);
  });

  // Hand-computed: i1 met (1 of 1), i2 not met (0 of 2), i3 partial (1 of 2): 2 of 5 points = 40 %.
  const set = oneSection([{ id: 'c1', items: [binary('i1', 1), binary('i2', 2), graded('i3', 2, 1)] }]);

  it('scores a valid draft exactly (2 of 5 points, 40 %)', () => {
    const r = trusted.scoreTrusted(set, assess(set, { i1: 'met', i2: 'not-met', i3: 'partial' }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.total.display).toEqual({ points: '2', max: '5', percent: '40.0' });
  });

  it('refuses an answer the set does not allow with the problems score() gives', () => {
    const a = assess(set, { i1: 'maybe', i2: 'met', nope: 'met' });
    const t = trusted.scoreTrusted(set, a);
    const s = api.score(set, a);
    expect(t.ok).toBe(false);
    expect(s.ok).toBe(false);
    if (t.ok || s.ok) return;
    expect(t.errors.map((e) => [e.code, e.pointer]).sort()).toEqual(s.errors.map((e) => [e.code, e.pointer]).sort());
  });

  it('refuses another set version and a locked assessment scored with a set whose content changed', () => {
    expect(trusted.scoreTrusted({ ...set, version: '2' }, assess(set, {})).ok).toBe(false);
    const locked = api.lockAssessment(assess(set, all3(set)), set, '2026-12-01T00:00:00Z');
    expect(trusted.scoreTrusted(set, locked).ok).toBe(true);
    const changed = { ...set, title: { vi: 'Bộ thử đã sửa' } };
    const r = trusted.scoreTrusted(changed, locked);
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['verify.set-pin-mismatch']);
  });
});

const all3 = (set: CriteriaSet): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const s of set.sections) for (const c of s.criteria) for (const it of c.items) out[it.id] = 'met';
  return out;
};
