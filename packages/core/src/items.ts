/**
 * Walking a set: every item with its section and criterion, in order.
 */
import type { CriteriaSet, CriteriaSetCriterion, CriteriaSetItem, CriteriaSetSection } from './generated/types.js';

export interface ItemPlace {
  section: CriteriaSetSection;
  criterion: CriteriaSetCriterion;
  item: CriteriaSetItem;
  /** JSON Pointer of the item in the set. */
  pointer: string;
}

/** Every item of `set` in document order, with where it sits. */
export function flattenItems(set: CriteriaSet): ItemPlace[] {
  const out: ItemPlace[] = [];
  set.sections.forEach((section, si) =>
    section.criteria.forEach((criterion, ci) =>
      criterion.items.forEach((item, ii) =>
        out.push({ section, criterion, item, pointer: `/sections/${si}/criteria/${ci}/items/${ii}` }),
      ),
    ),
  );
  return out;
}
