/**
 * The report worker: downscales the photos, lays the document out with @tieuchi/report and renders it
 * with pdfmake (its ~1.8 MB browser build loads here, once), posting progress as it goes. The page only
 * sends data and receives the PDF as a Blob made here (passed by reference, not copied), so it stays responsive.
 *
 * A `warm` job, sent while the Results view is open, loads pdfmake and downscales the assessment's photos
 * ahead of time, and makes that report's PDF and keeps it: an export of the same content (same `reportKey`) is
 * answered with it, or waits for it when it is still being made (ADR 0022). Downscaled photos are kept by hash (content-
 * addressed, so never stale), in memory and in Cache Storage; an export waits only for what is missing.
 */
import { buildReport, buildScoreSheet, buildWarmUp, REPORT_PHOTO_SIDE, type ReportPhoto } from '@tieuchi/report';
import { loadPdfmake, renderPdf } from '@tieuchi/report/browser';
import { reportPhoto } from '../report/downscale.js';
import {
  epochNow,
  overall,
  type JobMessage,
  type JobPhoto,
  type JobRequest,
  type Phase,
  type ReportJob,
  type ReportOf,
  reportKey,
  type Steps,
  type Timeline,
} from '../report/job.js';

/** The worker's side of postMessage (the app's TS lib is DOM, not WebWorker). */
const scope = self as unknown as {
  postMessage(m: JobMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', f: (e: MessageEvent<JobRequest>) => void): void;
};

/** When this worker's steps happened (see {@link Timeline}): sent with each PDF, to tell where the time went. */
const timeline: Timeline = { workerStart: performance.timeOrigin, workerScript: epochNow() };
const mark = (name: string) => void (timeline[name] = epochNow());

/** Photos decoded at once: the image decoders run on the browser's threads; more than the cores just queue. */
const LANES = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));
/** Downscaled photos kept, oldest dropped first (~100 KB each). */
const KEEP = 300;

