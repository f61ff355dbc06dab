import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LitElement } from 'lit';
import { contentHash } from '@tieuchi/core';
import '../src/loop/tc-reconcile.js';
import '../src/loop/tc-plan-links.js';
import type { TcReconcile } from '../src/loop/tc-reconcile.js';
import { appStore } from '../src/state/store.js';
import type { Assessment } from '../src/core.js';
import { draft, mount, smallSet } from './helpers.js';

const store = appStore();

beforeEach(() => {
  store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
  store.ready = true;
});

afterEach(() => {
  document.body.replaceChildren();
  store.assessments.clear();
});

const of = (id: string, kind: Assessment['assessmentKind'], answers: Assessment['answers']): Assessment => ({
  ...draft(answers, id),
  assessmentKind: kind,
  status: 'submitted',
  assessedOn: '2026-05-14',
});

describe('<tc-reconcile>', () => {
  it('shows the numbers as given (not band names) and both notes side by side', async () => {
    const both = { i1: { value: 'met' as const }, i2: { value: 'met' as const }, i3: { value: 'full' as const } };
    const self = of('rec-self', 'self-assessment', { ...both, i4: { value: 4.5, note: 'Đếm theo sổ trực' } });
    const insp = of('rec-insp', 'external-inspection', { ...both, i4: { value: 2, note: 'Chỉ 2 người có mặt' } });
    store.assessments.set(self.id, self);
    store.assessments.set(insp.id, insp);
    const el = document.createElement('tc-reconcile') as TcReconcile;
    el.a = self.id;
    el.b = insp.id;
    await mount(el);
    const row = el.shadowRoot!.querySelector('tr[data-item="i4"]')!;
    expect(row.querySelector('[data-self]')!.textContent).toContain('4,5 người');
    expect(row.querySelector('[data-self]')!.textContent).toContain('Đếm theo sổ trực');
    expect(row.querySelector('[data-inspection]')!.textContent).toContain('2 người');
    expect(row.querySelector('[data-inspection]')!.textContent).toContain('Chỉ 2 người có mặt');
    expect(row.textContent).not.toMatch(/Mức \d|band/);
    expect(el.shadowRoot!.querySelector('button[data-action="reconcile-xlsx"]')).not.toBeNull();
  });
});

