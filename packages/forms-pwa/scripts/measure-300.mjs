#!/usr/bin/env node
/**
 * Measures the production build in headless Chromium with a generated 300-item set on ONE section
 * (worst case: every card rendered at once):
 *   - render: from the route change to all 300 item cards rendered and updated,
 *   - answer: from a click to the updated total painted (next animation frame),
 *   - initial JS: gzip size of the scripts loaded by index.html.
 * Prints JSON. Not a test: timings depend on the machine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const criteria = Array.from({ length: 30 }, (_, c) => ({
  id: `c${c}`,
  code: `${c + 1}`,
  title: { vi: `Tiêu chí ${c + 1}` },
  items: Array.from({ length: 10 }, (_, i) => ({
    id: `c${c}i${i}`,
    code: `${c + 1}.${i + 1}`,
    text: { vi: `Nội dung kiểm tra số ${c * 10 + i + 1}: cơ sở có thực hiện đúng quy định hay không.` },
    guidance: { vi: 'Quan sát và xem hồ sơ.' },
    verification: ['observe', 'records'],
    response: { kind: 'binary', points: 1 },
    naAllowed: i % 3 === 0,
    knockout: i === 0 && c % 10 === 0,
    provenance: { wording: 'paraphrase' },
  })),
}));
const set = {
  schemaVersion: 1, kind: 'criteria-set', id: 'bench-300', version: '1', title: { vi: 'Bộ 300 chỉ tiêu (đo hiệu năng)' },
  source: { documents: [{ number: 'BENCH', role: 'reference' }] }, applicability: { facilityKinds: ['commune-station'] },
  wording: 'paraphrase',
  scoring: { model: 'points', aggregation: 'sum', maxPoints: 300, passRules: [{ kind: 'total-percent-at-least', percent: 80 }, { kind: 'no-failed-knockout' }] },
  sections: [{ id: 's1', title: { vi: 'Tất cả' }, criteria }],
};

const html = readFileSync(`${root}/dist/index.html`, 'utf8');
const entry = [...html.matchAll(/src="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const preloads = [...html.matchAll(/href="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const initialJs = [...entry, ...preloads].reduce((n, f) => n + gzipSync(readFileSync(`${root}/dist/${f}`)).length, 0);

const server = await preview({ root, configFile: false, logLevel: 'silent', preview: { host: '127.0.0.1', port: 0 } });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`${url}#/io`);
await page.locator('input[data-import]').setInputFiles({ name: 'set.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(set)) });
await page.locator('[data-import-ok]').waitFor();
await page.goto(`${url}#/new`);
await page.locator('select[name=set]').selectOption('bench-300@1');
await page.locator('select[name=facility]').selectOption('__new__');
await page.locator('input[name=fname]').fill('Trạm đo');
await page.locator('button[type=submit]').click();
await page.waitForURL(/#\/a\//);
const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);

const renders = [];
for (let k = 0; k < 5; k++) {
  await page.goto(`${url}#/`);
  await page.locator('tc-home').waitFor();
  renders.push(
    await page.evaluate(async (hash) => {
      const t0 = performance.now();
      location.hash = hash;
      const fill = await new Promise((res) => {
        const tick = () => {
          const f = document.querySelector('tc-app')?.shadowRoot?.querySelector('tc-fill');
          if (f?.shadowRoot?.querySelectorAll('tc-item-card').length === 300) res(f);
          else requestAnimationFrame(tick);
        };
        tick();
      });
      await fill.updateComplete;
      await Promise.all([...fill.shadowRoot.querySelectorAll('tc-item-card')].map((c) => c.updateComplete));
      await new Promise((r) => requestAnimationFrame(() => r()));
      return performance.now() - t0;
    }, `#/a/${id}`),
  );
}
await page.locator('tc-item-card').first().waitFor();
const answers = [];
for (let k = 0; k < 10; k++) {
  answers.push(
    await page.evaluate(async (k) => {
      const fill = document.querySelector('tc-app').shadowRoot.querySelector('tc-fill');
      const card = fill.shadowRoot.querySelectorAll('tc-item-card')[k + 1];
      const btn = card.shadowRoot.querySelector('tc-answer-control').shadowRoot.querySelector('button[data-value="met"]');
      const total = () => fill.shadowRoot.querySelector('tc-score-panel').shadowRoot.querySelector('[data-total]').textContent;
      const before = total();
      const t0 = performance.now();
      btn.click();
      await new Promise((res) => {
        const tick = () => (total() !== before ? res() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      });
      return performance.now() - t0;
    }, k),
  );
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({
  items: 300,
  renderMs: { median: Math.round(median(renders)), all: renders.map(Math.round) },
  answerToTotalMs: { median: Math.round(median(answers) * 10) / 10, all: answers.map((x) => Math.round(x * 10) / 10) },
  initialJsGzipBytes: initialJs,
  initialJsFiles: [...entry, ...preloads],
}, null, 1));
await browser.close();
await server.close();
