/**
 * First PDF on a device (issue 20): a locked QĐ 1300 assessment (47 items) with 30 photos (noisy 1600 px JPEGs of
 * ~500 KB, what the app stores) arrives by import on a FRESH browser profile (new context: empty IndexedDB, Cache
 * Storage and HTTP cache, the service worker installing), the user opens Results and taps "Xuất báo cáo PDF".
 * The OLD build (a commit, default `main`, built into a temp folder) and the NEW one (this checkout's
 * packages/forms-pwa/dist) in the same run, taking turns, so load on the machine hits both alike.
 *
 * Per run, in the page:
 *   - ms: from the click to the PDF handed to the download (`report-done`);
 *   - timeline: when the new build's worker started, loaded pdfmake, rendered its warm-up and made the report's steps,
 *     in ms from Results opened (negative: before it), printed per run;
 *   - steps: where the new build's time went (`report-done`'s `steps`: the page's gather and hand-back, the worker's
 *     queue, photos, layout, pdfmake load, render, Blob, and whether the PDF was made ahead), printed per run;
 *   - every main-thread long task (PerformanceObserver 'longtask') from the click until 300 ms after it was done,
 *     and separately every long task from opening Results until the click (what the warm-up costs the page);
 * Timings of the click: as soon as the button shows (`now`), 2 s and 10 s after Results opened (`2 s`, `10 s`).
 *
 * With `--later`, a later session instead: after the import the photos' report-size copies are awaited, the app is
 * opened again at Home (a new page and worker, the HTTP cache kept), and Results is opened a second later.
 *
 *   node bench/report-first.mjs [--old <commit>] [--rounds N] [--click now|"2 s"|"10 s"] [--later] [--no-build] [--table-only]
 * Needs the new build first (`pnpm --filter @tieuchi/forms-pwa build`). Writes bench/results/report-first.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildOld, serveStatic } from './lib/app-builds.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const OLD = arg('--old', 'main');
const ROUNDS = Number(arg('--rounds', 6));
const ALL_DELAYS = { now: 0, '2 s': 2000, '10 s': 10_000 };
/** `--click now` or `--click '2 s'` runs only that timing. */
/** `--later`: a later session (photos prepared, the app opened again at Home, Results a second later). */
const LATER = args.includes('--later');
const DELAYS = args.includes('--click') ? { [arg('--click')]: ALL_DELAYS[arg('--click')] } : ALL_DELAYS;

/** The import bundle: the QĐ 1300 example, locked, the first 30 items each naming one photo. */
async function bundle1300() {
  const core = await import(pathToFileURL(join(root, 'packages', 'core', 'dist', 'index.js')).href);
  const { photoSet } = await import(
    pathToFileURL(join(root, 'packages', 'report', 'test', 'support', 'synthetic.mjs')).href
  );
  const set = JSON.parse(
    readFileSync(join(root, 'packages', 'criteria', 'sets', 'qd1300-commune-health.json'), 'utf8'),
  );
  const base = JSON.parse(
    readFileSync(join(root, 'examples', 'qd1300-commune-health', 'pass.assessment.json'), 'utf8'),
  );
  const photos = photoSet(30).map((p) => p.original);
  const hashes = photos.map((b) => createHash('sha256').update(b).digest('hex'));
  const draft = structuredClone(base);
  draft.id = 'bench-1300-first-pdf';
  draft.status = 'draft';
  for (const k of ['contentHash', 'signatures', 'attestations', 'lockedAt', 'submittedAt']) delete draft[k];
  Object.keys(draft.answers)
    .slice(0, 30)
    .forEach((item, i) => (draft.answers[item] = { ...draft.answers[item], evidence: [hashes[i]] }));
  const locked = core.lockAssessment(draft, set, '2026-03-02T11:00:00.000Z');
  const text = JSON.stringify({
    schemaVersion: 1,
    kind: 'bundle',
    createdAt: '2026-03-02T12:00:00.000Z',
    app: { name: 'tieuchi-bench' },
    assessments: [locked],
    photos: photos.map((bytes, i) => ({
      hash: hashes[i],
      mime: 'image/jpeg',
      width: 1600,
      height: 1200,
      capturedAt: '2026-03-02T09:00:00.000Z',
      caption: `Ảnh hiện trường ${i + 1}`,
      dataBase64: Buffer.from(bytes).toString('base64'),
    })),
  });
  return { id: locked.id, text };
}

