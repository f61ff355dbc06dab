import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../src/fill/tc-fill.js';
import type { TcFill } from '../src/fill/tc-fill.js';
import { NARROW_QUERY } from '../src/fill/narrow.js';
import { appStore } from '../src/state/store.js';
import { draft, mount, smallSet } from './helpers.js';

const store = appStore();

/** A `matchMedia` whose narrow-screen answer the test sets, and flips with a `change` event. */
function fakeMedia(narrow: boolean) {
  const listeners = new Set<(e: MediaQueryListEvent) => void>();
  const list = {
    media: NARROW_QUERY,
    matches: narrow,
    addEventListener: (_: string, f: (e: MediaQueryListEvent) => void) => listeners.add(f),
    removeEventListener: (_: string, f: (e: MediaQueryListEvent) => void) => listeners.delete(f),
  };
  vi.stubGlobal('matchMedia', (q: string) => {
    expect(q).toBe(NARROW_QUERY);
    return list;
  });
  return (now: boolean) => {
    list.matches = now;
    for (const f of listeners) f({ matches: now } as MediaQueryListEvent);
  };
}

beforeEach(() => {
  store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
  store.ready = true;
  store.assessments.set('a-narrow', draft({ i1: { value: 'met' } }, 'a-narrow'));
});
afterEach(() => {
  document.body.replaceChildren();
  store.assessments.clear();
  vi.unstubAllGlobals();
});

async function open(): Promise<TcFill> {
  const el = document.createElement('tc-fill') as TcFill;
  el.assessmentId = 'a-narrow';
  return mount(el);
}

const q = (el: TcFill, sel: string) => el.shadowRoot!.querySelectorAll(sel).length;

describe('the fill-in view builds only the bar it shows (issue 20)', () => {
  it('on a narrow screen: the top bar with its compact score, no side column panel or navigation', async () => {
    fakeMedia(true);
    const el = await open();
    expect(q(el, '.mobile-bar tc-score-panel[compact]')).toBe(1);
    expect(q(el, 'aside tc-score-panel, aside tc-section-nav')).toBe(0);
    // "next" stays in both (its button is cheap and always reachable).
    expect(q(el, '.mobile-bar button[data-action="next"]')).toBe(1);
  });

  it('on a wide screen: the side column with the full score and navigation, no compact score', async () => {
    fakeMedia(false);
    const el = await open();
    expect(q(el, 'aside tc-score-panel:not([compact])')).toBe(1);
    expect(q(el, 'aside tc-section-nav')).toBe(1);
    expect(q(el, '.mobile-bar tc-score-panel')).toBe(0);
  });

  it('follows the screen turning, and builds both while printing', async () => {
    const turn = fakeMedia(false);
    const el = await open();
    turn(true);
    await el.updateComplete;
    expect(q(el, '.mobile-bar tc-score-panel')).toBe(1);
    expect(q(el, 'aside tc-section-nav')).toBe(0);
    dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect(q(el, 'tc-score-panel')).toBe(2);
    expect(q(el, 'aside tc-section-nav')).toBe(1);
    dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(q(el, 'aside tc-section-nav')).toBe(0);
  });
});
