import { afterEach, describe, expect, it } from 'vitest';
import '../src/fill/tc-score-panel.js';
import type { TcScorePanel } from '../src/fill/tc-score-panel.js';
import { draft, mount, scored, shadowText } from './helpers.js';

async function panel(answers: Parameters<typeof draft>[0], sectionId?: string) {
  const el = document.createElement('tc-score-panel') as TcScorePanel;
  el.result = scored(draft(answers));
  if (sectionId) el.sectionId = sectionId;
  return mount(el);
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<tc-score-panel>', () => {
  it('shows the total as core displays it and "incomplete" while items are open', async () => {
    const el = await panel({ i1: { value: 'met' } });
    expect(el.shadowRoot!.querySelector('[data-total]')!.textContent).toBe('2/10');
    expect(el.shadowRoot!.querySelector('[data-decision]')!.getAttribute('data-decision')).toBe('incomplete');
  });

  it('passes when every rule holds', async () => {
    const el = await panel({ i1: { value: 'met' }, i2: { value: 'met' }, i3: { value: 'full' }, i4: { value: 5 } });
    expect(el.shadowRoot!.querySelector('[data-decision]')!.getAttribute('data-decision')).toBe('pass');
    expect(shadowText(el)).toContain('100,0 %');
    expect([...el.shadowRoot!.querySelectorAll('li')].every((li) => li.dataset.status === 'passed')).toBe(true);
  });

  it('explains a failed knockout even with a high total', async () => {
    const el = await panel({ i1: { value: 'not-met' }, i2: { value: 'met' }, i3: { value: 'full' }, i4: { value: 5 } });
    expect(el.shadowRoot!.querySelector('[data-decision]')!.getAttribute('data-decision')).toBe('fail');
    const ko = el.shadowRoot!.querySelector('li[data-rule="no-failed-knockout"]')!;
    expect(ko.getAttribute('data-status')).toBe('failed');
    expect(ko.textContent).toContain('điểm liệt');
  });

  it("leaves the rule list out of the compact panel (the narrow screens' bar), not just hidden", async () => {
    const el = document.createElement('tc-score-panel') as TcScorePanel;
    el.result = scored(draft({ i1: { value: 'not-met' } }));
    el.compact = true;
    await mount(el);
    expect(el.shadowRoot!.querySelector('[data-total]')!.textContent).toBe('0/10');
    expect(el.shadowRoot!.querySelector('.rules, li[data-rule]')).toBeNull();
  });

  it('shows the current section score', async () => {
    const el = await panel({ i2: { value: 'partial' } }, 's1');
    expect(el.shadowRoot!.querySelector('[data-section-score]')!.textContent).toContain('1/4');
  });

  it('drops N/A items from the maximum', async () => {
    const el = await panel({ i2: { na: true } });
    expect(el.shadowRoot!.querySelector('[data-total]')!.textContent).toBe('0/8');
  });
});
