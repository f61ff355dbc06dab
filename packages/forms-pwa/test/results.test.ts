import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../src/results/tc-results.js';
// Results loads its PDF buttons as a chunk of their own; loaded here first, so no module load is still under way
// when a test ends and its environment is torn down.
import '../src/results/tc-report-export.js';
import type { TcResults } from '../src/results/tc-results.js';
import { lockAssessment } from '../src/core-checked.js';
import { appStore } from '../src/state/store.js';
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

async function results(id: string): Promise<TcResults> {
  const el = document.createElement('tc-results') as TcResults;
  el.assessmentId = id;
  return mount(el);
}
const all = { i1: { value: 'met' }, i2: { value: 'met' }, i3: { value: 'full' }, i4: { value: 5 } };

describe('<tc-results> and the verdict recorded at locking', () => {
  it('shows no flag when the current engine decides as it did at locking', async () => {
    const locked = lockAssessment(draft(all, 'a-lock-same'), smallSet, '2026-12-01T09:00:00Z');
    expect(locked.scoredAtLock?.decision).toBe('pass');
    store.assessments.set(locked.id, locked);
    const el = await results(locked.id);
    expect(el.shadowRoot!.querySelector('[data-verdict-changed]')).toBeNull();
  });

  it('flags a locked assessment that the current engine decides differently, naming both verdicts', async () => {
    const locked = lockAssessment(draft(all, 'a-lock-diff'), smallSet, '2026-12-01T09:00:00Z');
    // as recorded by an older engine that decided "fail"
    const older = {
      ...locked,
      scoredAtLock: { ...locked.scoredAtLock!, engineVersion: '1', decision: 'fail' as const },
    };
    store.assessments.set(older.id, older);
    const el = await results(older.id);
    const flag = el.shadowRoot!.querySelector('[data-verdict-changed]');
    expect(flag?.textContent).toContain('"không đạt"');
    expect(flag?.textContent).toContain('"đạt"');
    expect(flag?.getAttribute('role')).toBe('alert');
  });
});
