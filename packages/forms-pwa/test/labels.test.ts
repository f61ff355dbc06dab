/** Names people read (issue 14): items without a code by their number in the set and their text; levels headings. */
import { afterEach, describe, expect, it } from 'vitest';
import { partNumbers } from '@tieuchi/core';
import '../src/fill/tc-score-panel.js';
import type { TcScorePanel } from '../src/fill/tc-score-panel.js';
import { itemLabel } from '../src/fill/tc-fill-status.js';
import type { CriteriaSet } from '../src/core.js';
import set6858Json from '../../../criteria/qd6858-hospital-quality-subset.json';
import { draft, mount, scored, smallSet } from './helpers.js';

const set6858 = set6858Json as unknown as CriteriaSet;

/** smallSet without any codes (as 5959, WASH FIT and the clinic checklist are). */
function uncoded(): CriteriaSet {
  const s = structuredClone(smallSet);
  for (const sec of s.sections)
    for (const c of sec.criteria) {
      delete c.code;
      for (const it of c.items) delete it.code;
    }
  return s;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('names of criteria and items', () => {
  it('numbers uncoded criteria and items in the set order (across sections), never by id', () => {
    const n = partNumbers(uncoded());
    expect(['c1', 'c2'].map((id) => n.criterion(id))).toEqual(['1', '2']);
    expect(['i1', 'i2', 'i3', 'i4'].map((id) => n.item(id))).toEqual(['1', '2', '3', '4']);
    // A set's own codes win.
    expect(partNumbers(smallSet).item('i3')).toBe('2.1');
  });

  it('names an uncoded item in the fill-in status by number and the start of its text', () => {
    const set = uncoded();
    expect(itemLabel(set, 'i3')).toBe('3 “Mức độ ghi chép hồ sơ”');
    expect(itemLabel(set, 'i3')).not.toContain('i3');
    expect(itemLabel(smallSet, 'i3')).toBe('2.1');
  });
});

describe('<tc-score-panel> heading', () => {
  it('says "Tổng điểm" on a points set and the level on a levels set', async () => {
    const points = document.createElement('tc-score-panel') as TcScorePanel;
    points.result = scored(draft({ i1: { value: 'met' } }));
    await mount(points);
    expect(points.shadowRoot!.querySelector('[data-score-head]')!.textContent).toBe('Tổng điểm');

    const a = { ...draft({}), criteriaSet: { id: set6858.id, version: set6858.version } };
    a.facility = { id: 'h1', name: 'Bệnh viện huyện', kind: 'hospital' };
    const levels = document.createElement('tc-score-panel') as TcScorePanel;
    levels.result = scored(a, set6858);
    await mount(levels);
    expect(levels.shadowRoot!.querySelector('[data-score-head]')!.textContent).toBe('Mức đạt được');
    expect(levels.shadowRoot!.textContent).not.toContain('Tổng điểm');
  });
});
