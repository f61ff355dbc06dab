import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanOutcome } from '../src/io/bundle.js';
import { planOffPage } from '../src/io/plan-off-page.js';

const known = { sets: new Map(), assessments: new Map() };
const file = new Blob(['{"kind":"bundle"}'], { type: 'application/json' });
const fromPage: PlanOutcome = {
  ok: false,
  errors: [{ code: 'page', pointer: '', message: { vi: 'trang', en: 'page' } }],
};
const fromWorker: PlanOutcome = {
  ok: false,
  errors: [{ code: 'worker', pointer: '', message: { vi: 'nền', en: 'bg' } }],
};

/** A stand-in Worker: answers each message with `reply`, or fails as a worker that cannot start. */
function fakeWorker(reply: 'answer' | 'error' | 'clone') {
  const made: { terminated: boolean; got?: unknown }[] = [];
  class FakeWorker {
    onmessage: ((e: { data: unknown }) => void) | null = null;
    onerror: ((e: { message: string }) => void) | null = null;
    onmessageerror: (() => void) | null = null;
    private readonly rec = { terminated: false } as { terminated: boolean; got?: unknown };
    constructor() {
      made.push(this.rec);
    }
    postMessage(data: unknown) {
      if (reply === 'clone') throw new DOMException('could not be cloned', 'DataCloneError');
      this.rec.got = data;
      setTimeout(() =>
        reply === 'answer'
          ? this.onmessage?.({ data: { ok: true, outcome: fromWorker } })
          : this.onerror?.({ message: 'failed to start' }),
      );
    }
    terminate() {
      this.rec.terminated = true;
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return made;
}

afterEach(() => vi.unstubAllGlobals());

describe('import checked off the page', () => {
  it("returns the worker's plan, sends it the file and what the device has, and ends the worker", async () => {
    const made = fakeWorker('answer');
    const onPage = vi.fn(() => fromPage);
    expect(await planOffPage(file, known, 'a.json', onPage, '2026-03-02T00:00:00.000Z')).toEqual(fromWorker);
    expect(onPage).not.toHaveBeenCalled();
    expect(made).toEqual([{ terminated: true, got: { file, known, name: 'a.json', now: '2026-03-02T00:00:00.000Z' } }]);
  });

  it('checks on the page, with the same text, when the worker fails or cannot be given the data', async () => {
    for (const how of ['error', 'clone'] as const) {
      const made = fakeWorker(how);
      const onPage = vi.fn((_text: string) => fromPage);
      expect(await planOffPage(file, known, 'a.json', onPage)).toEqual(fromPage);
      expect(onPage).toHaveBeenCalledWith('{"kind":"bundle"}');
      expect(made.every((w) => w.terminated)).toBe(true);
    }
  });

  it('checks on the page where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    expect(await planOffPage(file, known, 'a.json', () => fromPage)).toEqual(fromPage);
  });
});
