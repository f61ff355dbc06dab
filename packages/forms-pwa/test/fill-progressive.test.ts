import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../src/fill/tc-fill.js';
import type { TcFill } from '../src/fill/tc-fill.js';
import { ProgressiveController } from '../src/fill/progressive.js';
import type { Assessment, CriteriaSet } from '../src/core.js';
import { appStore } from '../src/state/store.js';
import { locale, setLocale } from '../src/i18n.js';
import set1300Json from '../../../criteria/qd1300-commune-health.json';
import set6858Json from '../../../criteria/qd6858-hospital-quality-subset.json';
import { draft, mount } from './helpers.js';

const set1300 = set1300Json as unknown as CriteriaSet;
const set6858 = set6858Json as unknown as CriteriaSet;
const store = appStore();
const itemsOf = (set: CriteriaSet, section = 0) =>
  set.sections[section]!.criteria.flatMap((c) => c.items.map((it) => ({ id: it.id, kind: it.response.kind })));

beforeEach(() => {
  for (const s of [set1300, set6858]) store.sets.set(`${s.id}@${s.version}`, s);
  store.ready = true;
});
afterEach(() => {
  document.body.replaceChildren();
  store.assessments.clear();
});

function put(set: CriteriaSet, answers: Assessment['answers'], id: string): Assessment {
  const a = draft(answers, id);
  a.criteriaSet = { id: set.id, version: set.version };
  if (set === set6858) a.facility = { id: 'h1', name: 'Bệnh viện huyện', kind: 'hospital' };
  store.assessments.set(a.id, a);
  return a;
}

async function open(id: string): Promise<TcFill> {
  const el = document.createElement('tc-fill') as TcFill;
  el.assessmentId = id;
  return mount(el);
}

const cards = (el: TcFill) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('tc-item-card')];

/** Waits (a few seconds at most) until `ok()` holds. */
async function until(ok: () => boolean): Promise<void> {
  for (let k = 0; k < 200 && !ok(); k++) await new Promise((r) => setTimeout(r, 20));
  expect(ok()).toBe(true);
}

// 47 cards in happy-dom take seconds on a loaded machine.
describe('the fill-in view renders its item cards a few at a time (issue 20)', { timeout: 30_000 }, () => {
  it('shows the first cards at once and every card of the 1300 form by itself, in order, each answerable', async () => {
    put(set1300, {}, 'a-chunks');
    const el = await open('a-chunks');
    const first = cards(el).length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(47);
    await until(() => cards(el).length === 47);
    await el.updateComplete;
    expect(cards(el).map((c) => c.dataset.itemId)).toEqual(itemsOf(set1300).map((i) => i.id));
    // Every criterion heading is there too, once.
    expect([...el.shadowRoot!.querySelectorAll('.criterion')].map((c) => c.getAttribute('data-criterion'))).toEqual(
      set1300.sections[0]!.criteria.map((c) => c.id),
    );
    for (const card of cards(el)) {
      const control = card.shadowRoot!.querySelector('tc-answer-control')!;
      await (control as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      // Its buttons are in the card's shadow root (no shadow root of its own since issue 20).
      expect(control.shadowRoot).toBeNull();
      expect(control.querySelector('button[data-value], input[data-number]')).not.toBeNull();
    }
    // The last card answers like the first.
    const last = cards(el).at(-1)!;
    const met = last.shadowRoot!.querySelector<HTMLButtonElement>('tc-answer-control button[data-value="met"]')!;
    met.click();
    expect(store.assessments.get('a-chunks')!.answers['t10.3']?.value).toBe('met');
  });

  it('jumps "next" to an open item further down than the cards rendered so far, and focuses it', async () => {
    // Everything answered but the last item: "next" must land on t10.3, not rendered when the view opens.
    const answers: Assessment['answers'] = {};
    for (const it of itemsOf(set1300).slice(0, -1))
      answers[it.id] = it.kind === 'numeric' ? { value: 100 } : { value: 'met' };
    put(set1300, answers, 'a-jump');
    const el = await open('a-jump');
    expect(el.shadowRoot!.querySelector('tc-item-card[data-item-id="t10.3"]')).toBeNull();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="next"]')!.click();
    await until(() => {
      const card = el.shadowRoot!.querySelector('tc-item-card[data-item-id="t10.3"]');
      return !!card?.shadowRoot?.activeElement;
    });
    expect(el.shadowRoot!.querySelector('[data-stopped]')?.getAttribute('data-stopped')).toBe('unanswered');
    // The focus is on the item's answer (the control renders into the card's shadow root since issue 20).
    const focused = el.shadowRoot!.querySelector('tc-item-card[data-item-id="t10.3"]')!.shadowRoot!.activeElement;
    expect(focused?.closest('tc-answer-control')).not.toBeNull();
  });

  it('shows a criterion chosen in the navigation even before its cards were due', async () => {
    put(set1300, {}, 'a-show');
    const el = await open('a-show');
    expect(el.shadowRoot!.querySelector('.criterion[data-criterion="t10"]')).toBeNull();
    el.shadowRoot!.querySelector('aside')!.dispatchEvent(
      new CustomEvent('criterion-jump', { detail: { section: set1300.sections[0]!.id, criterion: 't10' } }),
    );
    await until(() => el.shadowRoot!.activeElement?.closest('.criterion')?.getAttribute('data-criterion') === 't10');
  });

  it('keeps the level groups of a set of levels in order as they fill in', async () => {
    put(set6858, {}, 'a-levels');
    const el = await open('a-levels');
    const want = itemsOf(set6858).length;
    await until(() => cards(el).length === want);
    // Within each criterion the cards come level by level (the ladder), each group under its own heading.
    for (const c of el.shadowRoot!.querySelectorAll('.criterion')) {
      const id = c.getAttribute('data-criterion')!;
      const crit = set6858.sections[0]!.criteria.find((x) => x.id === id)!;
      const levels = [...new Set(crit.items.map((i) => i.level ?? 1))].sort((a, b) => a - b);
      const headings = [...el.shadowRoot!.querySelectorAll('h4.rung')].filter((h) =>
        crit.items.some((i) => h.nextElementSibling?.querySelector(`[data-item-id="${i.id}"]`)),
      );
      expect(headings.map((h) => Number(h.getAttribute('data-rung')))).toEqual(levels);
    }
  });
});

