/**
 * Versions of a criteria set: the label a new publication takes, the published document (content hash
 * pinned), local editions of shipped sets (core `localEdition`), and readable diffs (core `diffSets`).
 */
import { contentHash, diffSets, localEdition, type SetChange } from '@tieuchi/core';
import type { CriteriaSet, LocalizedText } from '../core.js';

/** Versions of `id` among `sets`. */
export const versionsOf = (sets: Iterable<CriteriaSet>, id: string): string[] =>
  [...sets].filter((s) => s.id === id).map((s) => s.version);

/**
 * `version` if no set of this id uses it yet, else the next free label: `2023.1-local.2` → `-local.3` (one
 * past the highest local edition), `2026.1` → `2026.2`, `draft` → `draft.1`.
 */
export function nextFreeVersion(version: string, taken: readonly string[]): string {
  if (!taken.includes(version)) return version;
  const local = /^(.*)-local\.\d+$/.exec(version);
  if (local) {
    let n = 0;
    for (const v of taken) {
      const m = /^(.*)-local\.(\d+)$/.exec(v);
      if (m && m[1] === local[1]) n = Math.max(n, Number(m[2]));
    }
    return `${local[1]}-local.${n + 1}`;
  }
  const m = /^(.*?)(\d+)$/.exec(version);
  const stem = m ? m[1]! : `${version}.`;
  let n = m ? Number(m[2]) + 1 : 1;
  while (taken.includes(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

/** A draft copy of a published set to edit into its next version (no hash or publication date yet). */
export function nextVersionDraft(set: CriteriaSet, taken: readonly string[]): CriteriaSet {
  const copy = structuredClone(set);
  delete copy.contentHash;
  delete copy.publishedAt;
  copy.version = nextFreeVersion(set.version, [...taken, set.version]);
  return copy;
}

/** A local edition of a shipped (official) set: same id, version `<v>-local.<n>`, `origin` recorded. */
export const localEditionDraft = (set: CriteriaSet, taken: readonly string[]): CriteriaSet => localEdition(set, taken);

/** The document to publish: `publishedAt` set, then the content hash that assessments will pin. */
export function forPublication(set: CriteriaSet, now: string): CriteriaSet {
  const out = structuredClone(set);
  delete out.contentHash;
  out.publishedAt = now;
  out.contentHash = contentHash(out);
  return out;
}

/** A set as exported JSON (a draft's stale hash and date left out: they belong to a publication). */
export function exportText(set: CriteriaSet, published: boolean): string {
  const out = structuredClone(set);
  if (!published) {
    delete out.contentHash;
    delete out.publishedAt;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

const LEVEL: Record<SetChange['level'], LocalizedText & { en: string }> = {
  set: { vi: 'Bộ tiêu chí', en: 'Set' },
  section: { vi: 'Phần', en: 'Section' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  item: { vi: 'Chỉ tiêu', en: 'Item' },
};

/** A value shown in a diff line: strings quoted, objects as compact JSON, cut at 160 characters. */
export function show(v: unknown): string {
  const s = v === undefined ? '—' : typeof v === 'string' ? `«${v}»` : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

/** One change as a sentence, in Vietnamese and English. */
export function describeChange(c: SetChange): { vi: string; en: string } {
  const what = { vi: `${LEVEL[c.level].vi} ${c.id}`, en: `${LEVEL[c.level].en} ${c.id}` };
  switch (c.kind) {
    case 'added':
      return { vi: `${what.vi}: thêm mới`, en: `${what.en}: added` };
    case 'removed':
      return { vi: `${what.vi}: bị xoá`, en: `${what.en}: removed` };
    case 'moved':
      return {
        vi: `${what.vi}: chuyển từ ${show(c.before)} sang ${show(c.after)}`,
        en: `${what.en}: moved from ${show(c.before)} to ${show(c.after)}`,
      };
    case 'changed':
      return {
        vi: `${what.vi}: "${c.field}" đổi từ ${show(c.before)} thành ${show(c.after)}`,
        en: `${what.en}: "${c.field}" changed from ${show(c.before)} to ${show(c.after)}`,
      };
  }
}

/** The changes from `before` to `after`. */
export const changes = (before: CriteriaSet, after: CriteriaSet): SetChange[] => diffSets(before, after);
