import { afterEach, describe, expect, it, vi } from 'vitest';
import '../src/fill/tc-item-card.js';
import type { TcItemCard } from '../src/fill/tc-item-card.js';
import type { AnswerChangeDetail } from '../src/fill/tc-answer-control.js';
import { setLocale } from '../src/i18n.js';
import { draft, mount, scored, shadowText, smallSet } from './helpers.js';

const items = smallSet.sections.flatMap((s) => s.criteria.flatMap((c) => c.items));
const item = (id: string) => items.find((i) => i.id === id)!;

async function card(id: string, answers = {}, readonly = false) {
  const a = draft(answers);
  const r = scored(a);
  const el = document.createElement('tc-item-card') as TcItemCard;
  el.item = item(id);
  el.answer = a.answers[id];
  el.result = r.sections.flatMap((s) => s.criteria.flatMap((c) => c.items)).find((x) => x.id === id);
  el.readonly = readonly;
  await mount(el);
  const control = el.shadowRoot!.querySelector('tc-answer-control')!;
  await control?.updateComplete;
  return { el, control };
}

afterEach(() => {
  document.body.replaceChildren();
  setLocale('vi');
});

describe('<tc-item-card>', () => {
  it('renders criteria text as text, never as markup', async () => {
    const { el } = await card('i1');
    expect(el.shadowRoot!.querySelector('b')).toBeNull();
    expect(shadowText(el)).toContain('Có nước sạch <b>không</b>');
  });

  it('says in plain words, per item, whether its wording is official, paraphrased or drafted by the team', async () => {
    const base = item('i1');
    const words: Record<string, string> = {
      official: 'Nguyên văn văn bản',
      paraphrase: 'Diễn đạt lại',
      drafted: 'Do nhóm Tiêu Chí soạn',
    };
    for (const [wording, shown] of Object.entries(words)) {
      const el = document.createElement('tc-item-card') as TcItemCard;
      el.item = {
        ...base,
        provenance: {
          wording: wording as 'official',
          sources: [{ address: 'https://example.org/<b>x</b>', excerpt: 'đọc <i>được</i>' }],
        },
      };
      await mount(el);
      expect(el.shadowRoot!.querySelector('[data-wording]')?.textContent).toBe(shown);
      el.shadowRoot!.querySelector('summary')!.click();
      await el.updateComplete;
      // The source address and excerpt are untrusted text: shown as text, never as markup.
      expect(shadowText(el)).toContain('https://example.org/<b>x</b>');
      expect(el.shadowRoot!.querySelector('details i, details b')).toBeNull();
      el.remove();
    }
  });

  it('builds what its details hold when they are first opened, by a tap on the summary or otherwise', async () => {
    const withSource = {
      ...item('i1'),
      guidance: { vi: 'Xem sổ theo dõi' },
      provenance: { wording: 'drafted' as const, sources: [{ address: 'https://example.org/nguon' }] },
    };
    for (const open of ['tap', 'toggle'] as const) {
      const el = document.createElement('tc-item-card') as TcItemCard;
      el.item = withSource;
      await mount(el);
      const details = el.shadowRoot!.querySelector('details')!;
      expect(details.querySelector('summary')).not.toBeNull();
      expect(details.querySelector('.guidance, .source')).toBeNull(); // closed: not built
      if (open === 'tap') details.querySelector('summary')!.click();
      else {
        details.open = true;
        details.dispatchEvent(new Event('toggle'));
      }
      await el.updateComplete;
      expect(details.querySelector('.guidance')?.textContent).toBe('Xem sổ theo dõi');
      expect(details.querySelector('.source')?.textContent).toContain('https://example.org/nguon');
      el.remove();
    }
  });

  it('marks a knockout item', async () => {
    const { el } = await card('i1');
    expect(el.shadowRoot!.querySelector('.card.knockout')).not.toBeNull();
    expect(shadowText(el)).toContain('ĐIỂM LIỆT');
  });

  it('fires answer-change with the chosen value', async () => {
    const { el, control } = await card('i1');
    const seen = vi.fn();
    el.addEventListener('answer-change', (e) => seen((e as CustomEvent<AnswerChangeDetail>).detail));
    control.querySelector<HTMLButtonElement>('button[data-value="met"]')!.click();
    expect(seen).toHaveBeenCalledWith({ itemId: 'i1', patch: { value: 'met' } });
  });

  it('offers N/A only where the set allows it', async () => {
    expect((await card('i1')).control.querySelector('button.na')).toBeNull();
    document.body.replaceChildren();
    expect((await card('i2')).control.querySelector('button.na')).not.toBeNull();
  });

  it('shows graded buttons and presses the current answer', async () => {
    const { control } = await card('i2', { i2: { value: 'partial' } });
    const pressed = [...control.querySelectorAll('button[aria-pressed="true"]')].map((b) =>
      b.getAttribute('data-value'),
    );
    expect(pressed).toEqual(['partial']);
    expect(control.querySelectorAll('button[data-value]').length).toBe(3);
  });

  it('warns when a required photo is missing and the knockout failed', async () => {
    const { el } = await card('i1', { i1: { value: 'not-met' } });
    const text = shadowText(el);
    expect(text).toContain('Cần ảnh minh chứng');
    expect(text).toContain('Không đạt điểm liệt');
  });

  it('sends note changes', async () => {
    const { el } = await card('i3');
    const seen = vi.fn();
    el.addEventListener('answer-change', (e) => seen((e as CustomEvent<AnswerChangeDetail>).detail));
    const ta = el.shadowRoot!.querySelector('textarea')!;
    ta.value = '<img src=x onerror=alert(1)>';
    ta.dispatchEvent(new Event('input'));
    expect(seen).toHaveBeenCalledWith({ itemId: 'i3', patch: { note: '<img src=x onerror=alert(1)>' } });
  });

  it('shows a note as text when read-only and disables the control', async () => {
    const { el, control } = await card('i3', { i3: { value: 'full', note: '<img src=x onerror=alert(1)>' } }, true);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(shadowText(el)).toContain('<img src=x onerror=alert(1)>');
    expect(control.querySelector('button')!.disabled).toBe(true);
  });

  it('switches to English', async () => {
    const { el } = await card('i2');
    setLocale('en');
    await el.updateComplete;
    expect(shadowText(el)).toContain('Clean toilets');
  });

  it('sends a number for a numeric item', async () => {
    const { el, control } = await card('i4');
    const seen = vi.fn();
    el.addEventListener('answer-change', (e) => seen((e as CustomEvent<AnswerChangeDetail>).detail));
    const input = control.querySelector('input')!;
    input.value = '4';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    expect(seen).toHaveBeenCalledWith({ itemId: 'i4', patch: { value: 4 } });
  });
});

