/**
 * The honest initial-JavaScript budget (issue 20): every script the page fetches, as Chromium's network log
 * (DevTools protocol) records it, from a fresh load until the view is interactive — the home view on a fresh
 * profile, and the fill-in view opened directly on a device with one assessment — counted at its gzip size
 * (level 9) from dist/. Chunks fetched later (other sets, the import/export module, PDF code) are not counted
 * because the view did not wait for them; nothing is left out because a static-import walk missed it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, createAssessment, servedApp } from '../e2e/harness.js';

// Issue 20's target is 60 KB for both views. Measured by this test on the same machine (2 cores, production
// build): 151.8 KB for both views with all six sets loaded at start-up; 106.3 / 110.8 KB once sets loaded when used;
// 126.7 KB (home) / 129.5 KB (fill-in) at the start of the startup branch (2026-12-01: the validators chunk alone
// 51.7 KB). Then (ADR 0017): core's validators and verifier left the start-up path (views score stored documents
// with core's `scoreTrusted`, from `@tieuchi/core/trusted`): 90.5 / 93.2 KB; each view's code loads with its
// route, sync code only on an enrolled device: 67.6 KB (home) / 87.5 KB (fill-in) (65.6 / 85.5 with the service
// worker registered 2 s after load, undone: offline locking needs the lazy chunks precached early). 69.7 / 89.7 KB at
// the start of session 5 (2026-12-02), then (ADR 0017, "Session 5"): the builder's and the improvement loop's
// message tables load with their views: 61.8 / 81.8; core's schema-version constants and the pinned-set message
// apart from the schema step and the integrity messages: 59.9 / 79.9; core's three-way merge loads with the first
// write: 58.5 / 78.6; core's check messages (schema, set semantics) apart from the engine's: 57.2 / 77.3 KB.
// Home is under issue 20's 60 KB; fill-in is NOT: what remains on its path is Lit with the start-up message table
// (16.6 KB: the shell's, home's, fill-in's and results' texts in both languages), core's engine with its messages
// and hashing (7.2 + 5.5 + 3.1 KB; ~3 KB of it SHA-256, used only for a pinned locked document), the store and
// IndexedDB layer (8.0), the shell (6.0), and fill-in's own view (tc-fill 6.0, tc-item-card 5.4, tc-photo-evidence 3.0, score
// panel 1.7, plan model 1.5) with its set (4.6). The budgets are the measures plus ~1.5 KB, so any regression fails;
// lower them as those leave the path. After the session's merge (the fill-in view's cards rendered a few at a time,
// plans in the sync outbox, the header's tools group) the same test measured 58.8 KB (home) / 79.5 KB (fill-in): home's
// budget is now issue 20's target itself (60 KB), fill-in's the measure plus 1.5 KB.
// Session 6 (startup branch, ADR 0017 "Session 6"), from 59.6 / 80.6 KB on main at 7106b44: the entry's static imports
// in one chunk (Rolldown's `$initial` group): 55.2 / 76.2; the service worker registered once the first view has
// painted: 53.1 / 74.1; photo evidence and downscaling with the first photo: 53.2 / 72.6; fill-in's view in one chunk
// and the views' small helpers in another: 52.2 / 68.4; the start-up table's English half loaded on the first switch:
// 47.8-49.0 / 65.3 KB (home counts the facility registry, 1.3 KB, when it arrives before home is drawn). This test
// now counts the scripts fetched by the moment the view is interactive (Resource Timing), not a fetch a later
// registration started while the check returned. Fill-in is still 5.3 KB over issue 20's 60 KB: see
// docs/benchmarks.md for what remains, chunk by chunk. Budgets: the measures plus ~1.5 KB.
// Session 7 (bundle branch, ADR 0017 "Session 7"), from 49.2 / 65.9 KB on main at 5e3432d: SHA-256 and canonical JSON
// off the path (built-in sets carry the hash the build computed; hashing loads for a pinned document of another set;
// the device key id with the key): 45.8 / 63.0; the new-assessment, Submit, signature and Import / Export texts in
// their views' tables: 44.3 / 61.5; last round's hints after the first cards: 44.4 / 59.6; the saved language read
// at start-up (a device set to English renders English first): 44.5 / 59.8; home's texts in home's table: 45.1 /
// 59.3 KB. Both views are now under issue 20's 60 KB (facility registry counted). After merging the tablet and pdf
// branches: 45.2 / 59.6 KB. Home's budget is the measure plus ~1.3 KB; fill-in's is issue 20's target itself, so
// any creep past 60 KB fails.
const BUDGET = { home: 46.5 * 1024, fill: 60 * 1024 };
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const app = servedApp();

/**
 * Runs `open`, which resolves with the URLs the page had finished fetching (Resource Timing) at the moment it saw the
 * view interactive, and returns the scripts among them that Chromium's network log recorded, with their gzip sizes.
 * A script whose fetch had not finished then (the service worker's registration, after the first paint) did not hold
 * the view up and is not counted.
 */
