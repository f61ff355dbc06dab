/**
 * What the browser benchmarks share: the app as built at another commit (the "old" side of an old-vs-new run),
 * a static server for a build folder, a 1300 assessment made through the New view, and the tablet benches' Chromium
 * and context. Used by bench/tablet.mjs, bench/tablet-profile.mjs, bench/tablet-tap-stages.mjs and
 * bench/report-first.mjs.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds `commit`'s app into a temp folder named after `tag` and the commit (git archive + this checkout's
 * node_modules) and returns its dist folder. With `reuse`, an existing build of that commit is used as it is.
 */
export function buildOld(commit, { tag, reuse = false }) {
  const dir = join(tmpdir(), `tieuchi-${tag}-old-${commit.replace(/\W/g, '')}`);
  const dist = join(dir, 'packages/forms-pwa/dist');
  if (reuse && existsSync(join(dist, 'index.html'))) return dist;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git -C "${root}" archive ${commit} | tar -x -C "${dir}"`], {
    stdio: 'inherit',
  });
  if (archive.status !== 0) throw new Error(`git archive ${commit} failed`);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  for (const p of ['core', 'report', 'sheets', 'forms-pwa'])
    if (existsSync(join(root, 'packages', p, 'node_modules')))
      symlinkSync(join(root, 'packages', p, 'node_modules'), join(dir, 'packages', p, 'node_modules'));
  const b = spawnSync('npx', ['vite', 'build'], { cwd: join(dir, 'packages/forms-pwa'), stdio: 'inherit' });
  if (b.status !== 0) throw new Error('old build failed');
  return dist;
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A static server for `dir` on a free port of 127.0.0.1: resolves to `{ server, url }`. */
export function serveStatic(dir) {
  const server = createServer((req, res) => {
    let p = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (p.endsWith('/')) p += 'index.html';
    const file = join(dir, p);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
    // As the council server sends them (packages/server/src/app.ts): hashed assets cached for good, the rest revalidated.
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': /[/\\]assets[/\\]/.test(p) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((r) =>
    server.listen(0, '127.0.0.1', () => r({ server, url: `http://127.0.0.1:${server.address().port}/` })),
  );
}

/**
 * Makes a QĐ 1300 assessment (the newest built-in version) through the app's New view on `page` and returns its id
 * once its fill-in view shows an item card.
 */
export async function create1300Assessment(page, url) {
  await page.goto(`${url}#/new`);
  const select = page.locator('select[name=set]');
  await select.waitFor();
  const value = await select.evaluate((s) =>
    [...s.options]
      .map((o) => o.value)
      .filter((v) => v.startsWith('qd1300-commune-health@'))
      .sort()
      .pop(),
  );
  await select.selectOption(value);
  await page.locator('select[name=facility]').selectOption('__new__');
  await page.locator('input[name=fname]').fill('Trạm Y tế xã Đo');
  await page.locator('textarea[name=assessors]').fill('Người đo');
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/#\/a\//);
  await page.locator('tc-item-card').first().waitFor();
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
}

/**
 * Resolves once the fill-in view is ready by the benches' probe, which sets `window.__ready` and logs
 * `tc-bench-ready` to the console; at most 2 minutes. Call it before `page.goto`, await it after. Nothing runs in the
 * page being measured while it loads: Playwright's `waitForFunction` injected its large script (a task of 100-200 ms
 * at 4x slowdown), and an evaluate that polled from the page was a 30 ms task of its own at 4x.
 */
export function waitForReady(page) {
  return page.waitForEvent('console', { predicate: (m) => m.text() === 'tc-bench-ready', timeout: 120_000 });
}

/** Headless Chromium as the tablet benches run it (Debian's, or `CHROMIUM_PATH`; no GPU: raster in software). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/**
 * A tablet's context in `browser` (800×1280, service workers blocked so every build loads the same way, `probe` run
 * before each page's scripts) holding the 1300 assessment made through the app at `url`: resolves to `{ ctx, id }`.
 */
export async function tabletContext(browser, url, probe) {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 1280 }, serviceWorkers: 'block' });
  await ctx.addInitScript(probe);
  const setup = await ctx.newPage();
  const id = await create1300Assessment(setup, url);
  await setup.close();
  return { ctx, id };
}

/** A new page of `ctx` with its CPU slowed down `rate` times (DevTools' `Emulation.setCPUThrottlingRate`). */
export async function throttledPage(ctx, rate) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { page, cdp };
}
