/**
 * A worker of a council-scale run (`pool.ts`): reads, verifies and scores the files it is sent, one at a time,
 * with the set finder and compiled sets of its own (loaded once per worker), and answers with the slim records,
 * or the first line of what went wrong for a bad file (the main thread reports the first bad file in order).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createAggregator } from '@tieuchi/core';
import './native-hash.js'; // core's hashes through node:crypto (same digests)
import { UserError } from './io.js';
import { scoreOne } from './slim.js';
import type { PoolJob, PoolReply, PoolRecord, WorkerSetup } from './pool.js';

const setup = workerData as WorkerSetup;
const io = { stdout: () => {}, stderr: () => {}, cwd: setup.cwd };

async function answer(job: PoolJob): Promise<void> {
  const records: PoolRecord[] = [];
  // `aggregate`: this batch's results are counted here; only the counts go back (merged in argument order).
  const acc = setup.opts.aggregate ? createAggregator() : undefined;
  for (const file of job.files) {
    try {
      const { slim, counted } = await scoreOne(file, setup.opts, io, setup.lang, acc);
      records.push({
        assessment: slim.assessment,
        result: slim.result,
        setKey: [slim.set.id, slim.set.version],
        counted,
      });
    } catch (e) {
      records.push(e instanceof UserError ? { error: e.message } : { crash: (e as Error)?.message ?? String(e) });
      break; // the run stops at this file: nothing after it is needed
    }
  }
  const reply: PoolReply = { start: job.start, records };
  if (acc) reply.partial = acc.state();
  parentPort!.postMessage(reply);
}

// One job at a time, in the order sent (a job's files are scored one after the other).
let queue = Promise.resolve();
parentPort!.on('message', (job: PoolJob) => {
  queue = queue.then(() => answer(job));
});
