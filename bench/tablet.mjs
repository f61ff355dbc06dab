/**
 * Low-end tablets (issue 20): the 1300 fill-in view (QĐ 1300, 47 items) in headless Chromium at 800×1280 with the
 * CPU slowed down through the DevTools protocol (`Emulation.setCPUThrottlingRate`, 4x and 6x), the OLD build (a
 * commit, default `main`, built into a temp folder) and the NEW one (this checkout's packages/forms-pwa/dist) in the
 * same run, alternating, so load on the machine hits both alike.
 *
 * Measured per round, on a page opened directly at the fill-in view (assessment already on the device, HTTP cache
 * warm, service workers blocked so both builds load the same way):
 *   - interactive + painted: from navigation start until every item card has its answer buttons and the next frame
 *     was painted;
 *   - longest task: the longest `longtask` entry (PerformanceObserver) from navigation start until 1 s after that;
 *   - first card answerable: from navigation start until the first item card has its answer buttons (the cards
 *     render a few at a time since issue 20, the first screen first);
 *   - answer tap → total painted: a click on an answer until the score panel's total changed and the next frame came
 *     (p50 and p90 over the taps). Its floor is one to two frames whatever the work (it waits for the frame after
 *     the change, then for the next one to know that frame was painted): about 17–33 ms at 60 Hz;
 *   - real tap → next paint (Event Timing, as INP measures it): a trusted click (DevTools input) on "Không đạt" of a
 *     card scrolled into view, the `event` entry's duration (input until the frame after its handlers was
 *     presented). The API reports nothing under 16 ms: `realUnderFrame` counts those taps, `realP90` is the p90 of
 *     all taps with those as 0.
 *
 * And per round, the platform's floor through the same harness: an empty page (one line of text set by a one-line
 * module) from navigation start until that module ran and the next frame came. No app can open sooner than that on
 * this machine at that slowdown; the app's own time is the difference.
 *
 *   node bench/tablet.mjs [--old <commit>] [--old-dist <folder>] [--new-dist <folder>] [--rates 4,6] [--rounds N]
 *                         [--taps N] [--no-build]
 * Needs the new build first (`pnpm --filter @tieuchi/forms-pwa build`); `--old-dist` / `--new-dist` take builds
 * already made instead of a commit to build and this checkout's dist. Figures go to the console and to
 * bench/results/tablet.json; docs/benchmarks.md "Low-end tablets" records them with the load average.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildOld,
  launchChromium,
  serveStatic,
  tabletContext,
  throttledPage,
  waitForReady,
} from './lib/app-builds.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const OLD = arg('--old', 'main');
const ROUNDS = Number(arg('--rounds', 5));
const TAPS = Number(arg('--taps', 15));
const RATES = arg('--rates', '4,6').split(',').map(Number);

// Runs in the page before its scripts: long tasks, and the moment the fill-in view is interactive and painted.
const PROBE = `(() => {
  // The answer buttons: in the answer control's shadow root (before issue 20's cheaper card) or in the card's.
  window.__ctl = (c) => c && (c.shadowRoot ?? c);
  window.__long = [];
  window.__events = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'click' || e.name === 'pointerup' || e.name === 'pointerdown') window.__events.push([e.name, e.startTime, e.duration, e.interactionId]); })
    .observe({ type: 'event', durationThreshold: 16, buffered: true }); } catch {}
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true }); } catch {}
  const tick = () => {
    const fill = document.querySelector('tc-app')?.shadowRoot?.querySelector('tc-fill');
    const cards = fill?.shadowRoot ? [...fill.shadowRoot.querySelectorAll('tc-item-card')] : [];
    if (window.__first === undefined && __ctl(cards[0]?.shadowRoot?.querySelector('tc-answer-control'))?.querySelector('button, input'))
      window.__first = performance.now();
    if (cards.length >= 47 && cards.every((c) => __ctl(c.shadowRoot?.querySelector('tc-answer-control'))?.querySelector('button, input')))
      requestAnimationFrame(() => setTimeout(() => { window.__ready = performance.now(); console.debug('tc-bench-ready'); }, 0));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const r1 = (x) => Math.round(x * 10) / 10;

/** One round: open the fill-in view at `rate`x, then tap answers. */
async function round(ctx, url, id, rate) {
  const { page, cdp } = await throttledPage(ctx, rate);
  const readySignal = waitForReady(page);
  await page.goto(`${url}#/a/${encodeURIComponent(id)}`);
  await readySignal;
  await page.waitForTimeout(1000);
  const { ready, first, longest } = await page.evaluate(() => ({
    ready: window.__ready,
    first: window.__first,
    longest: Math.max(0, ...window.__long.filter(([s]) => s <= window.__ready + 1000).map(([, d]) => d)),
  }));
  const taps = await page.evaluate(async (n) => {
    const fill = document.querySelector('tc-app').shadowRoot.querySelector('tc-fill');
    const total = () =>
      fill.shadowRoot.querySelector('tc-score-panel')?.shadowRoot?.querySelector('[data-total]')?.textContent ?? '';
    const cards = [...fill.shadowRoot.querySelectorAll('tc-item-card')];
    const out = [];
    for (const card of cards) {
      if (out.length >= n) break;
      const control = card.shadowRoot.querySelector('tc-answer-control');
      const button = __ctl(control)?.querySelector('button[data-value="met"]');
      if (!button) continue; // a number item
      const before = total();
      const t0 = performance.now();
      button.click();
      const changed = await new Promise((res) => {
        const stop = t0 + 3000;
        const tick = () =>
          total() !== before
            ? requestAnimationFrame(() => setTimeout(() => res(true), 0))
            : performance.now() > stop
              ? res(false)
              : requestAnimationFrame(tick);
        requestAnimationFrame(tick);
      });
      if (changed) out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
    return out;
  }, TAPS);
  // Real taps (trusted input through the DevTools protocol) timed by the browser's Event Timing API: from the input
  // to the next frame painted after its handlers (what INP measures). Entries under 16 ms are not reported at all
  // (the API's floor), so a tap with no entry took less than one frame.
  const real = [];
  const cardIds = await page.evaluate(() =>
    [
      ...document
        .querySelector('tc-app')
        .shadowRoot.querySelector('tc-fill')
        .shadowRoot.querySelectorAll('tc-item-card'),
    ]
      .filter((c) =>
        __ctl(c.shadowRoot.querySelector('tc-answer-control'))?.querySelector('button[data-value="not-met"]'),
      )
      .map((c) => c.dataset.itemId),
  );
  for (const id of cardIds.slice(0, TAPS)) {
    const button = page.locator(`tc-item-card[data-item-id="${id}"] button[data-value="not-met"]`);
    await button.scrollIntoViewIfNeeded();
    await page.waitForTimeout(150);
    const n0 = await page.evaluate(() => window.__events.length);
    await button.click();
    await page.waitForTimeout(250);
    const entries = await page.evaluate((n) => window.__events.slice(n), n0);
    real.push(Math.max(0, ...entries.filter((e) => e[3]).map((e) => e[2])));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.close();
  return { ready, first, longest, taps, real };
}

/** The empty page's round: navigation until its one-line module ran and the next frame came. */
async function floorRound(ctx, url, rate) {
  const { page, cdp } = await throttledPage(ctx, rate);
  const readySignal = waitForReady(page);
  await page.goto(url);
  await readySignal;
  const ready = await page.evaluate(() => window.__ready);
  await page.close();
  return ready;
}

const newDist = arg('--new-dist', join(root, 'packages/forms-pwa/dist'));
if (!existsSync(join(newDist, 'index.html'))) throw new Error('build packages/forms-pwa first');
const oldDist = arg('--old-dist', null) ?? buildOld(OLD, { tag: 'tablet', reuse: args.includes('--no-build') });
const floorDir = mkdtempSync(join(tmpdir(), 'tablet-floor-'));
mkdirSync(join(floorDir, 'assets'));
writeFileSync(
  join(floorDir, 'index.html'),
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>floor</title>' +
    '<script type="module" src="./assets/floor.js"></script></head><body><p id="x"></p></body></html>',
);
writeFileSync(
  join(floorDir, 'assets/floor.js'),
  "document.getElementById('x').textContent = 'Trạm Y tế xã';\n" +
    "requestAnimationFrame(() => setTimeout(() => { window.__ready = performance.now(); console.debug('tc-bench-ready'); }, 0));\n",
);
const servers = {
  old: await serveStatic(oldDist),
  new: await serveStatic(newDist),
  floor: await serveStatic(floorDir),
};
const browser = await launchChromium();
const load0 = loadavg();
const results = {};
try {
  const ctxs = {};
  for (const v of ['old', 'new']) {
    const { ctx, id } = await tabletContext(browser, servers[v].url, PROBE);
    ctxs[v] = Object.assign(ctx, { id });
  }
  for (const rate of RATES)
    for (let k = 0; k < ROUNDS; k++) {
      const floor = await floorRound(ctxs.old, servers.floor.url, rate);
      const fkey = `empty page ${rate}x`;
      results[fkey] ??= { ready: [], first: [], longest: [0], taps: [], real: [] };
      results[fkey].ready.push(floor);
      results[fkey].first.push(floor);
      console.log(fkey, `round ${k + 1}:`, r1(floor), 'ms ready');
      for (const v of k % 2 ? ['new', 'old'] : ['old', 'new']) {
        const r = await round(ctxs[v], servers[v].url, ctxs[v].id, rate);
        const key = `${v} ${rate}x`;
        results[key] ??= { ready: [], first: [], longest: [], taps: [], real: [] };
        results[key].ready.push(r.ready);
        results[key].first.push(r.first ?? r.ready);
        results[key].real.push(...r.real);
        results[key].longest.push(r.longest);
        results[key].taps.push(...r.taps);
        console.log(
          key,
          `round ${k + 1}:`,
          r1(r.first ?? r.ready),
          'ms first card,',
          r1(r.ready),
          'ms ready,',
          r1(r.longest),
          'ms longest task,',
          r.taps.length,
          'taps',
        );
      }
    }
} finally {
  await browser.close();
  for (const s of Object.values(servers)) s.server.close();
  rmSync(floorDir, { recursive: true, force: true });
}
const load1 = loadavg();
const rows = Object.entries(results).map(([key, r]) => ({
  key,
  firstP50: r1(pct(r.first, 0.5)),
  readyP50: r1(pct(r.ready, 0.5)),
  readyMax: r1(Math.max(...r.ready)),
  longestMax: r1(Math.max(...r.longest)),
  tapP50: r.taps.length ? r1(pct(r.taps, 0.5)) : '—',
  tapP90: r.taps.length ? r1(pct(r.taps, 0.9)) : '—',
  taps: r.taps.length,
  // Event Timing: taps under one frame (no entry), and the p90 of the reported durations (0 = all under 16 ms).
  realUnderFrame: `${r.real.filter((d) => d === 0).length}/${r.real.length}`,
  realP90: r.real.length ? r1(pct(r.real, 0.9)) : '—',
}));
console.table(rows);
console.log(
  `load average ${load0.map(r1).join(' ')} → ${load1.map(r1).join(' ')} on ${cpus().length} cores; old = ${OLD}`,
);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(
  join(root, 'bench/results/tablet.json'),
  JSON.stringify({ old: OLD, rounds: ROUNDS, load: [load0, load1], rows }, null, 2),
);