// Runs in the page before its scripts: every long task with its start.
const PROBE = `(() => {
  window.__long = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true }); } catch {}
  window.__loaf = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__loaf.push({ start: e.startTime, ms: e.duration,
    layout: e.startTime + e.duration - (e.styleAndLayoutStart || e.startTime + e.duration), render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
    scripts: e.scripts.map((s) => [Math.round(s.duration), s.invoker, s.sourceFunctionName, (s.sourceURL || '').split('/').pop(), s.invokerType]) }); })
    .observe({ type: 'long-animation-frame', buffered: true }); } catch {}
})();`;

/** Trace categories: the renderer's tasks with their thread (CPU) time, and what ran inside them. */
const TRACE = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'];

/**
 * The page's main-thread tasks in a Chromium trace: the longest by wall time and by CPU time (`tdur`: on a loaded
 * machine a task's wall time counts the time the OS ran other processes, its CPU time does not), with what took
 * most CPU inside the longest one (e.g. MajorGC, FunctionCall, Layout).
 */
function mainThreadTasks(buffer) {
  const events = JSON.parse(buffer.toString('utf8')).traceEvents ?? [];
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  let wall = 0;
  let cpu = 0;
  let top;
  for (const t of tasks) {
    wall = Math.max(wall, (t.dur ?? 0) / 1000);
    if ((t.tdur ?? 0) / 1000 > cpu) {
      cpu = t.tdur / 1000;
      top = t;
    }
  }
  const inside = top
    ? onMain
        .filter((e) => e !== top && e.tid === top.tid && e.ts >= top.ts && e.ts + (e.dur ?? 0) <= top.ts + top.dur)
        .filter((e) => e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask' && (e.tdur ?? 0) > 2000)
        .sort((a, b) => b.tdur - a.tdur)
        .slice(0, 6)
        .map(
          (e) =>
            `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${Math.round(e.tdur / 1000)}`,
        )
    : [];
  const over50 = tasks.filter((t) => (t.tdur ?? 0) > 50_000).length;
  // CPU the page's renderer process spent on the export, all its threads (main, report worker, image decoders):
  // outermost tasks only, so nested run loops are not counted twice.
  const pids = new Set([...main].map((k) => k.split(':')[0]));
  const outer = events
    .filter((e) => e.ph === 'X' && pids.has(String(e.pid)) && /RunTask$/.test(e.name) && e.tdur)
    .sort((a, b) => a.tid - b.tid || a.ts - b.ts);
  let work = 0;
  let end = -1;
  let tid;
  for (const e of outer) {
    if (e.tid !== tid) [tid, end] = [e.tid, -1];
    if (e.ts < end) continue;
    work += e.tdur / 1000;
    end = e.ts + e.dur;
  }
  return { wall, cpu, over50, inside, tasks: tasks.length, work };
}

/** One fresh profile: import, open Results, wait `delay` ms, export. */
async function run(browser, url, data, delay) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await ctx.addInitScript(PROBE);
  const page = await ctx.newPage();
  try {
    await page.goto(`${url}#/io`);
    await page
      .locator('input[data-import]')
      .setInputFiles(
        { name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(data.text) },
        { timeout: 180_000 },
      );
    await page.locator('[data-import-ok]').waitFor({ timeout: 180_000 });
    if (LATER) {
      // A later session: the photos were prepared on arrival (as when taken), the app is opened again at Home, and the
      // user goes to Results a second later.
      await page.waitForFunction(
        async () => (await (await caches.open('tieuchi-report-photos-v1')).keys()).length >= 30,
        null,
        { timeout: 180_000, polling: 500 },
      );
      await page.goto('about:blank'); // a new document: the hash alone would not reload the app
      await page.goto(`${url}#/`);
      await page.locator('tc-home').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1000);
    }
    const opened = await page.evaluate((id) => {
      location.hash = `#/a/${id}/results`;
      return performance.now();
    }, data.id);
    const button = page.locator('tc-report-export button[data-action="report-pdf"]');
    await button.waitFor({ timeout: 60_000 });
    if (delay)
      await page.waitForTimeout(Math.max(0, delay - (await page.evaluate((t) => performance.now() - t, opened))));
    await page.evaluate(() => {
      window.__t = {};
      const host = document
        .querySelector('tc-app')
        .shadowRoot.querySelector('tc-results')
        .shadowRoot.querySelector('tc-report-export');
      host.addEventListener('click', () => (window.__t.click = performance.now()), { capture: true, once: true });
      host.addEventListener('report-done', (e) => {
        window.__t.done = performance.now();
        window.__t.size = e.detail.size;
        window.__t.steps = e.detail.steps;
        window.__t.timeline = e.detail.timeline;
      });
    });
    await browser.startTracing(page, { categories: TRACE });
    await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), button.click()]);
    await page.waitForFunction(() => window.__t.done, null, { timeout: 180_000 });
    await page.waitForTimeout(300);
    const cpu = mainThreadTasks(await browser.stopTracing());
    const r = await page.evaluate((opened) => {
      const { click, done, size, steps, timeline } = window.__t;
      // The worker's timeline, in ms from Results opened (negative: before it).
      const since = timeline
        ? Object.fromEntries(Object.entries(timeline).map(([k, v]) => [k, v - performance.timeOrigin - opened]))
        : undefined;
      const during = window.__long.filter(([s, d]) => s + d > click && s < done + 300).map(([, d]) => d);
      const before = window.__long.filter(([s, d]) => s + d > opened && s < click).map(([, d]) => d);
      const loaf = window.__loaf.filter((f) => f.start + f.ms > opened && f.ms > 100);
      return {
        ms: done - click,
        size,
        steps,
        timeline: since,
        during,
        before,
        click: click - opened,
        loaf: loaf.map((f) => ({ ...f, start: f.start - opened })),
      };
    }, opened);
    return { ...r, cpu };
  } finally {
    await ctx.close();
  }
}

