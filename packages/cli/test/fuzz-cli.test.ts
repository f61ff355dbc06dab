/**
 * Hostile files fed to the CLI through `main()`: mutated criteria sets, assessments, registries and bundles
 * (wrong types, missing fields, huge strings, deep nesting, `__proto__` keys, HTML and script in text,
 * malformed JSON) to every command that reads them. The CLI must answer with exit 0 (the file was still
 * valid) or 1 with one line per problem, each naming the file — never exit 3 (internal error), never a
 * stack trace. The number of cases run is printed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'tieuchi-fuzz-cli-'));
const setFile = join(root, 'criteria', 'tt20-medical-waste.json');
const set = JSON.parse(readFileSync(setFile, 'utf8')) as Record<string, unknown>;
const passFile = join(root, 'examples', 'tt20-medical-waste', 'pass.assessment.json');
const pass = JSON.parse(readFileSync(passFile, 'utf8')) as Record<string, unknown>;
const registry = JSON.parse(readFileSync(join(root, 'examples', 'facilities.json'), 'utf8')) as unknown;
const bundle = {
  schemaVersion: 1,
  kind: 'bundle',
  createdAt: '2026-11-22T00:00:00Z',
  assessments: [pass],
  criteriaSets: [set],
};

let cases = 0;
let n = 0;
const codes = new Map<number, number>();
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  console.log(
    `CLI fuzz: ${cases} hostile files run through main() (exit codes: ${[...codes].map(([c, k]) => `${c}: ${k}`).join(', ')})`,
  );
});

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '__proto__',
  'a\nb\r\nc',
  '\u0000\u202e',
  '%s%n',
  'x'.repeat(200_000),
];
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.constantFrom(null, true, 0, -1, 1e308, 0.5, Number.MAX_SAFE_INTEGER + 2, 'met', [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ deep: fc.integer({ min: 50, max: 3000 }), asArray: fc.boolean() }),
);
const expand = (v: unknown): unknown => {
  const d = v as { deep?: number; asArray?: boolean };
  if (v && typeof v === 'object' && Object.keys(v).join() === 'deep,asArray')
    return JSON.parse(
      d.asArray ? '['.repeat(d.deep!) + ']'.repeat(d.deep!) : '{"a":'.repeat(d.deep!) + '1' + '}'.repeat(d.deep!),
    );
  return JSON.parse(JSON.stringify(v) ?? 'null');
};
type Mutation = { kind: 'set' | 'delete' | 'addKey'; pick: number; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set' as const, 'delete' as const, 'addKey' as const),
  pick: fc.nat(),
  key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', 'kind', 'id'),
  value,
});

type Path = (string | number)[];
function paths(x: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (prefix.length > 40) return out;
  if (Array.isArray(x)) x.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) paths(v, [...prefix, k], out);
  return out;
}

/** A JSON copy with the mutations applied ("__proto__" as an own key, as JSON.parse makes it). */
function mutate(doc: unknown, ms: Mutation[]): unknown {
  let copy: unknown = JSON.parse(JSON.stringify(doc));
  for (const m of ms) {
    const v = expand(m.value);
    const all = paths(copy);
    const path = all[m.pick % all.length]!;
    if (!path.length) {
      if (m.kind === 'set') copy = v;
      continue;
    }
    let parent = copy as Record<string | number, unknown>;
    for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (m.kind === 'set') parent[last] = v;
    else if (parent[last] && typeof parent[last] === 'object' && !Array.isArray(parent[last]))
      Object.defineProperty(parent[last], m.key, { value: v, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

const write = (text: string): string => {
  const p = join(tmp, `f${n++}.json`);
  writeFileSync(p, text);
  return p;
};

/** Runs the CLI and checks the contract: 0, or 1 with one line per problem naming a file; no stack. */
async function runChecked(argv: string[], files: string[]): Promise<number> {
  cases++;
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: root });
  codes.set(code, (codes.get(code) ?? 0) + 1);
  const context = `tieuchi ${argv.join(' ').slice(0, 200)}\n${err.slice(0, 2000)}`;
  expect(code, context).not.toBe(3);
  expect([0, 1], context).toContain(code);
  expect(err, context).not.toMatch(/internal error|\n\s+at .+[:(]\d+|Error:\s*$/m);
  if (code === 1) {
    expect(err.trim().length, context).toBeGreaterThan(0);
    const lines = err.trimEnd().split('\n');
    for (const line of lines)
      expect(
        files.some((f) => line.startsWith(`${f}:`) || line.startsWith(`tieuchi: ${f}:`)) || /^tieuchi: /.test(line),
        context,
      ).toBe(true);
  }
  expect(Object.keys(Object.prototype)).toEqual([]);
  return code;
}

describe('CLI on hostile files', { timeout: 120_000 }, () => {
  it('validate and score: mutated sets, assessments, registries and bundles', async () => {
    const docs = { set, pass, registry, bundle };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(docs) as (keyof typeof docs)[])),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('vi', 'en'),
        async (which, ms, lang) => {
          const f = write(JSON.stringify(mutate(docs[which], ms)));
          await runChecked(['validate', f, '--lang', lang], [f]);
          if (which === 'pass') {
            await runChecked(['score', f, '--lang', lang], [f]);
            await runChecked(['score', f, '--set', setFile, '--json'], [f, setFile]);
          }
          if (which === 'set') await runChecked(['score', passFile, '--set', f], [f, passFile]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('compare, reconcile, rank and aggregate with one hostile assessment among good ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('compare', 'reconcile', 'rank', 'aggregate'),
        fc.boolean(),
        async (ms, cmd, json) => {
          const f = write(JSON.stringify(mutate(pass, ms)));
          await runChecked([cmd, passFile, f, ...(json ? ['--json'] : ['--csv'])], [f, passFile]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('malformed JSON, empty files and raw bytes', async () => {
    const full = JSON.stringify(pass);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.nat({ max: full.length - 1 }).map((k) => full.slice(0, k)),
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
          fc.constantFrom(
            '',
            '\uFEFF',
            'null',
            '[]'.repeat(5000),
            '{"kind":"assessment","__proto__":{"status":"locked"}}',
            '{"kind":{"toString":1}}',
          ),
        ),
        fc.constantFrom('validate', 'score'),
        async (text, cmd) => {
          const f = write(text);
          await runChecked([cmd, f], [f]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('report: a hostile assessment or set never crashes the PDF path', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (ms, blank) => {
        const f = write(JSON.stringify(mutate(blank ? set : pass, ms)));
        const out = join(tmp, `r${n}.pdf`);
        await runChecked(blank ? ['report', '--blank', '--set', f, '--out', out] : ['report', f, '--out', out], [
          f,
          out,
        ]);
      }),
      { numRuns: 12 },
    );
  });
});
