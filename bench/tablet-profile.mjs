/**
 * Where the low-end tablet's time goes (issue 20): a Chromium trace of the 1300 fill-in view (47 items) at 800×1280
 * with the CPU slowed down 4x (`Emulation.setCPUThrottlingRate`), split into script, style, layout, paint and other
 * on the renderer's main thread — for the first render (navigation until every card has its answer buttons and the
 * next frame came) and for taps on answers (each tap until the score panel's total changed and the next frame came).
 * It also lists the main thread's tasks over 50 ms of the first render.
 *
 *   node bench/tablet-profile.mjs [--rate 4] [--taps 10] [--dist packages/forms-pwa/dist]
 * Needs a build (`pnpm --filter @tieuchi/forms-pwa build`). Figures go to the console only: the time split is for
 * finding what to change; `bench/tablet.mjs` measures old against new.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveStatic, tabletContext, throttledPage, waitForReady } from './lib/app-builds.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const RATE = Number(arg('--rate', 4));
const TAPS = Number(arg('--taps', 10));
const CPU = args.includes('--cpu') || args.includes('--cpu-taps');
const DIST = resolve(root, arg('--dist', 'packages/forms-pwa/dist'));

const PROBE = `(() => {
  // The answer buttons: in the answer control's shadow root (before issue 20's cheaper card) or in the card's.
  window.__ctl = (c) => c && (c.shadowRoot ?? c);
  const tick = () => {
    const fill = document.querySelector('tc-app')?.shadowRoot?.querySelector('tc-fill');
    const cards = fill?.shadowRoot ? [...fill.shadowRoot.querySelectorAll('tc-item-card')] : [];
    if (cards.length >= 47 && cards.every((c) => __ctl(c.shadowRoot?.querySelector('tc-answer-control'))?.querySelector('button, input')))
      requestAnimationFrame(() => setTimeout(() => { window.__ready = performance.now(); console.debug('tc-bench-ready'); }, 0));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Trace event names by what they are (the main thread's own time is attributed to the nearest named ancestor). */
const KIND = new Map([
  ...['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'RunMicrotasks']
    .concat(['TimerFire', 'FireAnimationFrame', 'EventDispatch', 'V8.Execute', 'v8.run', 'ParseHTML', 'GCEvent'])
    .concat(['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase'])
    .map((n) => [n, 'script']),
  ...['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'ScheduleStyleRecalculation'].map((n) => [
    n,
    'style',
  ]),
  ...['Layout', 'UpdateLayerTree', 'IntersectionObserverController::computeIntersections'].map((n) => [n, 'layout']),
  ...['Paint', 'PrePaint', 'Layerize', 'Commit', 'CompositeLayers', 'PaintImage', 'UpdateLayer'].map((n) => [
    n,
    'paint',
  ]),
]);

/** Self time per kind on the renderer main thread between t0 and t1 (µs, trace clock). */
function split(events, tid, t0, t1) {
  const xs = events
    .filter((e) => e.tid === tid && e.ph === 'X' && e.ts >= t0 && e.ts + (e.dur ?? 0) <= t1 && e.dur)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = { script: 0, style: 0, layout: 0, paint: 0, other: 0 };
  const stack = [];
  const self = new Map();
  for (const e of xs) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    e.kind = KIND.get(e.name) ?? parent?.kind ?? 'other';
    self.set(e, e.dur);
    if (parent) self.set(parent, self.get(parent) - e.dur);
    stack.push(e);
  }
  for (const [e, s] of self) out[e.kind] += Math.max(0, s);
  for (const k of Object.keys(out)) out[k] = Math.round(out[k] / 100) / 10; // ms
  return out;
}