let running = 0;
const waiting: Array<() => void> = [];
async function limited<T>(f: () => Promise<T>): Promise<T> {
  if (running >= LANES) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await f();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Report-size photos also persist in Cache Storage, keyed by hash and side (content-addressed, so never
 * stale): a later session's first export skips the downscaling. A URL only names the entry; it is never fetched.
 */
const CACHE = 'tieuchi-report-photos-v1';
const cacheUrl = (hash: string) => new URL(`./report-photo/${REPORT_PHOTO_SIDE}/${hash}`, self.location.href).href;

async function fromCache(hash: string): Promise<ReportPhoto | undefined> {
  try {
    const hit = await (await caches.open(CACHE)).match(cacheUrl(hash));
    const mime = hit?.headers.get('content-type');
    if (!hit || (mime !== 'image/jpeg' && mime !== 'image/png')) return undefined;
    return { hash, data: new Uint8Array(await hit.arrayBuffer()), mime };
  } catch {
    return undefined; // no Cache Storage (private mode, quota): just downscale again
  }
}

async function toCache(p: ReportPhoto): Promise<ReportPhoto> {
  try {
    const body = p.data as Uint8Array<ArrayBuffer>;
    await (
      await caches.open(CACHE)
    ).put(cacheUrl(p.hash), new Response(body, { headers: { 'content-type': p.mime ?? 'image/jpeg' } }));
  } catch {
    /* not kept: made again next session */
  }
  return p;
}

/** Whether a photo goes into the report as it is (a JPEG or PNG no larger than the report's side). */
const fits = (p: JobPhoto) =>
  Math.max(p.width, p.height) <= REPORT_PHOTO_SIDE && (p.mime === 'image/jpeg' || p.mime === 'image/png');

/** Downscales a photo that is larger than the report needs, through the persistent cache; small ones pass as they are. */
async function make(p: JobPhoto): Promise<ReportPhoto> {
  if (fits(p)) return reportPhoto(p, REPORT_PHOTO_SIDE);
  return (await fromCache(p.hash)) ?? toCache(await limited(() => reportPhoto(p, REPORT_PHOTO_SIDE)));
}

const photos = new Map<string, Promise<ReportPhoto>>();
/** The report-size version of a photo, made once per hash. */
function downscaled(p: JobPhoto): Promise<ReportPhoto> {
  let made = photos.get(p.hash);
  if (!made) {
    made = make(p);
    made.catch(() => photos.delete(p.hash));
    photos.set(p.hash, made);
    if (photos.size > KEEP) photos.delete(photos.keys().next().value!);
  }
  return made;
}

/** Every photo of a job, keeping this job's caption and capture time; `onDone` after each. */
async function allPhotos(list: readonly JobPhoto[], onDone: (done: number) => void): Promise<ReportPhoto[]> {
  let done = 0;
  return Promise.all(
    list.map(async (p) => {
      const { data, mime } = await downscaled(p);
      onDone(++done);
      return {
        hash: p.hash,
        data,
        ...(mime ? { mime } : {}),
        ...(p.caption ? { caption: p.caption } : {}),
        ...(p.capturedAt ? { capturedAt: p.capturedAt } : {}),
      };
    }),
  );
}

/** Progress messages at most every 50 ms (pdfmake reports per object), plus the first and last. */
function progress(id: number) {
  let last = 0;
  return (phase: Phase, fraction: number) => {
    const now = performance.now();
    if (fraction < 1 && fraction > 0 && now - last < 50) return;
    last = now;
    scope.postMessage({ id, type: 'progress', phase, fraction: overall(phase, fraction) });
  };
}

// One render at a time: pdfmake is a singleton whose progress callback belongs to the current render.
let renders: Promise<unknown> = Promise.resolve();
function serial<T>(f: () => Promise<T>): Promise<T> {
  const next = renders.then(f);
  renders = next.catch(() => undefined);
  return next;
}

let pdfmakeReady: Promise<unknown> | undefined;
/** Loads pdfmake and its fonts and warms its layout code with a one-line document. */
const warmPdfmake = () =>
  (pdfmakeReady ??= serial(async () => {
    await loadPdfmake();
    mark('pdfmakeLoaded');
    await renderPdf({ content: [{ text: 'Tiêu Chí' }] });
    mark('pdfmakeWarm');
  }));

let warmedUp: Promise<unknown> | undefined;
/** Set when a real job (a report or sheet to make) arrives: the warm-up stops before its next part. */
let wanted = false;
/** The warm-up in parts of {@link WARM_ROWS} table rows, {@link WARM_PARTS} times (see {@link warmUp}). */
const WARM_PARTS = 3;
const WARM_ROWS = 24;
/**
 * Renders the warm-up document once per worker, after pdfmake is loaded (ADR 0022): a report's first render in a
 * fresh worker spends most of its time compiling pdfmake's, pdfkit's and fontkit's code, which this does ahead.
 * A render holds the worker's thread, so it is done in small parts with a turn of the event loop between them: a
 * job that arrives meanwhile is read at once (its photos start loading) and the parts left are dropped.
 */
const warmUp = () =>
  (warmedUp ??= warmPdfmake().then(async () => {
    for (let part = 0; part < WARM_PARTS && !wanted; part++) {
      await serial(() => renderPdf(buildWarmUp(WARM_ROWS)));
      mark('warmUp'); // the end of the last part rendered
      await new Promise((r) => setTimeout(r));
    }
  }));

type Report = (phase: Phase, fraction: number) => void;
type Lap = (step: Exclude<keyof Steps, 'ahead'>) => void;

/** Makes the PDF of a job (photos, layout, render, Blob), reporting progress and the time of each step. */
async function makePdf(job: ReportOf | Extract<ReportJob, { kind: 'sheet' }>, report: Report, lap: Lap): Promise<Blob> {
  // pdfmake loads (a cold worker: ~1.8 MB to parse) while the image threads downscale the photos.
  const pdfmake = warmPdfmake();
  void pdfmake.catch(() => undefined);
  let doc: ReturnType<typeof buildReport>;
  if (job.kind === 'report') {
    report('photos', 0);
    const n = job.photos.length;
    const ready = await allPhotos(job.photos, (done) => report('photos', done / n));
    lap('photos');
    report('layout', 0);
    doc = buildReport({
      set: job.set,
      assessment: job.assessment,
      result: job.result,
      photos: ready,
      lang: job.lang,
      ...(job.previous ? { previous: job.previous } : {}),
      ...(job.plan ? { plan: job.plan } : {}),
    });
  } else {
    report('layout', 0);
    doc = buildScoreSheet(job.set, job.lang);
  }
  lap('layout');
  await pdfmake;
  lap('pdfmake');
  report('render', 0);
  const bytes = await serial(() => renderPdf(doc, { onProgress: (f) => report('render', f) }));
  lap('render');
  // The Blob is made here, off the page's thread; it crosses postMessage by reference.
  const pdf = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
  lap('blob');
  return pdf;
}

/** A lap that also marks the end of each step of the report being made on the {@link timeline}. */
function marked(lap: Lap): Lap {
  mark('reportStart');
  return (step) => {
    mark(step);
    lap(step);
  };
}

/**
 * The report made ahead (by a `warm` job with its report, when Results is painted), one at a time: its content key,
 * the PDF (done or under way), and who follows its progress (an export that asked for it while it was being made).
 */
let ahead: { key: string; pdf: Promise<Blob>; follow?: Report | undefined } | undefined;

/**
 * The PDF of a report, through the one kept: the kept one when its content is the same (done, or under way: then
 * `follow` gets its progress), else a new one, which is then kept (replacing the last: one at a time).
 */
function reportPdf(job: ReportOf, report: Report, lap: Lap): { pdf: Promise<Blob>; reused: boolean } {
  const key = reportKey(job);
  if (ahead?.key === key) return { pdf: ahead.pdf, reused: true };
  const entry: NonNullable<typeof ahead> = { key, pdf: Promise.resolve(new Blob()) };
  entry.pdf = makePdf(job, (phase, fraction) => (entry.follow ?? report)(phase, fraction), marked(lap));
  // A failed attempt is forgotten: the next export makes the PDF again.
  entry.pdf.catch(() => {
    if (ahead === entry) ahead = undefined;
  });
  ahead = entry;
  return { pdf: entry.pdf, reused: false };
}

async function run({ id, job, sentAt }: JobRequest): Promise<void> {
  if (job.kind === 'report' || job.kind === 'sheet' || (job.kind === 'warm' && job.report)) wanted = true;
  if (job.kind === 'photos') {
    // Photos that already fit the report need nothing; the others land in Cache Storage and are not kept in
    // memory (a 300-photo import would hold ~30 MB here): an export reads them back from the cache.
    const big = job.photos.filter((p) => !fits(p));
    await Promise.allSettled(big.map(downscaled));
    for (const p of big) photos.delete(p.hash);
    scope.postMessage({ id, type: 'warmed' });
    return;
  }
  if (job.kind === 'warm') {
    const quiet: Report = () => undefined;
    await Promise.allSettled([
      job.early ? warmUp() : warmPdfmake(),
      ...job.photos.map(downscaled),
      ...(job.report ? [reportPdf(job.report, quiet, () => undefined).pdf] : []),
    ]);
    scope.postMessage({ id, type: 'warmed' });
    return;
  }
  const t0 = performance.now();
  const steps: Steps = {
    queued: sentAt ? Math.max(0, epochNow() - sentAt) : 0,
    photos: 0,
    layout: 0,
    pdfmake: 0,
    render: 0,
    blob: 0,
    ahead: 0,
  };
  let mark = t0;
  const lap: Lap = (step) => {
    const now = performance.now();
    steps[step] += now - mark;
    mark = now;
  };
  const report = progress(id);
  let pdf: Blob;
  if (job.kind === 'report') {
    // Made ahead (or being made) for the same content: answered with it, following its progress meanwhile.
    const kept = ahead;
    const { pdf: made, reused } = reportPdf(job, report, lap);
    if (reused && kept) kept.follow = report;
    try {
      pdf = await made;
    } finally {
      if (reused && kept) kept.follow = undefined;
    }
    if (reused) lap('render');
    steps.ahead = reused ? 1 : 0;
  } else pdf = await makePdf(job, report, lap);
  scope.postMessage({ id, type: 'done', pdf, ms: performance.now() - t0, steps, timeline: { ...timeline } });
}

scope.addEventListener('message', (e) => {
  run(e.data).catch((err: unknown) => {
    scope.postMessage({ id: e.data.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  });
});