async function scriptsFetched(page: Page, open: () => Promise<string[]>): Promise<{ file: string; gzip: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  const urls = new Set<string>();
  cdp.on('Network.requestWillBeSent', (e: { request: { url: string } }) => urls.add(e.request.url));
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const done = new Set(await open());
  const files = [...urls]
    .filter((u) => done.has(u))
    .map((u) => new URL(u))
    .filter((u) => u.origin === new URL(app.served.url).origin && u.pathname.endsWith('.js'))
    .map((u) => decodeURIComponent(u.pathname.replace(/^\//, '')));
  await cdp.detach();
  return [...new Set(files)]
    .map((file) => ({ file, gzip: gzipSync(readFileSync(join(ROOT, 'dist', file)), { level: 9 }).length }))
    .sort((a, b) => b.gzip - a.gzip);
}

const report = (view: string, list: { file: string; gzip: number }[], budget: number): number => {
  const total = list.reduce((n, f) => n + f.gzip, 0);
  console.log(
    [
      `${view}: ${kb(total)} gzip of JavaScript fetched before it is interactive (budget ${kb(budget)})`,
      ...list.map((f) => `  ${f.file.padEnd(52)} ${kb(f.gzip).padStart(8)}`),
    ].join('\n'),
  );
  return total;
};

/**
 * What the page had fetched once the home view was interactive (checked each frame): rendered, with its "new
 * assessment" action there to be used.
 */
const homeReady = async (page: Page): Promise<string[]> =>
  (
    await page.waitForFunction(() => {
      const main = document.querySelector('tc-app')?.shadowRoot?.querySelector('main');
      const home = main?.querySelector('tc-home');
      return (
        !!home?.shadowRoot?.querySelector('a[href], button') &&
        performance.getEntriesByType('resource').map((e) => e.name)
      );
    })
  ).jsonValue() as Promise<string[]>;

/** What the page had fetched once the fill-in view was interactive: item cards with their answer buttons rendered. */
const fillReady = async (page: Page): Promise<string[]> =>
  (
    await page.waitForFunction(() => {
      const fill = document.querySelector('tc-app')?.shadowRoot?.querySelector('tc-fill');
      const card = fill?.shadowRoot?.querySelector('tc-item-card');
      return (
        !!card?.shadowRoot?.querySelector('tc-answer-control') &&
        performance.getEntriesByType('resource').map((e) => e.name)
      );
    })
  ).jsonValue() as Promise<string[]>;

describe('initial JavaScript, as fetched', () => {
  it('home and fill-in views fetch at most their budget of JavaScript before they are interactive', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await ctx.newPage();
      const home = await scriptsFetched(page, async () => {
        // Checked from the first response on (not from the load event), so the moment seen is the view's own.
        await page.goto(app.served.url, { waitUntil: 'commit' });
        return homeReady(page);
      });
      const id = await createAssessment(page, app.served.url, 'Trạm Y tế xã Đo Tải');
      // A returning user opens the assessment in a new tab: everything that tab fetches counts.
      const tab = await ctx.newPage();
      const fill = await scriptsFetched(tab, async () => {
        await tab.goto(`${app.served.url}#/a/${encodeURIComponent(id)}`, { waitUntil: 'commit' });
        return fillReady(tab);
      });
      const homeTotal = report('home (fresh profile)', home, BUDGET.home);
      const fillTotal = report('fill-in (opened directly)', fill, BUDGET.fill);
      expect(home.length).toBeGreaterThan(0);
      expect(fill.some((f) => /qd1300|cantho|who|tt20|qd5959|qd6858/.test(f.file))).toBe(true); // its set counted
      // Core's generated validators (each carries its schema's `$id`) are not on either view's start-up path.
      const validating = [...home, ...fill].filter((f) =>
        readFileSync(join(ROOT, 'dist', f.file), 'utf8').includes('urn:tieuchi:schema:'),
      );
      expect(validating.map((f) => f.file)).toEqual([]);
      // Nor is SHA-256 (its first round constants, as any implementation carries them): built-in sets come with the
      // hash the build computed, and the hashing code loads only for a pinned document of another set (ADR 0017).
      const hashing = [...home, ...fill].filter((f) =>
        readFileSync(join(ROOT, 'dist', f.file), 'utf8').includes('1116352408,1899447441'),
      );
      expect(hashing.map((f) => f.file)).toEqual([]);
      // Their code is compiled off the main thread as it streams in (V8's compile hint on the file's first line, ADR
      // 0017 item 19); only data chunks (the set, the facility registry) go without.
      const data = /^assets\/(facilities|qd1300|cantho|who|tt20|qd5959|qd6858)[-@]/;
      const lazy = [...home, ...fill].filter(
        (f) =>
          !data.test(f.file) &&
          !readFileSync(join(ROOT, 'dist', f.file), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'),
      );
      expect(lazy.map((f) => f.file)).toEqual([]);
      expect(homeTotal).toBeLessThanOrEqual(BUDGET.home);
      expect(fillTotal).toBeLessThanOrEqual(BUDGET.fill);
    } finally {
      await ctx.close();
    }
  });
});
