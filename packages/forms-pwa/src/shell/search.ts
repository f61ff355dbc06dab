/**
 * Home's search and the New form's default: matching that ignores diacritics and case ("tram y te" finds "Trạm
 * Y tế"; "1300" finds the set of 1300/QĐ-BYT), and the set used most on this device.
 */
import type { Assessment, CriteriaSet } from '../core.js';

/** Lower case without diacritics (đ → d), for matching what people type without Vietnamese accents. */
export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/** Every word a set can be found by: its titles in both languages, its id and its documents' numbers. */
export function setWords(set: CriteriaSet | undefined): string[] {
  if (!set) return [];
  return [
    set.id,
    set.title.vi,
    set.title.en ?? '',
    set.shortTitle?.vi ?? '',
    set.shortTitle?.en ?? '',
    ...(set.source?.documents ?? []).map((d) => d.number),
  ].filter(Boolean);
}

/** Whether every word of `query` occurs in `haystack` (both folded); an empty query matches everything. */
export function matches(query: string, haystack: readonly (string | undefined)[]): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = fold(haystack.filter(Boolean).join(' '));
  return words.every((w) => hay.includes(w));
}

/** The set key (`id@version`) used by the most assessments on this device; ties go to the most recent. */
export function mostUsedSet(assessments: Iterable<Assessment>, available: ReadonlySet<string>): string | undefined {
  const n = new Map<string, { count: number; last: string }>();
  for (const a of assessments) {
    const k = `${a.criteriaSet.id}@${a.criteriaSet.version}`;
    if (!available.has(k)) continue;
    const e = n.get(k) ?? { count: 0, last: '' };
    const w = a.updatedAt ?? a.createdAt ?? '';
    n.set(k, { count: e.count + 1, last: w > e.last ? w : e.last });
  }
  let best: string | undefined;
  let top = { count: 0, last: '' };
  for (const [k, e] of n)
    if (e.count > top.count || (e.count === top.count && e.last > top.last)) {
      best = k;
      top = e;
    }
  return best;
}
