/**
 * The messages between the page and the report worker. The page sends plain data (sets, assessments,
 * results, photo Blobs); the worker builds the pdfmake definition itself, because a definition holds
 * functions (header, footer, table layouts) that cannot cross `postMessage`.
 */
import type { Assessment, CriteriaSet, ImprovementPlan, ScoreResult } from '../core.js';

/** A stored photo or signature as the worker receives it: the Blob is shared, not copied. */
export interface JobPhoto {
  hash: string;
  blob: Blob;
  mime: string;
  width: number;
  height: number;
  caption?: string;
  capturedAt?: string;
}

/** What to render: the report of one scored assessment, or the blank score sheet of a set. */
export type ReportJob =
  | {
      kind: 'report';
      set: CriteriaSet;
      assessment: Assessment;
      result: ScoreResult;
      photos: JobPhoto[];
      previous?: { assessment: Assessment; result: ScoreResult };
      plan?: ImprovementPlan;
      lang: 'vi' | 'en';
    }
  | { kind: 'sheet'; set: CriteriaSet; lang: 'vi' | 'en' }
  /**
   * Ahead of an export: load pdfmake and downscale these photos; with `report`, also make that report's PDF and keep
   * it (one at a time), so an export of the same content is answered with it. Answered with `warmed`.
   */
  | {
      kind: 'warm';
      photos: JobPhoto[];
      report?: ReportOf | undefined;
      /**
       * Well ahead of Results (after an import, on the submit page): also render the warm-up document once
       * (`buildWarmUp` of @tieuchi/report), so that the first report's render finds pdfmake's code compiled.
       */
      early?: boolean | undefined;
    }
  /** When photos are taken: make their report-size copies (kept in Cache Storage) without loading pdfmake. */
  | { kind: 'photos'; photos: JobPhoto[] };

/** The report job. */
export type ReportOf = Extract<ReportJob, { kind: 'report' }>;

/**
 * What a report's PDF depends on, as one string: the set, the assessment, its score, the previous round, the plan,
 * the language, and each photo's hash, size, caption and capture time (bytes are named by their hash). Two jobs with
 * the same key make the same document. Computed in the worker (a few ms for a large set), never on the page.
 */
export function reportKey(job: ReportOf): string {
  return JSON.stringify([
    job.set,
    job.assessment,
    job.result,
    job.previous ?? null,
    job.plan ?? null,
    job.lang,
    job.photos.map((p) => [p.hash, p.mime, p.width, p.height, p.caption ?? null, p.capturedAt ?? null]),
  ]);
}

/** A request: the job and its id (answers carry the id back). */
export interface JobRequest {
  id: number;
  job: ReportJob;
  /** When the page posted it ({@link epochNow}). */
  sentAt?: number | undefined;
}

/** The steps of a job, in order. */
export const PHASES = ['photos', 'layout', 'render'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Where a render's time went, in ms, measured in the worker: `queued` from the page's post to the worker picking
 * the job up (clocks aligned through `performance.timeOrigin`), `photos` (report-size copies: from memory, the
 * cache, or downscaled now), `layout` (`buildReport`), `pdfmake` (waiting for pdfmake and its fonts to load),
 * `render` (pdfmake's layout and writing, `getBuffer`), `blob` (wrapping the bytes).
 */
export type Steps = Record<'queued' | 'photos' | 'layout' | 'pdfmake' | 'render' | 'blob', number> & {
  /** 1 when the PDF was the one made ahead for the same content (the wait for it is counted in `render`), else 0. */
  ahead: number;
};

/**
 * When the worker's steps happened, as epoch ms ({@link epochNow}; comparable with the page's clock), for measuring
 * what happens before an export: `workerStart` (the worker was created), `workerScript` (its code ran),
 * `pdfmakeLoaded`, `pdfmakeWarm` (a one-line document rendered), `warmUp` (the last part of the warm-up rendered), and
 * for the last report made: `reportStart` and the end of each of its steps (`photos`, `layout`, `pdfmake`, `render`,
 * `blob`).
 */
export type Timeline = Partial<Record<string, number>>;

/** A request's post time on the page's clock (epoch ms, sub-millisecond), to be compared with the worker's. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

/** Answers from the worker. `fraction` is the whole job's progress, 0..1. */
export type JobMessage =
  | { id: number; type: 'progress'; phase: Phase; fraction: number }
  /** The PDF as a Blob made in the worker: the page neither copies nor wraps 2-3 MB of bytes (a Blob is passed by
   * reference). */
  | { id: number; type: 'done'; pdf: Blob; ms: number; steps: Steps; timeline?: Timeline | undefined }
  | { id: number; type: 'warmed' }
  | { id: number; type: 'error'; message: string };

/**
 * Share of the whole job each phase takes (measured on a 300-item report with 30 photos: downscaling
 * and rendering dominate, layout is a few per cent), so one progress bar moves evenly.
 */
const SPAN: Record<Phase, [number, number]> = { photos: [0, 0.3], layout: [0.3, 0.35], render: [0.35, 1] };

/** The job's overall progress when `phase` is `fraction` (0..1) done. */
export function overall(phase: Phase, fraction: number): number {
  const [a, b] = SPAN[phase];
  return a + (b - a) * Math.min(1, Math.max(0, fraction));
}
