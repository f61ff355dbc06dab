/**
 * The page's side of the report worker: one module worker, started on the first export and kept for the
 * next (pdfmake then loads once), jobs answered by id.
 */
import {
  epochNow,
  type JobMessage,
  type JobPhoto,
  type JobRequest,
  type Phase,
  type ReportJob,
  type ReportOf,
  type Steps,
  type Timeline,
} from './job.js';
import { downscaleOnPage, workerCanDraw } from './page-downscale.js';

/** A finished PDF and how long the worker took. */
export interface Rendered {
  pdf: Blob;
  ms: number;
  /** Where the worker's time went (see {@link Steps}). */
  steps: Steps;
  /** When the worker's steps happened, epoch ms (see {@link Timeline}). */
  timeline?: Timeline | undefined;
  /** True when the photos were downscaled on the page, because workers here cannot draw (see page-downscale.ts). */
  photosOnPage?: boolean;
}

/** Progress of a job: the whole job's fraction (0..1) and the step it is at. */
export type Progress = (fraction: number, phase: Phase) => void;

let worker: Worker | undefined;
let nextId = 1;
// `resolve` gets the PDF of a render, undefined for a warm-up.
const pending = new Map<number, { resolve(r?: Rendered): void; reject(e: Error): void; onProgress?: Progress }>();

/** Whether this engine's workers can draw, asked once (it makes a canvas and a context). */
let canDraw: boolean | undefined;
const drawsInWorker = () => (canDraw ??= workerCanDraw());

function fail(e: Error): void {
  for (const p of pending.values()) p.reject(e);
  pending.clear();
  worker?.terminate();
  worker = undefined;
}

function start(): Worker {
  // Vite bundles the worker and everything it imports (the report layout, pdfmake, the fonts) into its
  // own chunks: none of it is in the app's start-up JavaScript.
  const w = new Worker(new URL('../workers/report.worker.ts', import.meta.url), { type: 'module', name: 'report' });
  w.addEventListener('message', (e: MessageEvent<JobMessage>) => {
    const m = e.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') p.onProgress?.(m.fraction, m.phase);
    else {
      pending.delete(m.id);
      if (m.type === 'done') p.resolve({ pdf: m.pdf, ms: m.ms, steps: m.steps, timeline: m.timeline });
      else if (m.type === 'warmed') p.resolve();
      else p.reject(new Error(m.message));
    }
  });
  w.addEventListener('error', (e) => fail(new Error(e.message || 'report worker failed to start')));
  return w;
}

/**
 * Renders a job in the worker.
 * @param onProgress called with the whole job's progress (0..1) and its current step
 */
export async function render(job: ReportJob, onProgress?: Progress): Promise<Rendered> {
  if (job.kind === 'report' && job.photos.length && !drawsInWorker()) {
    const n = job.photos.length;
    onProgress?.(0, 'photos');
    const photos = await downscaleOnPage(job.photos, undefined, (done) => onProgress?.((done / n) * 0.3, 'photos'));
    return { ...((await post({ ...job, photos }, onProgress)) as Rendered), photosOnPage: true };
  }
  return post(job, onProgress) as Promise<Rendered>;
}

function post(job: ReportJob, onProgress?: Progress): Promise<Rendered | undefined> {
  worker ??= start();
  const id = nextId++;
  const req: JobRequest = { id, job, sentAt: epochNow() };
  return new Promise<Rendered | undefined>((resolve, reject) => {
    pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
    worker!.postMessage(req);
  });
}

/**
 * Makes the report-size copies of photos just taken, in the worker (kept in Cache Storage by hash), so that the
 * first PDF export of the assessment, even in a later session, has no photo left to downscale. pdfmake is not
 * loaded. Where workers cannot draw, nothing is done (the export downscales on the page).
 */
export async function preparePhotos(photos: JobPhoto[]): Promise<void> {
  if (photos.length && drawsInWorker()) await post({ kind: 'photos', photos });
}

/**
 * Prepares the worker for an export it will probably get: loads pdfmake and downscales these photos, off the page's
 * thread; with `report`, also makes that report's PDF and keeps it, so that the export of the same content is
 * answered at once (ADR 0022). A `render` meanwhile finds the work done or under way, never repeated.
 * @returns a promise settled when the worker is ready
 */
export async function warm(photos: JobPhoto[], report?: ReportOf): Promise<void> {
  // Where workers cannot draw, the photos are made small on the page at export time: warm pdfmake only (and make
  // the report ahead only when it has no photo).
  const draws = drawsInWorker();
  const ahead = report && (draws || !report.photos.length) ? report : undefined;
  await post({ kind: 'warm', photos: draws ? photos : [], ...(ahead ? { report: ahead } : {}) });
}

/**
 * Gets the worker ready well ahead of Results, when a report is likely soon (an assessment imported, the submit page
 * open): starts it, loads pdfmake and renders the warm-up document once, all in the worker, so that the report made
 * when Results opens is not also the one that compiles pdfmake's code (ADR 0022). The page only posts a message.
 * Where workers cannot start, nothing happens.
 * @returns a promise settled when the worker is ready
 */
export async function warmEarly(): Promise<void> {
  await post({ kind: 'warm', photos: [], early: true });
}
