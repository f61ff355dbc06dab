/**
 * Council-scale runs (`rank`, `aggregate` over thousands of files; decision 0020): the files are read, verified
 * and scored by a few worker threads (both cores of a small machine), a fixed number of files in flight, and the
 * slim records come back to this thread IN ARGUMENT ORDER, so the output is byte for byte what one thread gives.
 * Small runs, standard input (`-`) and a `--set` that does not load run in this thread, one file at a time.
 * `TIEUCHI_WORKERS=<n>` sets the number of workers (0: none), whatever the number of files.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Aggregator, AggregatorState, Assessment, CriteriaSet, ScoreResult, Scored } from '@tieuchi/core';
import { UserError, type Lang } from './io.js';
import { type CommandContext, finderFor, givenSet } from './command.js';
import { type ScoreOptions, scoreOne } from './slim.js';

/** What a worker is started with. */
export interface WorkerSetup {
  cwd: string;
  lang: Lang;
  opts: ScoreOptions;
}
/** Files sent to a worker: `files[k]` is argument `start + k`. */
export interface PoolJob {
  start: number;
  files: string[];
}
/** One file's answer: its slim record, or the message of its failure (then the batch ends there). */
export type PoolRecord =
  | { assessment: Assessment; result: ScoreResult; setKey: [string, string]; counted: boolean }
  | { error: string }
  | { crash: string };
/** A worker's answer to a {@link PoolJob}. */
export interface PoolReply {
  start: number;
  records: PoolRecord[];
  /** `aggregate`: the counts of the batch's results (up to its first bad file). */
  partial?: AggregatorState | undefined;
}

/**
 * Fewer files than this are read in this thread: starting a worker costs ~0,3 s of CPU (loading core and its
 * validators ~0,18 s, the first file with the set finder and the compiled set ~0,09 s), and since a file costs
 * ~0,5 ms (decision 0020), two workers only win from about 1,000 files on (1,000 files: one thread 0,8 s wall and
 * CPU; two workers 1,5 s CPU).
 */
export const POOL_MIN_FILES = 1000;
/** Files per message to a worker. */
const BATCH = 32;
/** Batches a worker may hold at once (one working, one waiting), and batches answered ahead of the next in order. */
const PER_WORKER = 2;

/** How many workers the last run used (0: it ran in this thread); for tests and the benchmark. */
export let lastRunWorkers = 0;

const WORKER_URL = new URL('./pool-worker.js', import.meta.url);

function workerCount(files: number): number {
  const env = process.env.TIEUCHI_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(Number(env), Math.ceil(files / BATCH));
  if (files < POOL_MIN_FILES) return 0;
  return Math.min(4, Math.max(1, availableParallelism()), Math.ceil(files / BATCH));
}

/**
 * Reads, verifies and scores every file of `ctx.args` (as `loadAssessment` and `scoreLoaded`: nothing is
 * skipped) and gives `each` the slim record of each, in argument order, with whether it counts (`rank --keys`).
 * The first bad file (in argument order) stops the run with its problems, as a run in one thread does.
 * With `acc` (`aggregate`), every whole result is counted into it: in this thread as it is scored, or in the
 * workers, a batch at a time, whose counts are merged into `acc` in argument order (the same aggregate).
 */
export async function scoreEach(
  ctx: CommandContext,
  opts: Omit<ScoreOptions, 'given' | 'setPath' | 'aggregate'>,
  each: (s: Scored, counted: boolean) => void,
  acc?: Aggregator,
): Promise<void> {
  const files = ctx.args;
  let n = files.includes('-') ? 0 : workerCount(files.length);
  if (n && !existsSync(fileURLToPath(WORKER_URL))) n = 0; // running from the sources (tests): one thread
  let given: CriteriaSet | undefined;
  if (n && ctx.options.set) {
    try {
      given = givenSet(ctx.options.set, ctx.io, ctx.lang);
    } catch {
      n = 0; // reported in order (after the first file's own problems) by the one-thread run
    }
  }
  lastRunWorkers = n;
  if (!n) {
    for (const f of files) {
      const { slim, counted } = await scoreOne(f, { ...opts, setPath: ctx.options.set }, ctx.io, ctx.lang, acc);
      each(slim, counted);
    }
    return;
  }
  await runPool(ctx, { ...opts, given, aggregate: acc !== undefined }, n, each, acc);
}

async function runPool(
  ctx: CommandContext,
  opts: ScoreOptions,
  n: number,
  each: (s: Scored, counted: boolean) => void,
  acc: Aggregator | undefined,
): Promise<void> {
  const files = ctx.args;
  const finder = finderFor(ctx.io, ctx.lang);
  const sets = new Map<string, CriteriaSet>();
  const setOf = ([id, version]: [string, string]): CriteriaSet => {
    const key = `${id}\u0000${version}`;
    let s = sets.get(key);
    if (!s) sets.set(key, (s = opts.given ?? finder(id, version)!));
    return s;
  };
  const setup: WorkerSetup = { cwd: ctx.io.cwd, lang: ctx.lang, opts };
  const workers = Array.from({ length: n }, () => new Worker(WORKER_URL, { workerData: setup }));
  const batches = Math.ceil(files.length / BATCH);
  const answered = new Map<number, PoolReply>();
  let sent = 0;
  let next = 0; // the next batch to hand to `each`
  try {
    await new Promise<void>((resolve, reject) => {
      const busy = new Map<Worker, number>(workers.map((w) => [w, 0]));
      // Round robin, one batch at a time: consecutive batches go to different workers.
      const feed = (): void => {
        for (let given = true; given;) {
          given = false;
          for (const w of workers) {
            if (busy.get(w)! >= PER_WORKER || sent >= batches || sent - next >= PER_WORKER * n * 2) continue;
            const start = sent * BATCH;
            w.postMessage({ start, files: files.slice(start, start + BATCH) } satisfies PoolJob);
            busy.set(w, busy.get(w)! + 1);
            sent++;
            given = true;
          }
        }
      };
      const drain = (): boolean => {
        for (let reply = answered.get(next); reply; reply = answered.get(next)) {
          answered.delete(next);
          for (const r of reply.records) {
            if ('error' in r) throw new UserError(r.error);
            if ('crash' in r) throw new Error(r.crash);
            each({ set: setOf(r.setKey), assessment: r.assessment, result: r.result }, r.counted);
          }
          if (acc && reply.partial) acc.merge(reply.partial);
          next++;
        }
        return next === batches;
      };
      for (const w of workers) {
        w.on('message', (m: PoolReply) => {
          busy.set(w, busy.get(w)! - 1);
          answered.set(m.start / BATCH, m);
          try {
            if (drain()) return resolve();
          } catch (e) {
            return reject(e);
          }
          feed();
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (next < batches) reject(new Error(`worker stopped (${code})`));
        });
      }
      feed();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
