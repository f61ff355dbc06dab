#!/usr/bin/env node
/**
 * Lighthouse 12.8.2 on the production build (dist/), main views, in Debian's Chromium: performance,
 * accessibility, best practices, for Lighthouse's default mobile profile (simulated slow 4G, 4x CPU) and
 * its desktop profile. Writes the table into docs/benchmarks.md between `<!-- lighthouse:start -->` and
 * `<!-- lighthouse:end -->`, and the raw scores to bench/results/lighthouse.json.
 * Slow and machine-dependent, so a script and not a test (axe and installability ARE tests: test:quality).
 *
 *   node scripts/lighthouse.mjs            (after `vite build`)
 *
 * Lighthouse 12 has no PWA category: installability is checked by test:quality through
 * `Page.getInstallabilityErrors`. Views that need data (fill-in, results...) are seeded first through the
 * UI in the same browser profile, and Lighthouse runs with `disableStorageReset` so it keeps them.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { initialJs } from './initial-js.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
if (!existsSync(join(root, 'dist/index.html'))) {
  console.error('dist/ is missing: run `pnpm --filter @tieuchi/forms-pwa build` first');
  process.exit(1);
}

const server = await preview({ root, configFile: false, logLevel: 'silent', preview: { host: '127.0.0.1', port: 0 } });
const url = server.resolvedUrls.local[0];
const profile = mkdtempSync(join(tmpdir(), 'tieuchi-lh-'));
const port = 9300 + Math.floor(Math.random() * 500);
const chrome = spawn(
  process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--remote-debugging-port=${port}`,
    `--user-data-dir=${profile}`,
    'about:blank',
  ],
  { stdio: 'ignore' },
);

try {
  // Wait for the DevTools endpoint, then seed data through the UI over CDP.
  let browser;
  for (let i = 0; i < 100 && !browser; i++) {
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`).catch(() => undefined);
    if (!browser) await new Promise((r) => setTimeout(r, 100));
  }
  if (!browser) throw new Error('Chromium did not start');
  const page = browser.contexts()[0].pages()[0] ?? (await browser.contexts()[0].newPage());
  const ready = () =>
    page.waitForFunction(() => !!document.querySelector('tc-app')?.shadowRoot?.querySelector('main > *'));
  await page.goto(url);
  await ready();
  await page.goto(`${url}#/new`);
  const sets = await page
    .locator('select[name=set] option')
    .evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  await page.locator('select[name=set]').selectOption(sets.find((s) => s.startsWith('qd1300')) ?? sets[0]);
  await page.locator('select[name=facility]').selectOption('__new__');
  await page.locator('input[name=fname]').fill('Trạm Y tế phường An Khánh');
  await page.locator('textarea[name=assessors]').fill('Nguyễn Thị Lan');
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/#\/a\//);
  await page.locator('tc-item-card').first().waitFor();
  const met = page.locator('tc-item-card button[data-value="met"]');
  for (let i = 0; i < Math.min(5, await met.count()); i++) await met.nth(i).click();
  await page.waitForFunction(
    () =>
      document.querySelector('tc-app')?.shadowRoot?.querySelector('[data-save]')?.getAttribute('data-save') === 'saved',
  );
  const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
  await page.goto('about:blank');

  const views = [
    ['home', '#/'],
    ['new assessment', '#/new'],
    ['fill-in (QĐ 1300, 1st section)', `#/a/${encodeURIComponent(id)}`],
    ['submit', `#/a/${encodeURIComponent(id)}/submit`],
    ['results', `#/a/${encodeURIComponent(id)}/results`],
    ['import / export', '#/io'],
    ['dashboard', '#/dashboard'],
    ['criteria-set builder', '#/b'],
  ];
  const profiles = [
    ['mobile', undefined],
    ['desktop', desktopConfig],
  ];
  const rows = [];
  for (const [name, hash] of views) {
    for (const [form, config] of profiles) {
      const r = await lighthouse(
        `${url}${hash}`,
        {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          disableStorageReset: true,
        },
        config,
      );
      const c = r.lhr.categories;
      const a = r.lhr.audits;
      const row = {
        view: name,
        form,
        performance: Math.round(c.performance.score * 100),
        accessibility: Math.round(c.accessibility.score * 100),
        bestPractices: Math.round(c['best-practices'].score * 100),
        fcpMs: Math.round(a['first-contentful-paint'].numericValue),
        lcpMs: Math.round(a['largest-contentful-paint'].numericValue),
        tbtMs: Math.round(a['total-blocking-time'].numericValue),
        cls: Math.round(a['cumulative-layout-shift'].numericValue * 1000) / 1000,
        failing: Object.values(c.accessibility.auditRefs.concat(c['best-practices'].auditRefs))
          .map((ref) => a[ref.id])
          .filter((x) => x && x.score !== null && x.score < 1 && x.scoreDisplayMode === 'binary')
          .map((x) => x.id),
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  }
  const chromeVersion = await chromiumVersion();
  await browser.close();

  const js = initialJs(join(root, 'dist'));
  const table = [
    '| view | profile | performance | accessibility | best practices | FCP ms | LCP ms | TBT ms | CLS |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.view} | ${r.form} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.fcpMs.toLocaleString('en')} | ${r.lcpMs.toLocaleString('en')} | ${r.tbtMs} | ${r.cls} |`,
    ),
    '',
    `- Audits that did not pass: ${[...new Set(rows.flatMap((r) => r.failing))].join(', ') || 'none'}.`,
    `- Initial JavaScript: ${(js.gzipTotal / 1024).toFixed(1)} KB gzip (${js.initial.map((f) => f.file.replace('assets/', '')).join(', ')}); budget 100 KB, checked by \`test:quality\`.`,
    `- Lighthouse ${r12()} in Chromium ${chromeVersion}, production build served by \`vite preview\` on 127.0.0.1 (no HTTP compression, no CDN); mobile = Lighthouse's default (simulated slow 4G, 4x CPU slowdown), desktop = its desktop preset; measured ${new Date().toISOString().slice(0, 10)}.`,
  ].join('\n');
  mkdirSync(join(repo, 'bench/results'), { recursive: true });
  writeFileSync(join(repo, 'bench/results/lighthouse.json'), JSON.stringify({ rows, table }, null, 1));
  const docPath = join(repo, 'docs/benchmarks.md');
  const doc = readFileSync(docPath, 'utf8');
  const start = '<!-- lighthouse:start -->';
  const end = '<!-- lighthouse:end -->';
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) console.error(`docs/benchmarks.md has no ${start} ... ${end} markers: table not written`);
  else writeFileSync(docPath, `${doc.slice(0, i + start.length)}\n${table}\n${doc.slice(j)}`);
  console.log(table);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  const exited = new Promise((r) => chrome.once('exit', r));
  chrome.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  await server.close();
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

function r12() {
  return JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('lighthouse/package.json')), 'utf8')).version;
}

async function chromiumVersion() {
  const res = await fetch(`http://127.0.0.1:${port}/json/version`).catch(() => undefined);
  return res ? (await res.json()).Browser.replace('HeadlessChrome/', '') : '?';
}
