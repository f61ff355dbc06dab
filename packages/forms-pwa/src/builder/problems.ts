/**
 * Validation for the builder: core's own `validateCriteriaSet` (the same check the CLI runs), with each
 * problem filed under the JSON Pointer of the field it concerns, so the editor can show it at that field.
 */
import { validateCriteriaSet } from '@tieuchi/core';
import type { CriteriaSet, Problem } from '../core.js';
import { ptr, tokens, within } from './pointer.js';
import type { NodePath } from './tree.js';

/** Every problem core finds in the set (empty when it validates). */
export function checkSet(set: CriteriaSet): Problem[] {
  const r = validateCriteriaSet(set);
  return r.ok ? [] : r.errors;
}

/**
 * The pointer of the field a problem belongs to. A "required" problem points at the object that lacks the
 * field; core names the field in `params.field`, so it is filed under the missing field itself.
 */
export function fieldPointer(p: Problem): string {
  if (p.code === 'schema.required' && typeof p.params?.field === 'string') return ptr(p.pointer, p.params.field);
  // "points missing" is reported at the response; the author types them in its points field.
  if (p.code === 'set.points-missing' && p.pointer.endsWith('/response')) return ptr(p.pointer, 'points');
  return p.pointer;
}

/** Problems by field pointer. */
export type ProblemIndex = ReadonlyMap<string, readonly Problem[]>;

export function indexProblems(problems: readonly Problem[]): ProblemIndex {
  const out = new Map<string, Problem[]>();
  for (const p of problems) {
    const k = fieldPointer(p);
    const list = out.get(k);
    if (list) list.push(p);
    else out.set(k, [p]);
  }
  return out;
}

/** Problems at exactly this field. */
export const problemsAt = (index: ProblemIndex, pointer: string): readonly Problem[] => index.get(pointer) ?? [];

/** Problems at this pointer or anywhere below it (e.g. a whole item, or a response with its options). */
export function problemsUnder(index: ProblemIndex, pointer: string): Problem[] {
  const out: Problem[] = [];
  for (const [k, list] of index) if (within(k, pointer)) out.push(...list);
  return out;
}

/** The tree node a pointer lies in (the set itself: undefined). */
export function nodeOf(pointer: string): NodePath | undefined {
  const t = tokens(pointer);
  if (t[0] !== 'sections' || t[1] === undefined) return undefined;
  const s = Number(t[1]);
  if (t[2] !== 'criteria' || t[3] === undefined) return [s];
  const c = Number(t[3]);
  if (t[4] !== 'items' || t[5] === undefined) return [s, c];
  return [s, c, Number(t[5])];
}

/**
 * Names the place of a pointer for a person: "Phần 2 › Tiêu chí 1 › Chỉ tiêu 3 (i7) › text/vi".
 * Works on any parsed JSON (an import that failed validation too).
 */
export function describePlace(doc: unknown, pointer: string, lang: 'vi' | 'en'): string {
  const t = tokens(pointer);
  const names =
    lang === 'vi'
      ? { s: 'Phần', c: 'Tiêu chí', i: 'Chỉ tiêu', set: 'Bộ tiêu chí' }
      : { s: 'Section', c: 'Criterion', i: 'Item', set: 'Set' };
  const parts: string[] = [];
  let cur: unknown = doc;
  let i = 0;
  const idOf = (x: unknown) =>
    x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string'
      ? ` (${(x as { id: string }).id})`
      : '';
  const step = (label: string) => {
    const n = Number(t[i + 1]);
    cur = Array.isArray(cur) ? cur[n] : undefined;
    parts.push(`${label} ${Number.isInteger(n) ? n + 1 : t[i + 1]}${idOf(cur)}`);
    i += 2;
  };
  const field = (k: string) => {
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  };
  if (t[0] === 'sections' && t.length > 1) {
    field('sections');
    step(names.s);
    if (t[i] === 'criteria' && t.length > i + 1) {
      field('criteria');
      step(names.c);
      if (t[i] === 'items' && t.length > i + 1) {
        field('items');
        step(names.i);
      }
    }
  }
  const rest = t.slice(i).join('/');
  if (rest) parts.push(rest);
  return parts.length ? parts.join(' › ') : names.set;
}
