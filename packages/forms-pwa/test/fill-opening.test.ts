/**
 * Opening the fill-in view in several tasks, not one (issue 20): on a slow tablet the view's code, core's first
 * score of the assessment and the first render each take tens of milliseconds; together they made one long task.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../src/fill/tc-fill.js';
import { TcFill } from '../src/fill/tc-fill.js';
import type { CriteriaSet } from '../src/core.js';
import { appStore } from '../src/state/store.js';
import set1300Json from '../../../criteria/qd1300-commune-health.json';
import { draft } from './helpers.js';

const set1300 = set1300Json as unknown as CriteriaSet;
const store = appStore();

beforeEach(() => {
  store.sets.set(`${set1300.id}@${set1300.version}`, set1300);
  store.ready = true;
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  store.assessments.clear();
});

describe('opening the fill-in view', { timeout: 30_000 }, () => {
  it('scores the assessment in a task of its own before the render that shows it, and renders only after a task', async () => {
    const a = draft({}, 'a-open');
    a.criteriaSet = { id: set1300.id, version: set1300.version };
    store.assessments.set(a.id, a);
    const log: string[] = [];
    let rendering = false;
    const render = TcFill.prototype.render;
    vi.spyOn(TcFill.prototype, 'render').mockImplementation(function (this: TcFill) {
      rendering = true;
      try {
        log.push('render');
        return render.call(this);
      } finally {
        rendering = false;
      }
    });
    const resultFor = store.resultFor.bind(store);
    vi.spyOn(store, 'resultFor').mockImplementation((x) => {
      if (!log.includes('score')) {
        log.push(rendering ? 'score in render' : 'score');
        // A timer set now runs before anything that waits for a later task: it marks the task boundary.
        setTimeout(() => log.push('next task'), 0);
      }
      return resultFor(x);
    });
    const el = document.createElement('tc-fill') as TcFill;
    el.assessmentId = a.id;
    document.body.append(el);
    for (let k = 0; k < 20; k++) await Promise.resolve(); // microtasks only: still the task that connected it
    expect(el.hasUpdated).toBe(false);
    await el.updateComplete;
    expect(log.slice(0, 3)).toEqual(['score', 'next task', 'render']);
    // The view then shows the first cards.
    expect(el.shadowRoot!.querySelector('tc-item-card')).not.toBeNull();
  });
});