describe('<tc-answer-control> numbers (issue 13)', () => {
  async function numeric(id = 'i4', answers = {}) {
    const { el, control } = await card(id, answers);
    const seen = vi.fn();
    el.addEventListener('answer-change', (e) => seen((e as CustomEvent<AnswerChangeDetail>).detail.patch));
    const input = control.querySelector('input')!;
    const type = async (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await control.updateComplete;
    };
    return { el, control, input, seen, type };
  }

  it('saves as typed once typing pauses, not on every key', async () => {
    vi.useFakeTimers();
    try {
      const { seen, type } = await numeric();
      await type('4');
      await type('45');
      expect(seen).not.toHaveBeenCalled();
      vi.advanceTimersByTime(600);
      expect(seen).toHaveBeenCalledTimes(1);
      expect(seen).toHaveBeenCalledWith({ value: 45 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads a decimal comma in Vietnamese and echoes it in the same format', async () => {
    const { input, seen, type } = await numeric();
    await type('4,5');
    input.dispatchEvent(new Event('change'));
    expect(seen).toHaveBeenCalledWith({ value: 4.5 });
  });

  it('refuses a value below the minimum at the field and sends nothing', async () => {
    const { control, input, seen, type } = await numeric();
    await type('-2');
    input.dispatchEvent(new Event('change'));
    await control.updateComplete;
    expect(seen).not.toHaveBeenCalled();
    expect(control.querySelector('[data-number-error]')?.textContent).toContain('từ 0 trở lên');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses more decimal places than the item allows, and takes a whole number for a count', async () => {
    const { el, control, input, seen, type } = await numeric();
    const i4 = item('i4');
    el.item = {
      ...i4,
      response: { ...(i4.response as Extract<typeof i4.response, { kind: 'numeric' }>), decimals: 0 },
    };
    await el.updateComplete;
    await control.updateComplete;
    await type('4,5');
    input.dispatchEvent(new Event('change'));
    await control.updateComplete;
    expect(seen).not.toHaveBeenCalled();
    expect(control.querySelector('[data-number-error]')?.textContent).toContain('chỉ nhận số nguyên');
    await type('4');
    input.dispatchEvent(new Event('change'));
    expect(seen).toHaveBeenCalledWith({ value: 4 });
  });

  it('refuses text that is not a number instead of dropping a separator (English: 9,5)', async () => {
    setLocale('en');
    const { control, input, seen, type } = await numeric();
    await type('9,5');
    input.dispatchEvent(new Event('change'));
    await control.updateComplete;
    expect(seen).not.toHaveBeenCalled();
    expect(control.querySelector('[data-number-error]')?.textContent).toContain('not a number');
  });

  it('asks whether "1.500" is thousands or a decimal, and sends only the chosen reading', async () => {
    const { control, input, seen, type } = await numeric();
    await type('1.500');
    input.dispatchEvent(new Event('change'));
    await control.updateComplete;
    expect(seen).not.toHaveBeenCalled();
    const buttons = control.querySelectorAll<HTMLButtonElement>('[data-number-ambiguous] button');
    expect([...buttons].map((b) => b.textContent?.trim())).toEqual([
      '1.500 (dấu chấm phân cách hàng nghìn)',
      '1,5 (dấu chấm là dấu thập phân)',
    ]);
    buttons[0]!.click();
    expect(seen).toHaveBeenCalledWith({ value: 1500 });
  });

  it('flags a stored value the item refuses instead of failing', async () => {
    const control = document.createElement('tc-answer-control');
    control.item = item('i4');
    control.answer = { value: -7 };
    await mount(control);
    expect(control.querySelector('[data-number-error]')?.textContent).toContain('-7');
  });
});

describe('<tc-answer-control> count with a target (issue 18)', () => {
  const countItem = {
    id: 'k1',
    text: { vi: 'Số lần kiểm tra trong năm', en: 'Inspections in the year' },
    response: {
      kind: 'count' as const,
      target: 4,
      comparison: 'at-least' as const,
      points: 2,
      unit: { vi: 'lần', en: 'times' },
    },
    provenance: { wording: 'paraphrase' as const },
  };

  async function counter() {
    const control = document.createElement('tc-answer-control');
    control.item = countItem;
    await mount(control);
    const seen = vi.fn();
    control.addEventListener('answer-change', (e) => seen((e as CustomEvent<AnswerChangeDetail>).detail.patch));
    const input = control.querySelector('input')!;
    const type = async (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('change'));
      await control.updateComplete;
    };
    return { control, input, seen, type };
  }

  it('is a number field that shows the target with its unit, in each language', async () => {
    const { control } = await counter();
    expect(control.querySelector('[data-number-hint]')?.textContent).toBe('Mục tiêu: từ 4 lần trở lên');
    expect(control.querySelector('input')?.getAttribute('aria-describedby')).toBe('num-hint num-msg');
    setLocale('en');
    await control.updateComplete;
    expect(control.querySelector('[data-number-hint]')?.textContent).toBe('Target: 4 times or more');
  });

  it('sends a whole count, and refuses a fraction or a negative count at the field', async () => {
    const { control, input, seen, type } = await counter();
    await type('3,5');
    expect(control.querySelector('[data-number-error]')?.textContent).toContain('chỉ nhận số nguyên');
    await type('-1');
    expect(control.querySelector('[data-number-error]')?.textContent).toContain('từ 0 trở lên');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(seen).not.toHaveBeenCalled();
    await type('3');
    expect(seen).toHaveBeenCalledWith({ value: 3 });
  });
});
