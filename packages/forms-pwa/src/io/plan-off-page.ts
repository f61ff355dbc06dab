/**
 * Checks a JSON import file in a worker (`workers/import.worker.ts`), so parsing, verifying and hashing a large
 * bundle never blocks the page; where a worker cannot run or answer, the same `planRestore` runs on the page.
 * Either way the result is the same plan, and nothing is written here.
 */
import type { Assessment, CriteriaSet } from '../core.js';
import type { PlanAnswer, PlanRequest } from '../workers/import.worker.js';
import type { PlanOutcome } from './bundle.js';

/**
 * `planRestore` of a file's text, off the page's thread: one worker per import (imports are rare; it is ended once it
 * has answered). The device's sets and assessments are copied to it (structured clone).
 * @param onPage the page's own `planRestore`, used when the worker fails
 */
export async function planOffPage(
  file: Blob,
  known: { sets: Map<string, CriteriaSet>; assessments: Map<string, Assessment> },
  name: string,
  onPage: (text: string) => PlanOutcome,
  now = new Date().toISOString(),
): Promise<PlanOutcome> {
  let answer: PlanAnswer | undefined;
  if (typeof Worker === 'function') {
    try {
      answer = await ask({ file, known, name, now });
    } catch {
      answer = undefined; // no worker here (start-up refused, a copy failed): check on the page instead
    }
  }
  if (answer?.ok) return answer.outcome;
  return onPage(await file.text());
}

function ask(req: PlanRequest): Promise<PlanAnswer> {
  const w = new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  return new Promise<PlanAnswer>((resolve, reject) => {
    w.onmessage = (e: MessageEvent<PlanAnswer>) => resolve(e.data);
    w.onerror = (e) => reject(new Error(e.message || 'import worker failed'));
    w.onmessageerror = () => reject(new Error('import worker answer could not be read'));
    w.postMessage(req);
  }).finally(() => w.terminate());
}
