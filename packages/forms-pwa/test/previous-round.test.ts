import { describe, expect, it, vi } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import type { Assessment } from '../src/core.js';
import type { AppStore } from '../src/state/store.js';
import { draft, scored, smallSet } from './helpers.js';

// Counts the searches for the previous assessment (the scan over every assessment on the device).
const searches = vi.hoisted(() => ({ n: 0 }));
vi.mock('../src/loop/scored.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/loop/scored.js')>();
  return {
    ...real,
    previousOf: (...args: Parameters<typeof real.previousOf>) => {
      searches.n++;
      return real.previousOf(...args);
    },
  };
});
const { PreviousRoundController } = await import('../src/loop/previous-round.js');

const host = (): ReactiveControllerHost => ({
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
});

/** A store with just what the controller reads: the assessments, their set and score, no stored plan. */
function fakeStore(list: Assessment[]) {
  const assessments = new Map(list.map((a) => [a.id, a]));
  const store = {
    assessments,
    setFor: () => smallSet,
    resultFor: (a: Assessment) => scored(a),
    storage: { getPlanForAssessment: async () => undefined },
  };
  return store as unknown as AppStore & { assessments: Map<string, Assessment> };
}

const earlier = (): Assessment => ({
  ...draft({ i1: { value: 'not-met' } }, 'a-last-year'),
  status: 'locked',
  assessedOn: '2025-05-02',
});
const now = (answers: Assessment['answers'] = {}): Assessment => ({
  ...draft(answers, 'a-now'),
  assessedOn: '2026-05-04',
});

describe('PreviousRoundController (issue 20)', () => {
  it('finds last time once per assessment: an answer (a new copy of the same assessment) does not search again', () => {
    const store = fakeStore([earlier(), now()]);
    const c = new PreviousRoundController(host(), store);
    searches.n = 0;
    const first = c.hintsFor(store.assessments.get('a-now')!);
    expect(first.get('i1')?.value).toBe('not-met');
    for (const v of ['met', 'not-met', 'met']) {
      const next = now({ i2: { value: v } });
      store.assessments.set(next.id, next);
      expect(c.hintsFor(next)).toBe(first);
    }
    expect(searches.n).toBe(1);
  });

  it('searches again when another assessment is added, replaced or removed', () => {
    const store = fakeStore([now()]);
    const c = new PreviousRoundController(host(), store);
    const a = store.assessments.get('a-now')!;
    expect(c.hintsFor(a).size).toBe(0);
    store.assessments.set('a-last-year', earlier());
    expect(c.hintsFor(a).get('i1')).toBeDefined();
    // Last year's copy replaced (another device's note merged in): its hint follows.
    const noted = { ...earlier(), updatedAt: '2025-06-01T08:00:00Z' };
    noted.answers = { i1: { value: 'not-met', note: 'Hết hạn' } };
    store.assessments.set('a-last-year', noted);
    expect(c.hintsFor(a).get('i1')?.note).toBe('Hết hạn');
    store.assessments.delete('a-last-year');
    expect(c.hintsFor(a).size).toBe(0);
  });

  it('searches again when the assessment moves to another day', () => {
    const store = fakeStore([earlier(), now()]);
    const c = new PreviousRoundController(host(), store);
    expect(c.hintsFor(store.assessments.get('a-now')!).size).toBeGreaterThan(0);
    // Dated before last year's: there is no "last time" any more.
    const moved = { ...now(), assessedOn: '2024-01-01' };
    store.assessments.set(moved.id, moved);
    expect(c.hintsFor(moved).size).toBe(0);
  });
});

describe('LazyPreviousRound: last round hints after the first cards (issue 20)', () => {
  it('gives no hints at first, then the previous round once its code has loaded, and re-renders its host', async () => {
    const { LazyPreviousRound } = await import('../src/fill/previous-lazy.js');
    const store = fakeStore([earlier(), now()]);
    let updated!: () => void;
    const rendered = new Promise<void>((resolve) => (updated = resolve));
    const lazy = new LazyPreviousRound({ ...host(), requestUpdate: () => updated() }, store);
    expect(lazy.hintsFor(store.assessments.get('a-now')!).size).toBe(0); // not on the first render's path
    await rendered;
    expect(lazy.hintsFor(store.assessments.get('a-now')!).get('i1')?.value).toBe('not-met');
    expect(customElements.get('tc-plan-hint')).toBeDefined();
  });

  it('loads nothing while the assessment is the only one on the device', async () => {
    const { LazyPreviousRound } = await import('../src/fill/previous-lazy.js');
    const store = fakeStore([now()]);
    const requestUpdate = vi.fn();
    const c = new LazyPreviousRound({ ...host(), requestUpdate }, store);
    expect(c.hintsFor(store.assessments.get('a-now')!).size).toBe(0);
    await new Promise((r) => setTimeout(r, 250)); // past the after-paint fallback (100 ms)
    expect(requestUpdate).not.toHaveBeenCalled();
  });
});