if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no build in ${DIST}`);
const { server, url } = await serveStatic(DIST);
const browser = await launchChromium();
try {
  const { ctx, id } = await tabletContext(browser, url, PROBE);

  const warm = await ctx.newPage();
  await warm.goto(`${url}#/`); // warm the HTTP cache of the app's code
  await warm.waitForTimeout(500);
  await warm.close();
  // A page of its own, opened directly at the fill-in view as bench/tablet.mjs does (a load, not a hash change).
  const { page, cdp } = await throttledPage(ctx, RATE);
  const cats = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'];
  await browser.startTracing(page, { categories: cats });
  if (CPU && !args.includes('--cpu-taps')) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const readySignal = waitForReady(page);
  await page.goto(`${url}#/a/${encodeURIComponent(id)}`);
  await readySignal;
  const ready = await page.evaluate(() => window.__ready);
  await page.evaluate(() => performance.mark('tp-ready'));
  await page.waitForTimeout(500);
  if (args.includes('--cpu-taps')) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.evaluate(async (n) => {
    const fill = document.querySelector('tc-app').shadowRoot.querySelector('tc-fill');
    const total = () =>
      fill.shadowRoot.querySelector('tc-score-panel')?.shadowRoot?.querySelector('[data-total]')?.textContent ?? '';
    let k = 0;
    for (const card of fill.shadowRoot.querySelectorAll('tc-item-card')) {
      if (k >= n) break;
      const button = __ctl(card.shadowRoot.querySelector('tc-answer-control'))?.querySelector('[data-value=met]');
      if (!button) continue;
      const before = total();
      performance.mark(`tp-tap-${k}`);
      button.click();
      await new Promise((res) => {
        const tick = () =>
          total() !== before ? requestAnimationFrame(() => setTimeout(res, 0)) : requestAnimationFrame(tick);
        requestAnimationFrame(tick);
      });
      performance.mark(`tp-tapped-${k}`);
      k++;
      await new Promise((r) => setTimeout(r, 150));
    }
  }, TAPS);
  if (CPU) {
    const { profile } = await cdp.send('Profiler.stop');
    if (args.includes('--dump'))
      (await import('node:fs')).writeFileSync('/tmp/tablet-cpu.json', JSON.stringify(profile));
    const self = new Map();
    const dt = new Map(profile.nodes.map((n) => [n.id, 0]));
    profile.samples.forEach((id, i) => dt.set(id, dt.get(id) + (profile.timeDeltas[i + 1] ?? 0)));
    for (const n of profile.nodes) {
      const f = n.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + dt.get(n.id));
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
    for (const [k, us] of top) console.log(String(Math.round(us / 1000)).padStart(6), 'ms', k);
  }
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const events = trace.traceEvents ?? trace;
  const names = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The page's renderer: the main thread that carries our marks.
  const marks = events.filter((e) => typeof e.name === 'string' && e.name.startsWith('tp-'));
  const tid = marks[0]?.tid ?? names.at(-1)?.tid;
  const mark = (n) => marks.find((e) => e.name === n)?.ts;
  const nav =
    events.find((e) => e.tid === tid && e.name === 'navigationStart')?.ts ?? events.find((e) => e.tid === tid)?.ts;
  const first = split(events, tid, nav, mark('tp-ready'));
  const tasks = events
    .filter((e) => e.tid === tid && e.name === 'RunTask' && e.ts >= nav && e.ts <= mark('tp-ready') && e.dur > 50_000)
    .map((e) => Math.round(e.dur / 1000));
  console.log(`${RATE}x first render: ready at ${Math.round(ready)} ms; main-thread self time (ms):`, first);
  console.log('tasks over 50 ms:', tasks.join(', ') || 'none');
  // Thread time (CPU the main thread really got, without waiting for a core or the throttle): robust to load.
  const cpu = events
    .filter((e) => e.tid === tid && e.name === 'RunTask' && e.ts >= nav && e.ts <= mark('tp-ready') && e.tdur)
    .map((e) => e.tdur / 1000);
  console.log(
    `thread time until ready: ${Math.round(cpu.reduce((a, b) => a + b, 0))} ms in ${cpu.length} tasks; longest task ${Math.round(Math.max(...cpu))} ms; tasks over 10 ms: ${cpu
      .filter((x) => x > 10)
      .map(Math.round)
      .join(', ')}`,
  );
  if (args.includes('--dump')) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      '/tmp/tablet-trace.json',
      JSON.stringify({ tid, nav, ready: mark('tp-ready'), marks, events: events.filter((e) => e.tid === tid) }),
    );
  }
  if (args.includes('--tasks'))
    for (const t of events.filter(
      (e) => e.tid === tid && e.name === 'RunTask' && e.ts >= nav && e.ts <= mark('tp-ready') && e.dur > 50_000,
    )) {
      const kids = events
        .filter(
          (e) =>
            e.tid === tid &&
            e.ph === 'X' &&
            e.ts >= t.ts &&
            e.ts + (e.dur ?? 0) <= t.ts + t.dur &&
            e !== t &&
            e.dur > 3000,
        )
        .map(
          (e) =>
            `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : ''}${e.args?.beginData?.dirtyObjects ? ` dirty=${e.args.beginData.dirtyObjects}/${e.args.beginData.totalObjects}` : ''}${e.args?.elementCount ? ` n=${e.args.elementCount}` : ''} ${Math.round(e.dur / 1000)}`,
        );
      console.log(
        `task ${Math.round(t.dur / 1000)} ms @${Math.round((t.ts - nav) / 1000)}:`,
        kids.slice(0, 25).join(' | '),
      );
    }
  const taps = [];
  for (let k = 0; k < TAPS; k++) {
    const a = mark(`tp-tap-${k}`);
    const b = mark(`tp-tapped-${k}`);
    if (a && b) taps.push({ ms: Math.round((b - a) / 100) / 10, ...split(events, tid, a, b) });
  }
  console.table(taps);
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await browser.close();
  server.close();
}
