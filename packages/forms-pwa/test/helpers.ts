/** Small helpers shared by the component tests. */
import { score } from '@tieuchi/core';
import type { Assessment, CriteriaSet, ScoreResult } from '../src/core.js';
import type { AppStore } from '../src/state/store.js';
import setJson from './fixtures/small-set.json';

export const smallSet = setJson as unknown as CriteriaSet;

/** A draft assessment of the small set with the given answers. */
export function draft(answers: Assessment['answers'] = {}, id = 'a-test'): Assessment {
  return {
    schemaVersion: 1,
    kind: 'assessment',
    id,
    criteriaSet: { id: smallSet.id, version: smallSet.version },
    facility: { id: 'f1', name: 'Trạm Y tế phường An Khánh', kind: 'commune-station' },
    assessmentKind: 'self-assessment',
    status: 'draft',
    answers,
  };
}

/**
 * Gives `store` the small set and takes its first read as done, then creates a draft of the small set in it (the
 * tests' facility, kind and day) and returns the draft's id.
 */
export async function createDraft(
  store: Pick<AppStore, 'sets' | 'ready' | 'create'>,
  assessors: string[] = ['Lan'],
): Promise<string> {
  store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
  store.ready = true;
  return store.create({
    set: smallSet,
    facility: { id: 'f1', name: 'Trạm', kind: 'commune-station' },
    assessmentKind: 'self-assessment',
    assessors,
    assessedOn: '2025-03-01',
  });
}

/** core's score, unwrapped. */
export function scored(a: Assessment, set = smallSet): ScoreResult {
  const r = score(set, a);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** Appends an element, waits for its first render, returns it. */
export async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(el: T): Promise<T> {
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** The text content of an element's shadow root, whitespace collapsed. */
export const shadowText = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Resolves after `n` rounds of a frame then a task (what the views wait before work scheduled after a paint). */
export const frames = (n: number): Promise<void> =>
  new Promise<void>((done) => {
    const step = (k: number) => (k ? requestAnimationFrame(() => setTimeout(() => step(k - 1))) : done());
    step(n);
  });
