/**
 * JSON Pointers (RFC 6901) into a criteria set, and immutable updates at a pointer. The builder addresses
 * every field by the same pointer core's validators report problems at, so an error lands on its field.
 */

/** Escapes one reference token. */
export const token = (s: string | number): string => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

/** Joins a base pointer and tokens: `ptr('/sections/0', 'title', 'vi')` is `/sections/0/title/vi`. */
export const ptr = (base: string, ...parts: (string | number)[]): string =>
  base + parts.map((p) => `/${token(p)}`).join('');

/** The tokens of a pointer (`''` is the whole document, no tokens). */
export function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`Not a JSON Pointer: "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a pointer, or undefined. */
export function getAt(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const t of tokens(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[t];
  }
  return cur;
}

/**
 * A copy of `doc` with the value at `pointer` replaced; `undefined` removes an object key (or an array entry).
 * Only the objects along the path are copied; the rest is shared. Missing objects on the way are created.
 */
export function setAt<T>(doc: T, pointer: string, value: unknown): T {
  const ts = tokens(pointer);
  if (ts.length === 0) return value as T;
  const rec = (node: unknown, i: number): unknown => {
    const t = ts[i]!;
    const isArr = Array.isArray(node);
    const copy: Record<string, unknown> | unknown[] = isArr
      ? [...(node as unknown[])]
      : { ...((node ?? {}) as Record<string, unknown>) };
    const key = isArr ? Number(t) : t;
    if (isArr && !Number.isInteger(key)) throw new Error(`Bad array index "${t}" in ${pointer}`);
    const bag = copy as Record<string | number, unknown>;
    if (i === ts.length - 1) {
      if (value === undefined) {
        if (isArr) (copy as unknown[]).splice(key as number, 1);
        else delete bag[key];
      } else bag[key] = value;
    } else bag[key] = rec(bag[key], i + 1);
    return copy;
  };
  return rec(doc, 0) as T;
}

/** Whether `pointer` is `base` or lies below it. */
export const within = (pointer: string, base: string): boolean => pointer === base || pointer.startsWith(`${base}/`);
