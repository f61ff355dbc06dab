import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The worker side is not what is tested here: only whether the early warm-up is asked for, and when.
const { warmEarly, preparePhotos } = vi.hoisted(() => ({
  warmEarly: vi.fn(() => Promise.resolve()),
  preparePhotos: vi.fn((_photos: unknown[]) => Promise.resolve()),
}));
vi.mock('../src/report/client.js', () => ({ warmEarly, preparePhotos, warm: vi.fn(), render: vi.fn() }));

import '../src/fill/tc-submit.js';
import { warmAfterPaint } from '../src/report/early.js';
import { prepareAfterImport } from '../src/report/prepare.js';
import { appStore } from '../src/state/store.js';
import { draft, frames, mount, smallSet } from './helpers.js';

const store = appStore();

beforeEach(() => {
  warmEarly.mockClear();
  preparePhotos.mockClear();
  store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
  store.ready = true;
  store.assessments.set('a-early', draft({}, 'a-early'));
});
afterEach(() => {
  document.body.replaceChildren();
  store.assessments.clear();
});

describe('the report worker’s early warm-up', () => {
  it('starts after an import that brought an assessment, even one without photos', async () => {
    prepareAfterImport(store, [draft({}, 'a-imported')]);
    await vi.waitFor(() => expect(warmEarly).toHaveBeenCalledTimes(1));
    expect(preparePhotos).not.toHaveBeenCalled(); // no photo to prepare
  });

  it('does not start after an import that brought no assessment', async () => {
    prepareAfterImport(store, []);
    await frames(2);
    expect(warmEarly).not.toHaveBeenCalled();
  });

  it('starts once the submit page is painted, not before, and only once per page', async () => {
    const el = document.createElement('tc-submit');
    el.assessmentId = 'a-early';
    const mounted = mount(el);
    expect(warmEarly).not.toHaveBeenCalled(); // nothing during the first render
    await mounted;
    await frames(2);
    await vi.waitFor(() => expect(warmEarly).toHaveBeenCalledTimes(1));
    warmAfterPaint();
    await frames(2);
    expect(warmEarly).toHaveBeenCalledTimes(1);
  });
});