const saved = join(root, 'bench', 'results', 'report-first.json');
/** Measures (or, with --table-only, reads the last measurement back). */
async function measure() {
  if (args.includes('--table-only')) {
    const j = JSON.parse(readFileSync(saved, 'utf8'));
    return {
      results: j.results,
      load0: j.load[0],
      load1: j.load[1],
      rounds: j.rounds,
      old: j.old,
      date: j.date ?? new Date().toISOString().slice(0, 10),
    };
  }
  const newDist = join(root, 'packages/forms-pwa/dist');
  if (!existsSync(join(newDist, 'index.html'))) throw new Error('build packages/forms-pwa first');
  const oldDist = buildOld(OLD, { tag: 'report-first', reuse: args.includes('--no-build') });
  const data = await bundle1300();
  const servers = { old: await serveStatic(oldDist), new: await serveStatic(newDist) };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const load0 = loadavg()[0];
  const results = {};
  try {
    for (const [when, delay] of Object.entries(DELAYS))
      for (let k = 0; k < ROUNDS; k++)
        for (const v of k % 2 ? ['new', 'old'] : ['old', 'new']) {
          const r = await run(browser, servers[v].url, data, delay);
          const key = `${v}, click ${when}${LATER ? ', later session from Home' : ''}`;
          (results[key] ??= []).push(r);
          if (process.env.LOAF) console.log(JSON.stringify({ click: r.click, loaf: r.loaf }));
          const fmt = (xs) => xs.map((x) => Math.round(x)).join(' ') || '-';
          const steps = r.steps
            ? ` steps {${Object.entries(r.steps)
                .map(([k, v]) => `${k} ${Math.round(v)}`)
                .join(', ')}}`
            : '';
          const timeline = r.timeline
            ? ` timeline from Results opened {${Object.entries(r.timeline)
                .map(([k, v]) => `${k} ${Math.round(v)}`)
                .join(', ')}}`
            : '';
          console.log(
            `${key} run ${k + 1}: ${Math.round(r.ms)} ms, renderer CPU ${Math.round(r.cpu.work)} ms, main-thread task max ${Math.round(r.cpu.wall)} ms wall / ${Math.round(r.cpu.cpu)} ms CPU of ${r.cpu.tasks} [${r.cpu.inside.join(', ')}], long tasks during [${fmt(r.during)}], before [${fmt(r.before)}] (load ${loadavg()[0].toFixed(1)})${steps}${timeline}`,
          );
        }
  } finally {
    await browser.close();
    for (const s of Object.values(servers)) s.server.close();
  }
  return { results, load0, load1: loadavg()[0], rounds: ROUNDS, old: OLD, date: new Date().toISOString().slice(0, 10) };
}
const { results, load0, load1, rounds, old, date } = await measure();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => Math.round(x).toLocaleString('en-US');
const rows = Object.entries(results).map(([key, runs]) => {
  const during = runs.flatMap((r) => r.during);
  const cpu = runs.map((r) => r.cpu.cpu);
  return `| ${key} | ${ms(median(runs.map((r) => r.ms)))} | ${ms(Math.min(...runs.map((r) => r.ms)))}–${ms(Math.max(...runs.map((r) => r.ms)))} | ${ms(Math.max(0, ...during))} (${runs.filter((r) => r.during.length).length} of ${runs.length} runs) | ${ms(Math.max(...cpu))} (${runs.filter((r) => r.cpu.over50).length} of ${runs.length} runs over 50) | ${runs[0].cpu.work === undefined ? 'not measured' : ms(median(runs.map((r) => r.cpu.work)))} | ${(runs[0].size / 1024 / 1024).toFixed(2)} MB |`;
});
const chromiumVersion = spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
  encoding: 'utf8',
}).stdout.trim();
const table = [
  '| build, click (fresh profile, QĐ 1300, 30 photos imported) | click → PDF, ms (median) | range, ms | longest main-thread task click → done, wall ms (`longtask`) | longest main-thread task, CPU ms (trace) | renderer CPU click → PDF, ms (median; all its threads) | PDF size |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows,
  '',
  `- Each run is a fresh browser profile (new context: empty IndexedDB, Cache Storage, HTTP cache; the service worker installs meanwhile): the bundle is imported in the Import / Export view, Results opened, the export button clicked at once ("now") or 2 s or 10 s after Results opened. ${rounds} runs per row, old and new taking turns. Old = \`${old}\`, new = this checkout. Wall: \`longtask\` entries from the click until 300 ms after the PDF (0 = none over 50 ms); on a loaded machine a task's wall time includes the time the OS gave other processes. CPU: the same tasks' thread time in a Chromium trace (\`tdur\` of the renderer main thread's \`RunTask\`); renderer CPU: the thread time of every task of the page's renderer process (main thread, report worker, image decoding) from the click to 300 ms after the PDF, which load stretches far less than wall time.`,
  `- Machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${chromiumVersion}, headless; 1-min load average ${load0.toFixed(1)} before, ${load1.toFixed(1)} after${Math.max(load0, load1) > 4 ? " (a loaded machine: absolute times are several times an idle one's; compare old and new within the run)" : ''}; measured ${date}.`,
].join('\n');
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(saved, JSON.stringify({ table, results, rounds, old, date, load: [load0, load1] }, null, 2) + '\n');
console.log(table);
