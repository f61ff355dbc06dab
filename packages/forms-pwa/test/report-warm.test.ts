import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The worker side is not what is tested here: only whether the warm-up is asked for.
const { warm } = vi.hoisted(() => ({ warm: vi.fn((_photos: unknown[], _report?: unknown) => Promise.resolve()) }));
vi.mock('../src/report/client.js', () => ({ warm, render: vi.fn() }));

import '../src/results/tc-report-export.js';
import type { TcReportExport } from '../src/results/tc-report-export.js';
import { appStore } from '../src/state/store.js';
import { draft, frames, mount, smallSet } from './helpers.js';

const store = appStore();

beforeEach(() => {
  warm.mockClear();
  store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
  store.ready = true;
  store.assessments.set('a-warm', draft({}, 'a-warm'));
});
afterEach(() => {
  document.body.replaceChildren();
  store.assessments.clear();
});

async function exportButtons(): Promise<TcReportExport> {
  const el = document.createElement('tc-report-export') as TcReportExport;
  el.assessmentId = 'a-warm';
  return mount(el);
}

describe('<tc-report-export> warm-up', () => {
  it('starts the worker once Results is painted, once per assessment, with the report to make ahead', async () => {
    const el = await exportButtons();
    await frames(3);
    // The report's data is read from the store first (IndexedDB): the call comes after a few more turns.
    await vi.waitFor(() => expect(warm).toHaveBeenCalledTimes(1));
    expect(warm.mock.calls[0]![1]).toMatchObject({ kind: 'report', lang: 'vi', assessment: { id: 'a-warm' } });
    el.requestUpdate();
    await el.updateComplete;
    await frames(2);
    expect(warm).toHaveBeenCalledTimes(1);
  });

  it('does not start when Results is left before its first frame', async () => {
    const el = await exportButtons();
    el.remove();
    await frames(3);
    expect(warm).not.toHaveBeenCalled();
  });
});
