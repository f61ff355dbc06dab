#!/usr/bin/env node
/**
 * Screenshots of the improvement-loop views (dashboard, compare, plan) at 1280x800, in headless Chromium against
 * the production build in dist/, with the example stations' contest rounds imported.
 *   node scripts/screenshots-loop.mjs [outDir]   (default: ../../docs/screenshots)
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const ex = join(root, '../../examples/qd1300-commune-health');
const assessments = readdirSync(ex)
  .filter((f) => /-(2025-baseline|2026-followup)\.assessment\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(ex, f), 'utf8')));
const bundle = JSON.stringify({ schemaVersion: 1, kind: 'bundle', createdAt: '2026-06-01T00:00:00.000Z', assessments });

const server = await preview({ root, configFile: false, logLevel: 'silent', preview: { host: '127.0.0.1', port: 0 } });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
await page.goto(url);
await page.waitForFunction(() => !!document.querySelector('tc-app')?.shadowRoot?.querySelector('main > *'));
await page.goto(`${url}#/io`);
await page
  .locator('input[data-import]')
  .setInputFiles({ name: 'examples.json', mimeType: 'application/json', buffer: Buffer.from(bundle) });
await page.locator('[data-import-ok]').waitFor();
// Headless Chromium refuses persistent storage: close the warning so the views show.
const dismiss = page.locator('[data-persist-refused] button');
if (await dismiss.count()) await dismiss.click();

await page.goto(`${url}#/dashboard`);
await page.locator('tc-dashboard-ranking table').waitFor();
await page.locator('tc-dashboard button[data-mode="gain"]').click();
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/dashboard-1280x800.png` });

await page.goto(`${url}#/compare/ex-1300-thanh-tien-2025-r1/ex-1300-thanh-tien-2026-r1`);
await page.locator('[data-total-delta]').waitFor();
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/compare-1280x800.png` });

await page.goto(`${url}#/a/ex-1300-thanh-tien-2025-r1/plan`);
const first = page.locator('tc-plan-action').first();
await first.waitFor();
await first.locator('textarea[name="action"]').fill('Sửa mái phòng khám, trát và sơn lại tường nứt');
await first.locator('input[name="owner"]').fill('Trưởng trạm');
await first.locator('input[name="due"]').fill('30/06/2025');
await first.locator('input[name="due"]').press('Tab');
await first.locator('input[name="resources"]').fill('Ngân sách xã, 45 triệu đồng');
await first.locator('button[data-status="in-progress"]').click();
await page.waitForTimeout(400);
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: `${out}/plan-1280x800.png` });
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
