import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../src/loop/tc-reconcile.js';
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
