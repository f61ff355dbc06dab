/**
 * Pure tree operations on a criteria set being authored: add, remove, move and duplicate sections,
 * criteria and items. Every operation returns a new set (the input is not changed) and keeps ids unique
 * across the whole set, as core's validation requires.
 */
import type { CriteriaSet, CriteriaSetCriterion, CriteriaSetItem, CriteriaSetSection } from '../core.js';
import { ptr } from './pointer.js';

/** Where a node sits: section index, then criterion index, then item index. */
export type NodePath = readonly [number] | readonly [number, number] | readonly [number, number, number];
export type NodeLevel = 'section' | 'criterion' | 'item';

export const levelOf = (p: NodePath): NodeLevel => (p.length === 1 ? 'section' : p.length === 2 ? 'criterion' : 'item');

/** The JSON Pointer of a node: `/sections/0/criteria/1/items/2`. */
export function nodePointer(p: NodePath): string {
  let out = ptr('', 'sections', p[0]);
  if (p.length > 1) out = ptr(out, 'criteria', p[1]!);
  if (p.length > 2) out = ptr(out, 'items', p[2]!);
  return out;
}

/** Every id used by a section, criterion or item of the set. */
export function allIds(set: CriteriaSet): Set<string> {
  const ids = new Set<string>();
  for (const s of set.sections) {
    ids.add(s.id);
    for (const c of s.criteria) {
      ids.add(c.id);
      for (const it of c.items) ids.add(it.id);
    }
  }
  return ids;
}