describe('an answer tap re-renders the fill-in view once', { timeout: 30_000 }, () => {
  it('renders again for a new answer or another language, not for a store change it does not show', async () => {
    put(set1300, {}, 'a-quiet');
    const el = await open('a-quiet');
    await until(() => cards(el).length === 47);
    await el.updateComplete;
    const render = vi.spyOn(el, 'render');
    // The save indicator's changes (a write queued, a write done) reach every view as a plain store change.
    store.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(render).not.toHaveBeenCalled();
    store.answer('a-quiet', 't1.1', { value: 'met' });
    await el.updateComplete;
    expect(render).toHaveBeenCalledTimes(1);
    const card = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(
      'tc-item-card[data-item-id="t1.1"]',
    )!;
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('article')!.dataset.status).toBe('answered');
    const was = locale();
    setLocale(was === 'vi' ? 'en' : 'vi');
    await el.updateComplete;
    expect(render).toHaveBeenCalledTimes(2);
    setLocale(was);
  });
});

describe('ProgressiveController', () => {
  it('sizes each chunk by how long the last one took, between the first and the largest step, and renders the rest on demand', async () => {
    let updates = 0;
    const host = {
      addController: () => undefined,
      removeController: () => undefined,
      requestUpdate: () => void updates++,
      updateComplete: Promise.resolve(true),
    };
    let pending: (() => void) | undefined;
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    const p = new ProgressiveController(host, {
      first: 6,
      step: 4,
      budgetMs: 20,
      maxStep: 16,
      schedule: (next) => {
        pending = next;
        return () => (pending = undefined);
      },
    });
    p.total = 100;
    expect(p.limit).toBe(6);
    p.hostUpdated(); // first render done: the next chunk waits for the scheduler
    expect(updates).toBe(0);
    // A chunk: asked for, then the host and its entries render (timed until `settled` resolves), then the host's
    // updated() schedules the next one.
    const chunk = async (ms: number) => {
      pending!();
      now += ms;
      await new Promise((r) => setTimeout(r, 0));
      p.hostUpdated();
    };
    await chunk(40); // 4 cards took 40 ms, twice the budget: 2 would fit, but never fewer than the first step
    expect([p.limit, updates]).toEqual([10, 1]);
    await chunk(8); // 4 cards in 8 ms: 10 fit
    expect(p.limit).toBe(14);
    await chunk(2); // 10 cards in 2 ms: 100 would fit, the largest step is 16
    expect(p.limit).toBe(24);
    await chunk(2);
    expect(p.limit).toBe(40);
    p.hostUpdated();
    expect(pending).toBeDefined();
    await p.all(); // a jump: everything now, and the chunk waiting is cancelled
    expect([p.limit, p.complete, pending]).toEqual([Infinity, true, undefined]);
    p.reset();
    expect(p.limit).toBe(6);
    clock.mockRestore();
  });

  it("times a chunk until its entries have rendered too, not only the host's own update", async () => {
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    let pending: (() => void) | undefined;
    let settle: (() => void) | undefined;
    const host = {
      addController: () => undefined,
      removeController: () => undefined,
      requestUpdate: () => undefined,
      updateComplete: Promise.resolve(true),
    };
    const p = new ProgressiveController(host, {
      first: 6,
      step: 4,
      budgetMs: 20,
      maxStep: 64,
      schedule: (next) => {
        pending = next;
        return () => (pending = undefined);
      },
      settled: () => new Promise<void>((r) => (settle = r)),
    });
    p.total = 100;
    p.hostUpdated();
    pending!();
    now += 1; // the host rendered in 1 ms (at 1 ms, 80 cards would seem to fit the budget)...
    p.hostUpdated();
    now += 79; // ...and its four cards then rendered themselves in 79 ms more: 80 ms for four cards
    settle!();
    await new Promise((r) => setTimeout(r, 0));
    pending!();
    expect(p.limit).toBe(14); // 6 + 4 + 4: the step stayed at its floor, it did not jump to 64
    clock.mockRestore();
  });
});
