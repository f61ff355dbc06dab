/**
 * The import worker (issue 20): reads a JSON import file and checks it (`planRestore`: parse, every document verified,
 * each photo's SHA-256, base64 decoded to Blobs) off the page's thread. A 20 MB bundle with 30 photos is several
 * hundred ms of parsing and hashing, and its garbage: on the page that blocked taps, and the garbage was collected
 * during whatever came next (the first PDF export). The page gets the plan back (Blobs pass by reference) and writes
 * it as before (`io/plan-off-page.ts`).
 */
import type { Assessment, CriteriaSet } from '../core.js';
import { planRestore, type PlanOutcome } from '../io/bundle.js';

/** A request: the file, what the device already has, the file's name and the time of the import. */
export interface PlanRequest {
  file: Blob;
  known: { sets: Map<string, CriteriaSet>; assessments: Map<string, Assessment> };
  name: string;
  now: string;
}

/** The answer: the plan (as `planRestore` gives it), or why the worker could not make one. */
export type PlanAnswer = { ok: true; outcome: PlanOutcome } | { ok: false; message: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<PlanRequest>) => void) | null;
  postMessage(m: PlanAnswer): void;
};

scope.onmessage = (e) => {
  const { file, known, name, now } = e.data;
  file.text().then(
    (text) => scope.postMessage({ ok: true, outcome: planRestore(text, known, name, now) }),
    (err: unknown) => scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
