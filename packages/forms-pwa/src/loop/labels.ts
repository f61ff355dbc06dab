/** How the loop views name things for people: an assessment in a picker, an item, a criterion, an answer category. */
import type { Assessment, CriteriaSet } from '../core.js';
import { formatDate, loc, t } from '../i18n.js';
import { lt } from './messages.js';
import { itemIndex } from '../model/assessment.js';
import { when } from './scored.js';

/** "Trạm Y tế A · 14/05/2025 · 2025 - Vòng 1 · Tự đánh giá" for a picker: the round's name as written, not its slug. */
export const assessmentLabel = (a: Assessment): string =>
  [
    a.facility.name,
    formatDate(when(a)),
    a.round?.label ?? a.round?.id,
    t(`kind.${a.assessmentKind}`),
    a.criteriaSet.version,
  ]
    .filter(Boolean)
    .join(' · ');

/** "T1.3 Text of the item" from the first set that has the item (sets of two versions may differ). */
export function itemLabel(id: string, ...sets: (CriteriaSet | undefined)[]): string {
  for (const s of sets) {
    const it = s && itemIndex(s).get(id)?.item;
    if (it) return `${it.code ? `${it.code} ` : ''}${loc(it.text)}`;
  }
  return id;
}

/** A criterion's code and title, and its section id, from the first set that has it. */
export function criterionInfo(id: string, ...sets: (CriteriaSet | undefined)[]): { label: string; section: string } {
  for (const s of sets)
    for (const sec of s?.sections ?? [])
      for (const c of sec.criteria)
        if (c.id === id) return { label: `${c.code ? `${c.code}. ` : ''}${loc(c.title)}`, section: sec.id };
  return { label: id, section: '' };
}

/** A section's title from the first set that has it. */
export function sectionLabel(id: string, ...sets: (CriteriaSet | undefined)[]): string {
  for (const s of sets) {
    const sec = s?.sections.find((x) => x.id === id);
    if (sec) return loc(sec.title);
  }
  return id;
}

/** An answer category as reconcile and compare report it: met, partial, not-met, na, an option id, band:k. */
export function answerLabel(v: string | number | undefined): string {
  if (v === undefined || v === '') return '—';
  if (v === 'met' || v === 'partial' || v === 'not-met') return t(`ans.${v}`);
  if (v === 'na') return t('item.na');
  const band = /^band:(-?\d+)$/.exec(String(v));
  if (band) return lt('rec.band', { n: Number(band[1]) + 1 });
  return String(v);
}
