/**
 * Interleaved A/B timing of the scoring engine on a loaded machine: engines alternate round by round in one
 * process (so load hits them alike), each round scoring a fresh JSON.parse of the same assessments, and each
 * engine's FASTEST round (the least disturbed) is reported next to its median, and the rate by the process's CPU
 * time (user + system, GC threads included), which other processes disturb much less than wall time. Not part of
 * `pnpm bench`.
 *
 *   node bench/scoring-ab.mjs [--before=<dir of an older core dist>] [--rounds=60] [--batch=400] [--only=ours,plain]
 *
 * Engines: this checkout's built core (`@tieuchi/core`), the same reading every item explanation, the plain
 * loop (bench/lib/plain.mjs), and with --before an older build of core's dist (e.g. a copy of main's).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import * as core from '@tieuchi/core';
import { buildAssessments, buildSet, itemsOf } from './lib/synthetic.mjs';
import { plainScore, plainTable } from './lib/plain.mjs';

const arg = (name, d) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : d;
};
const ROUNDS = Number(arg('rounds', 60));
const BATCH = Number(arg('batch', 400));
const beforeDir = arg('before', '');
const before = beforeDir ? await import(pathToFileURL(resolve(beforeDir, 'index.js')).href) : null;

const v = core.validateCriteriaSet(JSON.parse(JSON.stringify(buildSet())));
if (!v.ok) throw new Error('synthetic set invalid');
const set = v.value;
const setBefore = JSON.parse(JSON.stringify(set)); // its own object: each engine compiles and caches its own
const ITEMS = itemsOf(set).length;
const text = JSON.stringify(buildAssessments(set, BATCH, 20261122));
const table = plainTable(set);
let sink = 0;
const engines = {
  ours: (batch) => {
    for (const a of batch) {
      const r = core.score(set, a);
      sink += r.ok ? r.value.decision.length : 0;
    }
  },
  oursItems: (batch) => {
    for (const a of batch) {
      const r = core.score(set, a);
      if (r.ok) for (const s of r.value.sections) for (const c of s.criteria) sink += c.items.length;
    }
  },
  plain: (batch) => {
    for (const a of batch) sink += plainScore(table, a.answers).points;
  },
  ...(before
    ? {
        before: (batch) => {
          for (const a of batch) {
            const r = before.score(setBefore, a);
            sink += r.ok ? r.value.decision.length : 0;
          }
        },
      }
    : {}),
};
const only = arg('only', '');
if (only) for (const k of Object.keys(engines)) if (!only.split(',').includes(k)) delete engines[k];
for (const fn of Object.values(engines)) fn(JSON.parse(text)); // warm-up, compiles the sets
const times = Object.fromEntries(Object.keys(engines).map((k) => [k, []]));
const cpu = Object.fromEntries(Object.keys(engines).map((k) => [k, []]));
const load0 = os.loadavg()[0];
for (let r = 0; r < ROUNDS; r++) {
  for (const [k, fn] of Object.entries(engines)) {
    const batch = JSON.parse(text);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(batch);
    times[k].push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu[k].push((c.user + c.system) / 1000);
  }
}
const load1 = os.loadavg()[0];
const M = (ms) => ((BATCH * ITEMS * 1000) / ms / 1e6).toFixed(2);
console.log(
  `${ROUNDS} rounds of ${BATCH} fresh assessments x ${ITEMS} items; load ${load0.toFixed(1)} -> ${load1.toFixed(1)}`,
);
const best = (t) => [...t].sort((a, b) => a - b)[0];
const median = (t) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)];
for (const [k, t] of Object.entries(times)) {
  console.log(
    `${k.padEnd(10)} wall: best ${M(best(t))} M item-answers/s, median ${M(median(t))} M; ` +
      `CPU time: median ${M(median(cpu[k]))} M`,
  );
}
// Paired: each round's CPU time of an engine against the engine timed next to it in the same round (load hits the
// two alike), the median of those ratios; steadier than the ratio of two medians.
const ref = cpu.before ? 'before' : cpu.plain ? 'plain' : '';
if (ref) {
  for (const k of Object.keys(cpu)) {
    if (k === ref) continue;
    const ratios = cpu[k].map((t, i) => cpu[ref][i] / t);
    console.log(`${k.padEnd(10)} paired CPU-time speed vs ${ref}: median ${median(ratios).toFixed(3)}x`);
  }
}
if (sink === -1) console.log('');
