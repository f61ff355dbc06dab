import { afterEach, describe, expect, it } from 'vitest';
import '../src/fill/tc-section-nav.js';
import '../src/fill/tc-fill-status.js';
import '../src/fill/tc-item-card.js';
import '../src/fill/tc-score-panel.js';
import type { TcSectionNav, CriterionJumpDetail } from '../src/fill/tc-section-nav.js';
import type { TcFillStatus } from '../src/fill/tc-fill-status.js';
import type { TcItemCard } from '../src/fill/tc-item-card.js';
import type { TcScorePanel } from '../src/fill/tc-score-panel.js';
import type { Assessment, CriteriaSet, ScoreResult } from '../src/core.js';
import { nextOpen } from '../src/model/progress.js';
import { ladderState, rungs } from '../src/model/ladder.js';
import set1300Json from '../../../criteria/qd1300-commune-health.json';
import set6858Json from '../../../criteria/qd6858-hospital-quality-subset.json';
import { draft, mount, scored, shadowText, smallSet } from './helpers.js';

const set1300 = set1300Json as unknown as CriteriaSet;
const set6858 = set6858Json as unknown as CriteriaSet;

/** A draft of `set` with `answers`. */
function of(set: CriteriaSet, answers: Assessment['answers']): Assessment {
  const a = draft(answers);
  a.criteriaSet = { id: set.id, version: set.version };
  if (set === set6858) a.facility = { id: 'h1', name: 'Bệnh viện huyện', kind: 'hospital' };
  return a;
}

const criterionOf = (r: ScoreResult, id: string) => r.sections.flatMap((s) => s.criteria).find((c) => c.id === id)!;
const setCriterion = (set: CriteriaSet, id: string) =>
  set.sections.flatMap((s) => s.criteria).find((c) => c.id === id)!;

async function nav(set: CriteriaSet, r: ScoreResult, current = '') {
  const el = document.createElement('tc-section-nav') as TcSectionNav;
  el.set = set;
  el.result = r;
  el.assessmentId = 'a-test';
  el.current = current || set.sections[0]!.id;
  return mount(el);
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('next open item', () => {
  it('stops at an answered item that lacks its required photo and says so', () => {
    // i4 needs a photo always; i1 only when not met.
    const r = scored(draft({ i1: { value: 'met' }, i2: { value: 'met' }, i4: { value: 5 } }));
    expect(nextOpen(r)).toEqual({ id: 'i3', why: 'unanswered' });
    expect(nextOpen(r, 'i3')).toEqual({ id: 'i4', why: 'evidence' });
    const r2 = scored(draft({ i1: { value: 'not-met' } }));
    expect(nextOpen(r2)).toEqual({ id: 'i1', why: 'evidence' });
  });

  it('is done when every item is answered and has its photos', () => {
    const photo = 'a'.repeat(64);
    const r = scored(
      draft({ i1: { value: 'met' }, i2: { value: 'met' }, i3: { value: 'full' }, i4: { value: 5, evidence: [photo] } }),
    );
    expect(nextOpen(r)).toBeUndefined();
  });
});

describe('<tc-section-nav>', () => {
  it('offers Tiêu chí 1–10 of the one-section 1300 form with answered/total each', async () => {
    const r = scored(of(set1300, { 't1.1': { value: 'met' }, 't1.2': { value: 'not-met' } }), set1300);
    const el = await nav(set1300, r);
    const crits = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button[data-criterion]')];
    expect(crits.map((b) => b.dataset.criterion)).toEqual([
      't1',
      't2',
      't3',
      't4',
      't5',
      't6',
      't7',
      't8',
      't9',
      't10',
    ]);
    expect(crits[0]!.textContent).toContain('Tiêu chí 1.');
    expect(crits[0]!.querySelector('[data-progress]')!.textContent).toBe('2/6 đã trả lời');
    expect(crits[1]!.querySelector('[data-progress]')!.textContent).toBe('0/5 đã trả lời');
    expect(el.shadowRoot!.querySelector('a[data-section]')).toBeNull(); // one section: no section entry
  });

  it('lists sections where a set has several, with the criteria of the current one', async () => {
    const r = scored(draft({ i3: { value: 'full' } }));
    const el = await nav(smallSet, r, 's2');
    expect([...el.shadowRoot!.querySelectorAll<HTMLElement>('a[data-section]')].map((a) => a.dataset.section)).toEqual([
      's1',
      's2',
    ]);
    const crits = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button[data-criterion]')];
    expect(crits.map((b) => b.dataset.criterion)).toEqual(['c2']);
    expect(crits[0]!.querySelector('[data-progress]')!.textContent).toBe('1/2 đã trả lời');
  });

  it('asks the fill-in view to show a criterion when one is chosen', async () => {
    const el = await nav(set1300, scored(of(set1300, {}), set1300));
    const got: CriterionJumpDetail[] = [];
    document.body.addEventListener('criterion-jump', (e) => got.push((e as CustomEvent<CriterionJumpDetail>).detail));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-criterion="t9"]')!.click();
    expect(got).toEqual([{ section: set1300.sections[0]!.id, criterion: 't9' }]);
  });

  it('shows levels, not percentages, and "not yet assessed" for an untouched criterion of a levels set', async () => {
    const r = scored(of(set6858, { 'A1.1-L1a': { value: 'met' } }), set6858);
    const el = await nav(set6858, r, 'A');
    const a11 = el.shadowRoot!.querySelector('button[data-criterion="A1.1"] [data-level]')!;
    const a21 = el.shadowRoot!.querySelector('button[data-criterion="A2.1"] [data-level]')!;
    expect(a11.textContent).toBe('Mức 1 (tạm tính)');
    expect(a21.textContent).toBe('Chưa đánh giá');
    expect(shadowText(el)).not.toContain('%');
  });
});

