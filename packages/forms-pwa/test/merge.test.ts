import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mergeAssessments } from '@tieuchi/core';
import '../src/loop/tc-merge.js';
import type { TcMerge } from '../src/loop/tc-merge.js';
import { resolveMerge, undecided } from '../src/loop/merge-model.js';
import { appStore } from '../src/state/store.js';
import { draft, mount, smallSet } from './helpers.js';

const lead = {
  ...draft({ i1: { value: 'met' }, i2: { value: 'met', note: 'Trưởng đoàn' } }, 'a-lead'),
  assessors: [{ name: 'Lan' }],
};
const part = {
  ...draft({ i1: { value: 'met' }, i2: { value: 'not-met', note: 'Thành viên' }, i3: { value: 'full' } }, 'a-part'),
  assessors: [{ name: 'Minh' }],
};

describe('team merge', () => {
  it('merges agreeing answers, leaves conflicts to the lead, and saves as a new draft', () => {
    const out = mergeAssessments([lead, part]);
    if (!out.ok) throw new Error('merge failed');
    expect(out.value.conflicts.map((c) => c.itemId)).toEqual(['i2']);
    expect(undecided(out.value, new Map())).toEqual(['i2']);
    expect(() => resolveMerge(out.value, new Map(), 'a-new', 't')).toThrow(/not decided/);
    const merged = resolveMerge(out.value, new Map([['i2', { pick: 'a-part' }]]), 'a-new', '2026-01-01T00:00:00Z');
    expect(merged.id).toBe('a-new');
    expect(merged.status).toBe('draft');
    expect(merged.answers.i2).toMatchObject({ value: 'not-met', note: 'Thành viên' });
    expect(merged.answers.i3).toMatchObject({ value: 'full' });
    const open = resolveMerge(out.value, new Map([['i2', 'open' as const]]), 'a-new2', 't');
    expect(open.answers.i2).toBeUndefined();
    // The parts themselves are untouched.
    expect(lead.answers.i2).toMatchObject({ value: 'met' });
  });
});

describe('<tc-merge>', () => {
  const store = appStore();
  beforeAll(() => {
    store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
    store.ready = true;
  });
  afterEach(() => {
    document.body.replaceChildren();
    store.assessments.clear();
  });

  it('shows each conflict with every part’s answer and keeps saving off until all are decided', async () => {
    store.assessments.set(lead.id, lead);
    store.assessments.set(part.id, part);
    const el = document.createElement('tc-merge') as TcMerge;
    el.leadId = lead.id;
    await mount(el);
    const box = el.shadowRoot!.querySelector('input[data-part="a-part"]') as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const conflict = el.shadowRoot!.querySelector('[data-conflict="i2"]')!;
    expect(conflict.textContent).toContain('Đạt');
    expect(conflict.textContent).toContain('Không đạt');
    expect(conflict.textContent).toContain('Thành viên');
    const save = el.shadowRoot!.querySelector('button[data-action="merge-save"]') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const radios = conflict.querySelectorAll('input[type="radio"]');
    expect(radios).toHaveLength(3); // two parts + leave open
    (radios[1] as HTMLInputElement).dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect((el.shadowRoot!.querySelector('button[data-action="merge-save"]') as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});
