/**
 * What changed between two versions of a criteria set, readable by a quality officer, and local editions of a
 * shipped set that record where they came from.
 */
import type { CriteriaSet, CriteriaSetCriterion, CriteriaSetItem, CriteriaSetSection } from './generated/types.js';
import { setContentHash } from './pin.js';

export interface SetChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  level: 'set' | 'section' | 'criterion' | 'item';
  id: string;
  /** For `changed`: the field that changed (e.g. "text.vi", "response", "knockout"). */
  field?: string;
  before?: unknown;
  after?: unknown;
}

type Node = CriteriaSetSection | CriteriaSetCriterion | CriteriaSetItem;

function fieldsOf(n: Node): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n)) {
    if (k === 'criteria' || k === 'items' || k === 'id') continue;
    if (
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      (k === 'text' || k === 'title' || k === 'guidance' || k === 'description')
    ) {
      for (const [lang, t] of Object.entries(v)) out[`${k}.${lang}`] = t;
    } else out[k] = v;
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function diffNodes(
  level: SetChange['level'],
  before: Map<string, { node: Node; parent: string }>,
  after: Map<string, { node: Node; parent: string }>,
  out: SetChange[],
): void {
  for (const [id, b] of before) {
    const a = after.get(id);
    if (!a) {
      out.push({ kind: 'removed', level, id });
      continue;
    }
    if (a.parent !== b.parent) out.push({ kind: 'moved', level, id, before: b.parent, after: a.parent });
    const fb = fieldsOf(b.node);
    const fa = fieldsOf(a.node);
    for (const k of [...new Set([...Object.keys(fb), ...Object.keys(fa)])]) {
      if (!same(fb[k], fa[k])) out.push({ kind: 'changed', level, id, field: k, before: fb[k], after: fa[k] });
    }
  }
  for (const id of after.keys()) if (!before.has(id)) out.push({ kind: 'added', level, id });
}

function index(set: CriteriaSet) {
  const sections = new Map<string, { node: Node; parent: string }>();
  const criteria = new Map<string, { node: Node; parent: string }>();
  const items = new Map<string, { node: Node; parent: string }>();
  for (const s of set.sections) {
    sections.set(s.id, { node: s, parent: '' });
    for (const c of s.criteria) {
      criteria.set(c.id, { node: c, parent: s.id });
      for (const it of c.items) items.set(it.id, { node: it, parent: c.id });
    }
  }
  return { sections, criteria, items };
}

/** Every change from `before` to `after`: set fields (title, source, scoring…), then sections, criteria, items. */
export function diffSets(before: CriteriaSet, after: CriteriaSet): SetChange[] {
  const out: SetChange[] = [];
  const skip = new Set(['sections', 'contentHash', 'version', 'publishedAt', 'origin']);
  for (const k of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
    if (skip.has(k)) continue;
    const b = (before as unknown as Record<string, unknown>)[k];
    const a = (after as unknown as Record<string, unknown>)[k];
    if (!same(b, a)) out.push({ kind: 'changed', level: 'set', id: after.id, field: k, before: b, after: a });
  }
  const ib = index(before);
  const ia = index(after);
  diffNodes('section', ib.sections, ia.sections, out);
  diffNodes('criterion', ib.criteria, ia.criteria, out);
  diffNodes('item', ib.items, ia.items, out);
  return out;
}

/**
 * A local edition of `set` to be corrected and published: the same id, a version label `<version>-local.<n>`
 * that no official release uses (official versions carry no "-local"), and `origin` pointing at the set it came
 * from by id, version and content hash. `n` is one more than the highest local edition in `existing`.
 */
export function localEdition(set: CriteriaSet, existingVersions: readonly string[] = []): CriteriaSet {
  const base = set.origin?.version ?? set.version.replace(/-local\.\d+$/, '');
  let n = 0;
  for (const v of existingVersions) {
    const m = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-local\\.(\\d+)$`).exec(v);
    if (m) n = Math.max(n, Number(m[1]));
  }
  const copy = JSON.parse(JSON.stringify(set)) as CriteriaSet;
  delete copy.contentHash;
  delete copy.publishedAt;
  copy.origin = set.origin ?? { id: set.id, version: set.version, contentHash: setContentHash(set) };
  copy.version = `${base}-local.${n + 1}`;
  return copy;
}
