/**
 * Hostile-input generators shared by the import fuzz test (happy-dom) and the UI import fuzz (Chromium):
 * mutations of a valid document that set a value anywhere to something hostile (HTML and script, huge
 * strings, deep nesting, wrong types), delete fields, or add `__proto__`-style own keys, as JSON.parse
 * makes them from a file.
 */
import fc from 'fast-check';

export const HTML = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
];
export const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  'id',
  'kind',
);
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HTML, '__proto__', '\u0000\u202e\uFEFF', 'x'.repeat(300_000)),
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -0,
    0.5,
    Number.MAX_SAFE_INTEGER + 2,
    'met',
    'AAAA',
    '!!notbase64!!',
  ),
  fc.jsonValue({ maxDepth: 3 }),
  // Deep nesting is built inside mutate() from this marker, so a counterexample stays printable.
  fc.record({ deep: fc.integer({ min: 50, max: 3000 }), asArray: fc.boolean() }),
);
export const isDeep = (v: unknown): v is { deep: number; asArray: boolean } =>
  !!v && typeof v === 'object' && Object.keys(v).join() === 'deep,asArray';
export const expand = (v: unknown): unknown =>
  isDeep(v)
    ? JSON.parse(
        v.asArray ? '['.repeat(v.deep) + ']'.repeat(v.deep) : '{"a":'.repeat(v.deep) + '1' + '}'.repeat(v.deep),
      )
    : JSON.parse(JSON.stringify(v) ?? 'null');

export type Path = (string | number)[];
/** Places a mutation may hit (not inside an already deeply nested value: the file is deep enough). */
export function paths(x: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (prefix.length > 40) return out;
  if (Array.isArray(x)) x.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) paths(v, [...prefix, k], out);
  return out;
}

export type Mutation = { kind: 'set' | 'delete' | 'addKey'; pick: number; key: string; value: unknown };
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set' as const, 'delete' as const, 'addKey' as const),
  pick: fc.nat(),
  key: hostileKey,
  value: hostileValue,
});

/** Mutates a JSON copy; "__proto__" becomes an own key, as JSON.parse makes it from a file. */
export function mutate(doc: unknown, ms: Mutation[]): unknown {
  let copy: unknown = JSON.parse(JSON.stringify(doc));
  for (const m of ms) {
    const value = expand(m.value);
    const all = paths(copy);
    const path = all[m.pick % all.length]!;
    if (path.length === 0) {
      if (m.kind === 'set') copy = value;
      continue;
    }
    let parent = copy as Record<string | number, unknown>;
    for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (m.kind === 'set') parent[last] = value;
    else {
      const target = parent[last];
      if (target && typeof target === 'object' && !Array.isArray(target))
        Object.defineProperty(target, m.key, { value, enumerable: true, configurable: true, writable: true });
    }
  }
  return copy;
}
