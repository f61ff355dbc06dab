import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Whether Home asks for the report worker's early warm-up (report/early.ts decides when and how often).
const { warmAfterPaint } = vi.hoisted(() => ({ warmAfterPaint: vi.fn() }));
vi.mock('../src/report/early.js', () => ({ warmAfterPaint }));

import '../src/shell/tc-home.js';
import { appStore } from '../src/state/store.js';
import { draft, mount, smallSet } from './helpers.js';

const store = appStore();

beforeEach(() => {
  warmAfterPaint.mockClear();
  store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
  store.ready = true;
});
afterEach(() => {
  document.body.replaceChildren();
  store.assessments.clear();
});

describe('Home and the report worker', () => {
  it('gets the worker ready when the device holds a submitted or locked assessment', async () => {
    store.assessments.set('a-draft', draft({}, 'a-draft'));
    store.assessments.set('a-locked', { ...draft({}, 'a-locked'), status: 'locked' });
    await mount(document.createElement('tc-home'));
    await vi.waitFor(() => expect(warmAfterPaint).toHaveBeenCalledTimes(1));
  });

  it('leaves it alone when every assessment is a draft (no report can be made yet)', async () => {
    store.assessments.set('a-draft', draft({}, 'a-draft'));
    const home = await mount(document.createElement('tc-home'));
    home.requestUpdate();
    await home.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(warmAfterPaint).not.toHaveBeenCalled();
  });
});