describe('the level ladder', () => {
  // A1.1 has two elements per level 1..5. Levels 1 and 2 met, one level-3 element not met, a level-4 one met.
  const answers: Assessment['answers'] = {
    'A1.1-L1a': { value: 'met' },
    'A1.1-L1b': { value: 'met' },
    'A1.1-L2a': { value: 'met' },
    'A1.1-L2b': { value: 'met' },
    'A1.1-L3a': { value: 'not-met' },
    'A1.1-L4a': { value: 'met' },
  };

  it('groups the elements by level, lowest first', () => {
    const g = rungs(setCriterion(set6858, 'A1.1'));
    expect(g.map((x) => [x.level, x.items.map((i) => i.id)])).toEqual([
      [1, ['A1.1-L1a', 'A1.1-L1b']],
      [2, ['A1.1-L2a', 'A1.1-L2b']],
      [3, ['A1.1-L3a', 'A1.1-L3b']],
      [4, ['A1.1-L4a', 'A1.1-L4b']],
      [5, ['A1.1-L5a', 'A1.1-L5b']],
    ]);
  });

  it('says what level 3 needs: the element not met and the one not answered', () => {
    const r = scored(of(set6858, answers), set6858);
    const st = ladderState(criterionOf(r, 'A1.1'), setCriterion(set6858, 'A1.1'), 5);
    expect(st).toEqual({ kind: 'climbing', level: 2, provisional: true, next: 3, needed: ['A1.1-L3a', 'A1.1-L3b'] });
    expect(ladderState(criterionOf(r, 'A2.1'), setCriterion(set6858, 'A2.1'), 5)).toEqual({ kind: 'not-assessed' });
  });

  it('reaches the top only when every element is met', () => {
    const all = Object.fromEntries(setCriterion(set6858, 'A1.1').items.map((i) => [i.id, { value: 'met' as const }]));
    const r = scored(of(set6858, all), set6858);
    expect(ladderState(criterionOf(r, 'A1.1'), setCriterion(set6858, 'A1.1'), 5)).toEqual({ kind: 'top', level: 5 });
  });

  it('shows a met element above the level reached as not counted, never as earned', async () => {
    const r = scored(of(set6858, answers), set6858);
    const make = async (id: string) => {
      const el = document.createElement('tc-item-card') as TcItemCard;
      el.item = setCriterion(set6858, 'A1.1').items.find((i) => i.id === id)!;
      el.answer = answers[id];
      el.result = criterionOf(r, 'A1.1').items.find((i) => i.id === id);
      el.levels = true;
      el.criterionLevel = 2;
      return mount(el);
    };
    const l4 = await make('A1.1-L4a');
    expect(l4.shadowRoot!.querySelector('[data-beyond]')!.textContent).toContain('chưa được tính');
    expect(l4.shadowRoot!.querySelector('.badge.pass')).toBeNull();
    expect(shadowText(l4)).not.toContain('điểm');
    const l2 = await make('A1.1-L2a');
    expect(l2.shadowRoot!.querySelector('[data-met="yes"]')).not.toBeNull();
  });

  it('gives no mean level on a half-filled form, and no percentage', async () => {
    const el = document.createElement('tc-score-panel') as TcScorePanel;
    el.result = scored(of(set6858, answers), set6858);
    await mount(el);
    const mean = el.shadowRoot!.querySelector('[data-mean-level]')!.textContent!;
    expect(mean).toContain('chưa tính');
    expect(mean).toContain('9 tiêu chí'); // A1.1 has open elements too: 9 of 9 criteria are not fully assessed
    expect(shadowText(el)).not.toMatch(/%|Kém/);
  });
});

describe('<tc-fill-status>', () => {
  async function status(set: CriteriaSet, a: Assessment) {
    const el = document.createElement('tc-fill-status') as TcFillStatus;
    el.set = set;
    el.result = scored(a, set);
    return mount(el);
  }

  it('says why it is incomplete with every item answered (one could not be assessed)', async () => {
    const el = await status(
      smallSet,
      draft({ i1: { value: 'met' }, i2: { value: 'met' }, i3: { value: 'full' }, i4: { unassessed: 'sổ bị khoá' } }),
    );
    expect(el.shadowRoot!.querySelector('[data-fill-status]')!.getAttribute('data-fill-status')).toBe('incomplete');
    expect(shadowText(el)).toContain('Vì sao chưa có kết quả');
    expect(el.shadowRoot!.querySelectorAll('[data-reason]')).toHaveLength(1);
  });

  it('says why it fails', async () => {
    const el = await status(
      smallSet,
      draft({ i1: { value: 'not-met' }, i2: { value: 'met' }, i3: { value: 'full' }, i4: { value: 5 } }),
    );
    expect(shadowText(el)).toContain('Vì sao không đạt');
    expect(el.shadowRoot!.querySelector('[data-reason]')!.textContent).toContain('điểm liệt');
    expect(el.shadowRoot!.querySelector('[data-evidence]')!.textContent).toContain('2 mục thiếu ảnh minh chứng');
    expect(el.shadowRoot!.querySelector('[data-evidence]')!.textContent).toContain(': 1.1, 2.2');
  });

  it('stays silent while items are open and on a pass', async () => {
    expect((await status(smallSet, draft({ i1: { value: 'met' } }))).shadowRoot!.children).toHaveLength(0);
    const pass = await status(
      smallSet,
      draft({
        i1: { value: 'met' },
        i2: { value: 'met' },
        i3: { value: 'full' },
        i4: { value: 5, evidence: ['a'.repeat(64)] },
      }),
    );
    expect(pass.shadowRoot!.querySelector('[data-fill-status]')).toBeNull();
  });
});