/** `base`, or `base-2`, `base-3`…: the first not in `taken`. */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The first of `${prefix}1`, `${prefix}2`… not in `taken`. */
function numbered(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

const clone = <T>(x: T): T => structuredClone(x);

/** A new, empty item (binary, 1 point): text left blank for the author; validation asks for it. */
export function blankItem(id: string): CriteriaSetItem {
  return { id, text: { vi: '' }, response: { kind: 'binary', points: 1 }, provenance: { wording: 'unverified' } };
}

export function blankCriterion(id: string, itemId: string): CriteriaSetCriterion {
  return { id, title: { vi: '' }, items: [blankItem(itemId)] };
}

export function blankSection(id: string, criterionId: string, itemId: string): CriteriaSetSection {
  return { id, title: { vi: '' }, criteria: [blankCriterion(criterionId, itemId)] };
}

/** A new set with one section, one criterion and one item, ready to fill in. */
export function blankSet(id: string): CriteriaSet {
  return {
    schemaVersion: 1,
    kind: 'criteria-set',
    id,
    version: '1',
    title: { vi: '' },
    source: { documents: [{ number: '', role: 'basis' }] },
    applicability: { facilityKinds: ['commune-station'] },
    wording: 'paraphrase',
    scoring: { model: 'points', aggregation: 'sum', passRules: [] },
    sections: [blankSection('s1', 'c1', 'i1')],
  };
}

/** Result of an operation: the new set and the path of the node it made or moved (for focus). */
export interface TreeResult {
  set: CriteriaSet;
  path: NodePath;
}

/** A node's content without its ids (which differ between two new, untouched nodes). */
const withoutIds = (node: unknown): string => JSON.stringify(node, (k, v: unknown) => (k === 'id' ? undefined : v));

/** Whether a node is still exactly as "+" made it: nothing typed, nothing changed, nothing added under it. */
export function isUntouched(
  node: CriteriaSetSection | CriteriaSetCriterion | CriteriaSetItem,
  level: NodeLevel,
): boolean {
  const blank =
    level === 'section' ? blankSection('', '', '') : level === 'criterion' ? blankCriterion('', '') : blankItem('');
  return withoutIds(node) === withoutIds(blank);
}

/**
 * Adds a node after `after` (or at the end of `parent`'s children). Pressing "+" again while the last node of that
 * level is still untouched adds nothing: the untouched node is returned (selected), so repeated presses leave no
 * stray empty sections, criteria or items behind.
 */
export function addNode(set: CriteriaSet, level: NodeLevel, parent: readonly number[], at?: number): TreeResult {
  if (at === undefined) {
    const last = lastChild(set, level, parent);
    if (last && isUntouched(last.node, level)) return { set, path: last.path };
  }
  const next = clone(set);
  const taken = allIds(next);
  const take = (prefix: string) => {
    const id = numbered(prefix, taken);
    taken.add(id);
    return id;
  };
  if (level === 'section') {
    const i = at ?? next.sections.length;
    next.sections.splice(i, 0, blankSection(take('s'), take('c'), take('i')));
    return { set: next, path: [i] };
  }
  const s = next.sections[parent[0]!];
  if (!s) throw new Error(`No section at ${parent[0]}`);
  if (level === 'criterion') {
    const i = at ?? s.criteria.length;
    s.criteria.splice(i, 0, blankCriterion(take('c'), take('i')));
    return { set: next, path: [parent[0]!, i] };
  }
  const c = s.criteria[parent[1]!];
  if (!c) throw new Error(`No criterion at ${parent[0]}/${parent[1]}`);
  const i = at ?? c.items.length;
  c.items.splice(i, 0, blankItem(take('i')));
  return { set: next, path: [parent[0]!, parent[1]!, i] };
}

/** The last node of `level` under `parent`, with its path (none when the parent has no children). */
function lastChild(
  set: CriteriaSet,
  level: NodeLevel,
  parent: readonly number[],
): { node: CriteriaSetSection | CriteriaSetCriterion | CriteriaSetItem; path: NodePath } | undefined {
  if (level === 'section') {
    const i = set.sections.length - 1;
    const node = set.sections[i];
    return node && { node, path: [i] };
  }
  const s = set.sections[parent[0]!];
  if (level === 'criterion') {
    const i = (s?.criteria.length ?? 0) - 1;
    const node = s?.criteria[i];
    return node && { node, path: [parent[0]!, i] };
  }
  const c = s?.criteria[parent[1]!];
  const i = (c?.items.length ?? 0) - 1;
  const node = c?.items[i];
  return node && { node, path: [parent[0]!, parent[1]!, i] };
}

/** The array holding a node, and its index there (inside a set the caller owns). */
function siblings(set: CriteriaSet, p: NodePath): { list: unknown[]; index: number } {
  if (p.length === 1) return { list: set.sections, index: p[0] };
  const s = set.sections[p[0]];
  if (!s) throw new Error(`No section at ${p[0]}`);
  if (p.length === 2) return { list: s.criteria, index: p[1] };
  const c = s.criteria[p[1]];
  if (!c) throw new Error(`No criterion at ${p[0]}/${p[1]}`);
  return { list: c.items, index: p[2] };
}

/** Removes a node (and everything under it). */
export function removeNode(set: CriteriaSet, p: NodePath): CriteriaSet {
  const next = clone(set);
  const { list, index } = siblings(next, p);
  if (index < 0 || index >= list.length) throw new Error(`No node at ${nodePointer(p)}`);
  list.splice(index, 1);
  return next;
}

/** Moves a node by `delta` places among its siblings (clamped); the path it ends at. */
export function moveBy(set: CriteriaSet, p: NodePath, delta: number): TreeResult {
  const { list, index } = siblings(set, p);
  const to = Math.max(0, Math.min(list.length - 1, index + delta));
  const target = [...p.slice(0, -1), to] as unknown as NodePath;
  return moveTo(set, p, target);
}

/**
 * Moves a node to another place of the same level: the target path names the parent and the index the node
 * will have there (a criterion may move to another section, an item to another criterion).
 */
export function moveTo(set: CriteriaSet, from: NodePath, to: NodePath): TreeResult {
  if (from.length !== to.length) throw new Error(`Cannot move a ${levelOf(from)} to a ${levelOf(to)} place`);
  const next = clone(set);
  const src = siblings(next, from);
  const [node] = src.list.splice(src.index, 1);
  if (node === undefined) throw new Error(`No node at ${nodePointer(from)}`);
  const dst = siblings(next, to);
  const index = Math.max(0, Math.min(dst.list.length, dst.index));
  dst.list.splice(index, 0, node);
  return { set: next, path: [...to.slice(0, -1), index] as unknown as NodePath };
}

/** Copies a node right after itself, with fresh ids for it and everything under it. */
export function duplicateNode(set: CriteriaSet, p: NodePath): TreeResult {
  const next = clone(set);
  const taken = allIds(next);
  const fresh = (id: string) => {
    const n = freeId(`${id}-copy`, taken);
    taken.add(n);
    return n;
  };
  const { list, index } = siblings(next, p);
  const copy = clone(list[index]) as CriteriaSetSection | CriteriaSetCriterion | CriteriaSetItem;
  copy.id = fresh(copy.id);
  if ('criteria' in copy)
    for (const c of copy.criteria) {
      c.id = fresh(c.id);
      for (const it of c.items) it.id = fresh(it.id);
    }
  if ('items' in copy) for (const it of copy.items) it.id = fresh(it.id);
  list.splice(index + 1, 0, copy);
  return { set: next, path: [...p.slice(0, -1), index + 1] as unknown as NodePath };
}

/** A copy of a whole set under a new id, version "1", without hash, publication date or origin. */
export function duplicateSet(set: CriteriaSet, newId: string): CriteriaSet {
  const copy = clone(set);
  copy.id = newId;
  copy.version = '1';
  delete copy.contentHash;
  delete copy.publishedAt;
  delete copy.origin;
  return copy;
}
