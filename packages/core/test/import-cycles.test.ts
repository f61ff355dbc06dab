/**
 * Core's modules import each other without a cycle (issue 18): a cycle makes the load order decide which module
 * sees the other half-initialised, and hides which piece is the lower layer. Walks every relative import and
 * re-export in src/ (type-only ones too: a type cycle is a layering cycle all the same) and fails naming each
 * cycle. The generated files are included; the walk reads the text, so it needs no build.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** The relative modules `file` imports or re-exports (`./x.js` → the `./x.ts` beside it). */
function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  const re = /^\s*(?:import|export)\b[^;'"]*?(?:from\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) out.push(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
  return out;
}

/** Every cycle of the graph, each once, as a list of files starting at its first file in sorted order. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') {
        const cycle = stack.slice(stack.indexOf(m));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(canonical.join(' → '), canonical);
      } else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return [...cycles.values()];
}

describe("core's imports", () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(cyclesOf(g)).toEqual([['a', 'b', 'c']]);
    expect(importsOf('/x/src/a.ts', "import type { T } from './b.js';\nexport { c } from '../c.js';\n")).toEqual([
      '/x/src/b.ts',
      '/x/c.ts',
    ]);
  });

  it('form no cycle in src/', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(30);
    const graph = new Map(files.map((f) => [f, importsOf(f, readFileSync(f, 'utf8'))]));
    const named = cyclesOf(graph).map((c) => [...c, c[0]!].map((f) => relative(SRC, f)).join(' → '));
    expect(named).toEqual([]);
  });
});
