#!/usr/bin/env node
/**
 * Screenshots of the criteria-set builder at 1280x800 in headless Chromium against the production build:
 * a local edition of the commune-health set with an item open and the preview answered; the versions tab
 * with a diff and a field error.
 *   node scripts/builder-screenshots.mjs [outDir]   (default: ../../docs/screenshots)
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
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
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.goto(`${url}#/b`);
await page.locator('[data-action="new-set"]').waitFor();
// Close the storage warning so the shot shows the builder.
const dismiss = page.locator('[data-persist-refused] button');
if (await dismiss.count()) await dismiss.click();
await page.screenshot({ path: `${out}/builder-list-1280x800.png` });

const sets = await page.locator('li[data-set]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-set')));
const key = sets.find((k) => k.startsWith('qd1300')) ?? sets[0];
await page.locator(`li[data-set="${key}"] [data-action="local-edition"]`).click();
await page.waitForURL(/#\/b\//);
await page.locator('tc-builder-tree button[data-node="0.0.1"]').click();
const pv = page.locator('tc-builder-preview');
const met = pv.locator('tc-item-card button[data-value="met"]');
for (let i = 0; i < Math.min(3, await met.count()); i++) await met.nth(i).click();
await page.waitForTimeout(300);
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: `${out}/builder-1280x800.png` });
// The versions tab after a wording correction: the diff against the official version, then an inline error.
const text = page.locator('tc-builder-item [data-field="text.vi"]');
await text.fill(`${await text.inputValue()} (nguyên văn)`);
await page.locator('[data-tab="versions"]').click();
const points = page.locator('tc-builder-response [data-field="points"]');
if (await points.count()) await points.fill('');
await page.waitForTimeout(200);
await page.screenshot({ path: `${out}/builder-versions-1280x800.png` });
await browser.close();
await server.close();
console.log(`builder screenshots in ${out}`);
