/**
 * Timing helpers and the Markdown table of the scoring benchmark (printed, and written into docs/benchmarks.md).
 */
import { performance } from 'node:perf_hooks';

/** Runs `fn` `rounds` times; returns the median duration in ms and every round's duration. */
export function medianMs(rounds, fn) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { ms: sorted[Math.floor(sorted.length / 2)], rounds: times };
}

/**
 * Like {@link medianMs}, but each round works on a fresh batch from `make()` (made before the clock starts), so a
 * round can never profit from anything cached on the objects of an earlier round.
 */
export function medianFreshMs(rounds, make, fn) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const batch = make();
    const t0 = performance.now();
    fn(batch);
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { ms: sorted[Math.floor(sorted.length / 2)], rounds: times };
}

/** Throughput figures for `count` assessments of `items` items scored in `ms`. */
export function rate(count, items, ms) {
  const perSec = (count * 1000) / ms;
  return {
    assessments: count,
    ms,
    msPerAssessment: ms / count,
    assessmentsPerSec: perSec,
    itemAnswersPerSec: perSec * items,
  };
}

const group = (x) => Math.round(x).toLocaleString('en-US');
const sig = (x) => (x >= 100 ? group(x) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(2));
const ratio = (x) => (x >= 10 ? group(x) : x.toFixed(2));

/** The Markdown table and ratio lines for a results document. */
export function markdown(res) {
  const e = res.engines;
  const rows = [
    ['Tiêu Chí `score()` (validated; verdict and totals; the words and item explanations built on first read)', e.ours],
    ...(e.oursItems
      ? [['Tiêu Chí `score()`, the whole explanation read (every section, rule, reason and item)', e.oursItems]]
      : []),
    ['survey-core, one reused model', e.surveyCoreReused],
    ['survey-core, a model per response', e.surveyCorePerResponse],
    ['plain hand-written loop (ceiling)', e.plain],
    ...(e.then
      ? [[`Tiêu Chí \`score()\` at ${e.then.commit || 'an older build'} (the engine issue 16 measured)`, e.then]]
      : []),
  ];
  const lines = [
    '| engine | timed on | ms per assessment | assessments/s | item-answers/s | ours ÷ this |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      ([name, r]) =>
        `| ${name} | ${group(r.assessments)} | ${sig(r.msPerAssessment)} | ${sig(r.assessmentsPerSec)} | ${group(r.itemAnswersPerSec)} | ${ratio(e.ours.assessmentsPerSec / r.assessmentsPerSec)} |`,
    ),
    '',
    `- ours / survey-core (reused model): **${ratio(res.ratios.oursVsSurveyCoreReused)}x** (target >= 100x); ` +
      `ours / survey-core (model per response): **${ratio(res.ratios.oursVsSurveyCorePerResponse)}x**.`,
    `- ours / plain loop: **${ratio(res.ratios.oursVsPlain)}** (the plain loop is ${ratio(1 / res.ratios.oursVsPlain)}x faster; aim: within 2x). ` +
      `Ours: **${(e.ours.itemAnswersPerSec / 1e6).toFixed(2)} M item-answers/s** (target >= 3 M on a quiet machine, that is **>= 0.15** of the plain loop in the same run: 3 M / 19.5 M).`,
    ...(e.then
      ? [
          `- ours / the engine at ${e.then.commit || 'the older build'}: **${ratio(e.ours.assessmentsPerSec / e.then.assessmentsPerSec)}x** in this run ` +
            `(issue 16 measured that engine at 0.95-1.45 M item-answers/s on the machine of its day; its target, 3 M, is ` +
            `${ratio(3 / 1.45)}-${ratio(3 / 0.95)}x that). Same totals and decision on ${group(res.check.then.checked)} of ` +
            `${group(res.workload.assessments)} (${res.check.then.mismatches} mismatches).`,
        ]
      : []),
    `- Same totals (points and maximum, exact) and decision: ours vs plain loop on ${group(res.check.plain.checked)} of ` +
      `${group(res.workload.assessments)} (${res.check.plain.mismatches} mismatches); ours vs survey-core on ` +
      `${group(res.check.surveyCore.checked)} of ${group(res.workload.assessments)} (${res.check.surveyCore.mismatches} mismatches).`,
    `- Machine: ${res.machine.cpu}, ${res.machine.cores} cores, Node ${res.machine.node}, ${res.machine.os}; ` +
      `1-min load average ${res.machine.loadAvg1mBefore.toFixed(2)} before timing, ${res.machine.loadAvg1mAfterTiming.toFixed(2)} after; ` +
      `survey-core ${res.machine.surveyCore}; measured ${res.date.slice(0, 10)}.`,
  ];
  return lines.join('\n');
}
