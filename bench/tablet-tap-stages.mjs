/**
 * Where a real tap's time goes on the low-end tablet (issue 20): Chromium's own `EventLatency` trace events, which
 * split each input event's latency into stages, for trusted taps (DevTools input, as `bench/tablet.mjs`'s "real
 * taps") on "Không đạt" of the 1300 fill-in's cards at 800×1280 and N x CPU slowdown. Per press and per release:
 *   - toMain: from the compositor thread to the main thread starting on it (waiting for the main thread);
 *   - main: the main thread's processing of the event (dispatch, handlers, and the microtasks they queue: Lit's
 *     renders);
 *   - toCommit: from there until the frame's commit (the frame's style, layout and paint on the main thread);
 *   - commitToActivation: raster of what changed (software raster here, `--disable-gpu`);
 *   - toPresentation: from the compositor frame's submission until it was presented.
 * A press and its release come back to back (as Playwright sends them), so the release waits behind the press.
 *
 *   node bench/tablet-tap-stages.mjs [--rate 4] [--taps 8] [--dist packages/forms-pwa/dist]
 * Needs a build (`pnpm --filter @tieuchi/forms-pwa build`). Figures go to the console only.
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
const TAPS = Number(arg('--taps', 8));
const DIST = resolve(root, arg('--dist', 'packages/forms-pwa/dist'));

// Ready: every card has its answer control's buttons or input (as bench/tablet.mjs's probe).
const PROBE = `(() => {
  const tick = () => {
    const fill = document.querySelector('tc-app')?.shadowRoot?.querySelector('tc-fill');
    const cards = fill?.shadowRoot ? [...fill.shadowRoot.querySelectorAll('tc-item-card')] : [];
    if (cards.length >= 47 && cards.every((c) => c.shadowRoot?.querySelector('tc-answer-control button, tc-answer-control input')))
      requestAnimationFrame(() => setTimeout(() => { window.__ready = performance.now(); console.debug('tc-bench-ready'); }, 0));
    else requestAnimationFrame(tick);
  };
  if (location.hash) requestAnimationFrame(tick);
})();`;

/** Each press's and release's stages (ms) from the trace's `EventLatency` async slices and their nested stages. */
function stages(events) {
  const ev = events.filter((e) => e.id2?.local && (e.ph === 'b' || e.ph === 'e')).sort((a, b) => a.ts - b.ts);
  const ms = (us) => Math.round(us / 100) / 10;
  const rows = [];
  for (const b of ev.filter((e) => e.name === 'EventLatency' && e.ph === 'b')) {
    const type = b.args?.event_latency?.event_type ?? '';
    if (!/PRESSED|RELEASED/.test(type)) continue;
    const id = b.id2.local;
    const end = ev.find((e) => e.name === 'EventLatency' && e.ph === 'e' && e.id2.local === id && e.ts > b.ts)?.ts;
    if (end === undefined) continue;
    const st = {};
    for (const s of ev.filter((e) => e.ph === 'b' && e.id2.local === id && e.ts >= b.ts && e.ts <= end)) {
      if (s.name === 'EventLatency') continue;
      const se = ev.find((e) => e.ph === 'e' && e.id2.local === id && e.name === s.name && e.ts >= s.ts);
      if (se && se.ts <= end) st[s.name] = ms(se.ts - s.ts);
    }
    rows.push({
      event: type.replace('MOUSE_', '').replace('_EVENT', '').toLowerCase(),
      total: ms(end - b.ts),
      toMain: st.RendererCompositorToMain,
      main: st.RendererMainProcessing,
      toCommit: st.RendererMainFinishedToCommit,
      commitToActivation: st.EndCommitToActivation,
      toPresentation: st.SubmitCompositorFrameToPresentationCompositorFrame,
    });
  }
  return rows;
}

if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no build in ${DIST}`);
const { server, url } = await serveStatic(DIST);
const browser = await launchChromium();
try {
  const { ctx, id } = await tabletContext(browser, url, PROBE);
  const { page, cdp } = await throttledPage(ctx, RATE);
  const readySignal = waitForReady(page);
  await page.goto(`${url}#/a/${encodeURIComponent(id)}`);
  await readySignal;
  await page.waitForTimeout(1500);
  const ids = await page.evaluate(() =>
    [
      ...document
        .querySelector('tc-app')
        .shadowRoot.querySelector('tc-fill')
        .shadowRoot.querySelectorAll('tc-item-card'),
    ]
      .filter((c) => c.shadowRoot.querySelector('button[data-value=not-met]'))
      .map((c) => c.dataset.itemId),
  );
  await browser.startTracing(page, { categories: ['devtools.timeline', 'cc', 'input', 'benchmark', 'latencyInfo'] });
  for (const item of ids.slice(0, TAPS)) {
    const button = page.locator(`tc-item-card[data-item-id="${item}"] button[data-value="not-met"]`);
    await button.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await button.click();
    await page.waitForTimeout(400);
  }
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const rows = stages(trace.traceEvents ?? trace);
  console.table(rows);
  const med = (k, ev) => {
    const xs = rows
      .filter((r) => r.event === ev && r[k] !== undefined)
      .map((r) => r[k])
      .sort((a, b) => a - b);
    return xs.length ? xs[Math.floor(xs.length / 2)] : '—';
  };
  for (const ev of ['pressed', 'released'])
    console.log(
      `${ev} medians at ${RATE}x (ms):`,
      ['total', 'toMain', 'main', 'toCommit', 'commitToActivation', 'toPresentation']
        .map((k) => `${k} ${med(k, ev)}`)
        .join(', '),
    );
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await browser.close();
  server.close();
}
