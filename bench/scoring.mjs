/**
 * Scoring throughput: Tiêu Chí's `score()` against SurveyJS survey-core and a plain hand-written loop, on a
 * synthetic 300-item set and 10,000 seeded random assessments. A benchmark, not a timed test.
 *
 *   pnpm --filter @tieuchi/core run build && node bench/scoring.mjs [--ours-only] [--check=N]
 *
 * --ours-only   time only our engine (for `node --cpu-prof bench/scoring.mjs --ours-only`)
 * --check=N     check survey-core's totals on the first N assessments, however long it takes (default: all
 *               10,000 if that projects to under ~5 min on this machine, else as many as fit in ~3 min)
 * --then=DIR    also time an older build of core (DIR: its `dist`, e.g. the engine issue 16 measured, commit
 *               daf60a1: `git worktree add /tmp/then daf60a1 && cd /tmp/then && pnpm install --frozen-lockfile &&
 *               pnpm --filter @tieuchi/core run build`, then `--then=/tmp/then/packages/core/dist`) in the same
 *               run and on the same fresh parses; it must agree with ours on every assessment
 *
 * Writes bench/results/scoring.json (with the Markdown table that bench/run.mjs puts in docs/benchmarks.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { score, validateCriteriaSet } from '@tieuchi/core';
import { Model } from 'survey-core';
import { buildAssessments, buildSet, itemsOf } from './lib/synthetic.mjs';
import { readTotals, surveyJson, toSurveyData } from './lib/surveyjs.mjs';
import { plainScore, plainTable } from './lib/plain.mjs';
import { markdown, medianMs, medianFreshMs, rate } from './lib/report.mjs';

const SEED = 20261122;
const loadBefore = os.loadavg()[0];
const COUNT = 10_000;
const ROUNDS = 5; // median of 5 rounds for ours and the plain loop; 3 rounds of 150 for survey-core
const SURVEY_TIMED = 150;
const SURVEY_PER_RESPONSE = 8;
const args = process.argv.slice(2);
const oursOnly = args.includes('--ours-only');
const checkArg = args.find((a) => a.startsWith('--check='));
const thenArg = args.find((a) => a.startsWith('--then='));
const log = (...m) => console.log(...m);

// --- the workload: a validated set, assessments as parsed JSON -------------------------------------------
const setObj = buildSet();
const v = validateCriteriaSet(JSON.parse(JSON.stringify(setObj)));
if (!v.ok) throw new Error(`synthetic set invalid: ${JSON.stringify(v.errors.slice(0, 3), null, 1)}`);
const set = v.value;
const ITEMS = itemsOf(set).length;
// Serialised and parsed as an app would read them from disk or IndexedDB (the parse is not timed). Every timed
// round scores a FRESH parse of this text, so nothing can be cached on an assessment object between rounds.
const assessmentsText = JSON.stringify(buildAssessments(set, COUNT, SEED));
const assessments = JSON.parse(assessmentsText);
const fresh = () => JSON.parse(assessmentsText);
let answered = 0;
let na = 0;
for (const a of assessments) for (const k in a.answers) a.answers[k].na ? na++ : answered++;
log(
  `set: ${ITEMS} items, max ${set.scoring.maxPoints}; ${COUNT} assessments (seed ${SEED}); ` +
    `${((100 * na) / (COUNT * ITEMS)).toFixed(2)} % N/A, ${((100 * (COUNT * ITEMS - answered - na)) / (COUNT * ITEMS)).toFixed(2)} % unanswered`,
);

// --- ours: the public API, full explained result -----------------------------------------------------------
const oursResults = assessments.map((a) => score(set, a)); // warm-up (compiles the set once) and the check data
const bad = oursResults.findIndex((r) => !r.ok);
if (bad >= 0)
  throw new Error(`score() refused ${assessments[bad].id}: ${JSON.stringify(oursResults[bad].errors.slice(0, 2))}`);
let sink = 0;
const oursT = medianFreshMs(ROUNDS, fresh, (batch) => {
  for (let i = 0; i < COUNT; i++) {
    const r = score(set, batch[i]);
    sink += r.ok ? r.value.decision.length : 0;
  }
});
const ours = { ...rate(COUNT, ITEMS, oursT.ms), roundsMs: oursT.rounds };
log(
  `ours:        ${ours.assessmentsPerSec.toFixed(0)} assessments/s, ${ours.itemAnswersPerSec.toFixed(0)} item-answers/s`,
);
// The same, reading the whole explanation (`sections` builds the rules and reasons too; then every item's
// explanation; all built on first read): what a results page or a report costs.
const oursItemsT = medianFreshMs(ROUNDS, fresh, (batch) => {
  for (let i = 0; i < COUNT; i++) {
    const r = score(set, batch[i]);
    if (r.ok) for (const s of r.value.sections) for (const c of s.criteria) sink += c.items.length;
  }
});
const oursItems = { ...rate(COUNT, ITEMS, oursItemsT.ms), roundsMs: oursItemsT.rounds };
log(
  `ours+items:  ${oursItems.assessmentsPerSec.toFixed(0)} assessments/s, ${oursItems.itemAnswersPerSec.toFixed(0)} item-answers/s`,
);
if (oursOnly) process.exit(sink === -1 ? 1 : 0);

// --- an older build of our engine (--then): the same work on the same fresh parses, in this run --------------
let then;
const thenMismatches = [];
if (thenArg) {
  const dir = resolve(thenArg.slice('--then='.length));
  const old = await import(pathToFileURL(join(dir, 'index.js')).href);
  const oldSet = JSON.parse(JSON.stringify(set)); // its own object: each engine compiles and caches its own
  assessments.forEach((a, i) => {
    const r = old.score(oldSet, a);
    const o = oursResults[i].value;
    if (
      !r.ok ||
      r.value.decision !== o.decision ||
      JSON.stringify([r.value.total.points, r.value.total.max]) !== JSON.stringify([o.total.points, o.total.max])
    )
      thenMismatches.push({ id: a.id, then: r.ok ? [r.value.total, r.value.decision] : r.errors?.slice(0, 1) });
  });
  const t = medianFreshMs(ROUNDS, fresh, (batch) => {
    for (let i = 0; i < COUNT; i++) {
      const r = old.score(oldSet, batch[i]);
      sink += r.ok ? r.value.decision.length : 0;
    }
  });
  let commit = '';
  try {
    commit = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: the row names the folder only
  }
  then = { ...rate(COUNT, ITEMS, t.ms), roundsMs: t.rounds, commit };
  log(
    `then (${commit || dir}): ${then.assessmentsPerSec.toFixed(0)} assessments/s, ${then.itemAnswersPerSec.toFixed(0)} item-answers/s`,
  );
}

// --- plain hand-written loop (ceiling) ---------------------------------------------------------------------
const table = plainTable(set);
const plainResults = assessments.map((a) => plainScore(table, a.answers));
const plainT = medianFreshMs(ROUNDS, fresh, (batch) => {
  for (let i = 0; i < COUNT; i++) sink += plainScore(table, batch[i].answers).points;
});
const plain = { ...rate(COUNT, ITEMS, plainT.ms), roundsMs: plainT.rounds };
log(
  `plain loop:  ${plain.assessmentsPerSec.toFixed(0)} assessments/s, ${plain.itemAnswersPerSec.toFixed(0)} item-answers/s`,
);

// --- survey-core: one reused model (its fastest idiomatic path), then a model per response ------------------
const json = surveyJson(set);
const surveyData = assessments.slice(0, SURVEY_TIMED + 20).map((a) => toSurveyData(set, a)); // untimed mapping
const model = new Model(json);
for (let i = SURVEY_TIMED; i < SURVEY_TIMED + 20; i++) {
  model.data = surveyData[i]; // warm-up on responses outside the timed ones
  readTotals(model);
}
const scT = medianMs(3, () => {
  for (let i = 0; i < SURVEY_TIMED; i++) {
    model.data = surveyData[i];
    sink += readTotals(model).points;
  }
});
const surveyCoreReused = { ...rate(SURVEY_TIMED, ITEMS, scT.ms), roundsMs: scT.rounds };
log(`survey-core: ${surveyCoreReused.assessmentsPerSec.toFixed(1)} assessments/s reusing one model`);
const perT = medianMs(3, () => {
  for (let i = 0; i < SURVEY_PER_RESPONSE; i++) {
    const m = new Model(json);
    m.data = surveyData[i];
    sink += readTotals(m).points;
  }
});
const surveyCorePerResponse = { ...rate(SURVEY_PER_RESPONSE, ITEMS, perT.ms), roundsMs: perT.rounds };
log(`survey-core: ${surveyCorePerResponse.assessmentsPerSec.toFixed(1)} assessments/s with a model per response`);

const loadAfterTiming = os.loadavg()[0];

// --- correctness: identical totals (exact) and decisions -----------------------------------------------------
const same = (r, t) =>
  r.total.points.num === t.points * r.total.points.den &&
  r.total.max.num === t.max * r.total.max.den &&
  r.decision === t.decision;
const mismatchesOf = (totals, from = 0) => {
  const m = [];
  totals.forEach((t, k) => {
    const r = oursResults[from + k].value;
    if (!same(r, t))
      m.push({ id: assessments[from + k].id, ours: [r.total.points, r.total.max, r.decision], other: t });
  });
  return m;
};
const plainMismatches = mismatchesOf(plainResults);
for (let i = 0; i < SURVEY_PER_RESPONSE; i++) {
  const m = new Model(json); // the model-per-response path must agree too
  m.data = surveyData[i];
  if (!same(oursResults[i].value, readTotals(m)))
    throw new Error(`model-per-response mismatch on ${assessments[i].id}`);
}
const checkTarget = checkArg ? Math.min(COUNT, Number(checkArg.slice(8))) : COUNT;
const workers = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
const projectedS = (checkTarget * surveyCoreReused.msPerAssessment) / 1000 / workers;
// By default: all if that fits in ~5 min, else as many as fit in ~3 min. An explicit --check=N has no budget.
const budgetS = checkArg ? Infinity : projectedS <= 300 ? 400 : 180;
log(
  `checking survey-core on ${checkTarget} assessments with ${workers} worker(s), ~${projectedS.toFixed(0)} s (untimed)...`,
);
const slices = await Promise.all(
  Array.from({ length: workers }, (_, w) => {
    const start = Math.floor((checkTarget * w) / workers);
    const end = Math.floor((checkTarget * (w + 1)) / workers);
    const workerData = { seed: SEED, count: COUNT, start, end, deadline: Date.now() + budgetS * 1000 };
    return new Promise((resolve, reject) => {
      const wk = new Worker(new URL('./lib/surveyjs-worker.mjs', import.meta.url), { workerData });
      wk.once('message', resolve);
      wk.once('error', reject);
    });
  }),
);
let checked = 0;
const surveyMismatches = [];
for (const s of slices) {
  checked += s.totals.length;
  surveyMismatches.push(...mismatchesOf(s.totals, s.start));
}

// --- report --------------------------------------------------------------------------------------------------
const version = (p) =>
  JSON.parse(readFileSync(new URL(`./node_modules/${p}/package.json`, import.meta.url), 'utf8')).version;
const decisions = {};
for (const r of oursResults) decisions[r.value.decision] = (decisions[r.value.decision] ?? 0) + 1;
const res = {
  benchmark: 'scoring',
  date: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0].model.trim(),
    cores: os.cpus().length,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    surveyCore: version('survey-core'),
    loadAvg1mBefore: loadBefore,
    loadAvg1mAfterTiming: loadAfterTiming,
  },
  workload: {
    items: ITEMS,
    assessments: COUNT,
    seed: SEED,
    naShare: na / (COUNT * ITEMS),
    unansweredShare: 1 - (answered + na) / (COUNT * ITEMS),
    decisions,
  },
  engines: { ours, oursItems, surveyCoreReused, surveyCorePerResponse, plain, ...(then ? { then } : {}) },
  ratios: {
    oursVsSurveyCoreReused: ours.assessmentsPerSec / surveyCoreReused.assessmentsPerSec,
    oursVsSurveyCorePerResponse: ours.assessmentsPerSec / surveyCorePerResponse.assessmentsPerSec,
    oursVsPlain: ours.assessmentsPerSec / plain.assessmentsPerSec,
  },
  check: {
    plain: { checked: COUNT, mismatches: plainMismatches.length, examples: plainMismatches.slice(0, 5) },
    ...(then
      ? { then: { checked: COUNT, mismatches: thenMismatches.length, examples: thenMismatches.slice(0, 5) } }
      : {}),
    surveyCore: {
      checked,
      mismatches: surveyMismatches.length,
      examples: surveyMismatches.slice(0, 5),
      workers,
      budgetS,
    },
  },
  sink,
};
res.table = markdown(res);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/scoring.json', import.meta.url), `${JSON.stringify(res, null, 2)}\n`);
log(`\n${res.table}\n\ndecisions: ${JSON.stringify(decisions)}\nwrote bench/results/scoring.json`);
if (plainMismatches.length || surveyMismatches.length || thenMismatches.length) {
  console.error('MISMATCH', JSON.stringify([...plainMismatches, ...surveyMismatches, ...thenMismatches].slice(0, 5)));
  process.exitCode = 1;
}