describe('the agreed result (decision 0019)', () => {
  const both = { i1: { value: 'met' as const }, i2: { value: 'met' as const } };
  // Inspection: 2 + 2 + 1 (i3 "some") + 0 (i4 = 2 people, below 3) = 5/10 = 50 %: not passed (rule: 70 %).
  const pair = () => {
    const self = of('ag-self', 'self-assessment', {
      ...both,
      i3: { value: 'full', evidence: ['a'.repeat(64)] },
      i4: { value: 4.5 },
    });
    const insp: Assessment = {
      ...of('ag-insp', 'external-inspection', { ...both, i3: { value: 'some' }, i4: { value: 2 } }),
      status: 'locked',
      contentHash: 'b'.repeat(64),
    };
    store.assessments.set(self.id, self);
    store.assessments.set(insp.id, insp);
    return { self, insp };
  };
  const open = async () => {
    const el = document.createElement('tc-reconcile') as TcReconcile;
    el.a = 'ag-self';
    el.b = 'ag-insp';
    return mount(el);
  };
  const choice = (el: TcReconcile, id: string) =>
    el.shadowRoot!.querySelector(`tr[data-item="${id}"] tc-agreed-choice`)!.shadowRoot!;
  const settle = async (el: TcReconcile) => {
    await store.flush();
    await el.updateComplete;
    for (const c of el.shadowRoot!.querySelectorAll('tc-agreed-choice')) await (c as LitElement).updateComplete;
  };

  it('records the agreed answer per item on the inspection, linked to the self-assessment, and rescores', async () => {
    const { insp } = pair();
    const el = await open();
    expect(el.shadowRoot!.querySelector('[data-agreed-progress]')!.textContent).toBe('Đã thống nhất 0/2 mục khác nhau');
    expect(choice(el, 'i3').querySelector('[data-agreed-undecided]')).not.toBeNull();

    // i3 as self-assessed ("full", 3 points): 2 + 2 + 3 + 0 = 7/10 = 70 % → passed.
    choice(el, 'i3').querySelector<HTMLInputElement>('[data-agreed-from="self"]')!.click();
    await settle(el);
    const saved = store.assessments.get('ag-insp')!;
    expect(saved.agreedResult!.selfAssessment).toEqual({ id: 'ag-self' });
    expect(saved.agreedResult!.items).toEqual({ i3: { from: 'self' } });
    expect(saved.status).toBe('locked');
    expect(saved.answers.i3).toEqual({ value: 'some' }); // the inspection's own answers are unchanged
    expect(el.shadowRoot!.querySelector('[data-agreed-progress]')!.textContent).toBe('Đã thống nhất 1/2 mục khác nhau');
    expect(el.shadowRoot!.querySelector('[data-agreed-score]')!.textContent).toMatch(/ĐẠT · 70(,0)?\s?%/);
    expect(el.shadowRoot!.querySelector('[data-agreed-score]')!.textContent).not.toMatch(/KHÔNG/);

    // i4: another answer, typed the Vietnamese way (5,5 people: band from 5, 3 points) with a note → 10/10.
    choice(el, 'i4').querySelector<HTMLInputElement>('[data-agreed-from="other"]')!.click();
    await settle(el);
    const input = choice(el, 'i4').querySelector<HTMLInputElement>('input[data-agreed-value]')!;
    input.value = '5,5';
    input.dispatchEvent(new Event('change'));
    await settle(el);
    const note = choice(el, 'i4').querySelector<HTMLTextAreaElement>('[data-agreed-note]')!;
    note.value = 'Đếm lại cùng nhau';
    note.dispatchEvent(new Event('change'));
    await settle(el);
    expect(store.assessments.get('ag-insp')!.agreedResult!.items.i4).toEqual({
      from: 'other',
      value: 5.5,
      note: 'Đếm lại cùng nhau',
    });
    expect(el.shadowRoot!.querySelector('[data-agreed-progress]')!.textContent).toBe('Đã thống nhất 2/2 mục khác nhau');
    expect(el.shadowRoot!.querySelector('[data-agreed-score]')!.textContent).toMatch(/ĐẠT · 100(,0)?\s?%/);

    // Written through the one write path: the stored copy has it too.
    const stored = await store.storage.getAssessment('ag-insp');
    expect(stored?.agreedResult?.items.i3).toEqual({ from: 'self' });
    void insp;
  });

  it('leaves the locked inspection’s content hash unchanged (agreedResult is outside it)', () => {
    const { insp } = pair();
    const withAgreed: Assessment = {
      ...insp,
      agreedResult: {
        selfAssessment: { id: 'ag-self' },
        recordedAt: '2026-05-20T03:00:00Z',
        items: { i3: { from: 'self' } },
      },
    };
    expect(contentHash(withAgreed)).toBe(contentHash(insp));
  });

  it('shows each side’s photos as thumbnails and a choice answer by its label', async () => {
    pair();
    const el = await open();
    const row = el.shadowRoot!.querySelector('tr[data-item="i3"]')!;
    expect(row.querySelector('[data-self] tc-photo-evidence')).not.toBeNull();
    expect((row.querySelector('[data-self] tc-photo-evidence') as unknown as { hashes: string[] }).hashes).toEqual([
      'a'.repeat(64),
    ]);
    expect(row.querySelector('[data-inspection] tc-photo-evidence')).toBeNull();
    expect(row.querySelector('[data-self]')!.textContent).toContain('Đầy đủ');
    expect(row.querySelector('[data-inspection]')!.textContent).toContain('Một phần');
  });

  it('shows the agreed result with the inspection’s results (and the self-assessment’s), linking to it', async () => {
    const { insp } = pair();
    store.assessments.set(insp.id, {
      ...insp,
      agreedResult: {
        selfAssessment: { id: 'ag-self' },
        recordedAt: '2026-05-20T03:00:00Z',
        items: { i3: { from: 'self' } },
      },
    });
    for (const id of ['ag-insp', 'ag-self']) {
      const links = document.createElement('tc-plan-links');
      links.assessmentId = id;
      await mount(links);
      const p = links.shadowRoot!.querySelector('[data-agreed-link]')!;
      expect(p.textContent!.replace(/\s+/g, ' ')).toMatch(
        /Đã thống nhất 1\/2 mục với phiếu tự đánh giá · Kết quả sau thống nhất: ĐẠT · 70/,
      );
      expect(p.querySelector('a')!.getAttribute('href')).toBe('#/reconcile/ag-self/ag-insp');
      links.remove();
    }
  });
});
